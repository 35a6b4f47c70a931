import type { Renumbered } from '../../../shared/domain/board';
import { undoLast } from './run';
import { useSessionStore } from './session-store';

/** Says which shots an edit renumbered (the crew may already use those numbers), with Undo. */
export function noticeRenumbered(title: string, r: Renumbered): void {
  if (r.renumbered === 0 || !r.first) return;
  const shots = r.renumbered === 1 ? '1 shot was' : `${r.renumbered} shots were`;
  useSessionStore.getState().showNotice({
    kind: 'info',
    title,
    message: `${shots} renumbered (${r.first.from} is now ${r.first.to}). To keep numbers fixed once the board is out, use Board › Lock Shot Numbers.`,
    action: { label: 'Undo', run: () => void undoLast() },
  });
}
