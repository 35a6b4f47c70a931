import { fitBoard, zoomBy, zoomTo } from '../board/board-view';
import { MAX_CARD_SCALE, MIN_CARD_SCALE, useViewStore } from '../state/view-store';
import { shortcut } from '../util/platform';
import { FitIcon, GridLargeIcon, GridSmallIcon, ZoomInIcon, ZoomOutIcon } from './Icons';

/** Zoom out / level / in, fit, and the card-size slider. */
export function ViewControls() {
  const scale = useViewStore((s) => s.camera.scale);
  const cardScale = useViewStore((s) => s.cardScale);
  const setCardScale = useViewStore((s) => s.setCardScale);
  return (
    <div className="view-controls">
      <div className="button-group">
        <button type="button" className="icon-button" data-testid="zoom-out" title={`Zoom out (${shortcut('-')})`} aria-label="Zoom out" onClick={() => zoomBy(0.8)}>
          <ZoomOutIcon />
        </button>
        <button type="button" className="zoom-level" data-testid="zoom-level" title={`Actual size (${shortcut('0')})`} onClick={() => zoomTo(1)}>
          {Math.round(scale * 100)}%
        </button>
        <button type="button" className="icon-button" data-testid="zoom-in" title={`Zoom in (${shortcut('=')})`} aria-label="Zoom in" onClick={() => zoomBy(1.25)}>
          <ZoomInIcon />
        </button>
        <button type="button" className="icon-button" data-testid="zoom-fit" title="Fit the board in the window (Shift+1)" aria-label="Fit" onClick={fitBoard}>
          <FitIcon />
        </button>
      </div>
      <label className="card-size" title="Card size">
        <GridSmallIcon />
        <input
          type="range"
          min={MIN_CARD_SCALE}
          max={MAX_CARD_SCALE}
          step={0.05}
          value={cardScale}
          data-testid="card-size"
          aria-label="Card size"
          onChange={(e) => setCardScale(Number(e.target.value))}
        />
        <GridLargeIcon />
      </label>
    </div>
  );
}
