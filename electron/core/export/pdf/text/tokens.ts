// The break rules live in shared/ so the animatic player and the burn-ins wrap captions the same way.
export { breakPieces, type Piece } from '../../../../../shared/text/line-breaks';
