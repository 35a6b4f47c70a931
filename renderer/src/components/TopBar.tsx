import { api } from '../api/client';
import { MenuBar } from '../menu/MenuBar';
import { runMenuCommand } from '../menu/commands';
import { panelCount, runningTimeMs, useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { formatRunningTime, plural } from '../util/format';
import { shortcut } from '../util/platform';
import { aspectLabel } from './aspect-labels';
import { RedoIcon, UndoIcon } from './Icons';
import { Logo } from './Logo';

/** Project title, menu (web mode), board totals and undo/redo. */
export function TopBar() {
  const board = useBoardStore((s) => s.board);
  const history = useBoardStore((s) => s.history);
  const busy = useSessionStore((s) => s.pending > 0);
  if (!board) return null;
  const panels = panelCount(board);
  const total = runningTimeMs(board.scenes.flatMap((s) => s.panels));
  return (
    <header className="topbar">
      <div className="topbar-left">
        <Logo />
        {api.shell === 'web' && <MenuBar />}
      </div>
      <div className="topbar-title" title={board.project.path}>
        <span className="project-title" data-testid="project-title">
          {board.project.title}
        </span>
        <span className="chip">{aspectLabel(board.project.aspectRatio)}</span>
        <span className="chip">{board.project.fps} fps</span>
        {board.project.readOnly && (
          <span className="chip chip-warning" data-testid="read-only-chip" title="Another Boardwright process is editing this project: changes here are refused.">
            Read-only
          </span>
        )}
      </div>
      <div className="topbar-right">
        <span className={`busy${busy ? ' is-busy' : ''}`} aria-hidden />
        <span className="stats" data-testid="board-stats">
          {plural(board.scenes.length, 'scene')} · {plural(panels, 'panel')} · <strong>{formatRunningTime(total)}</strong>
        </span>
        <div className="button-group">
          <button
            type="button"
            className="icon-button"
            data-testid="undo-button"
            disabled={!history.canUndo}
            title={history.undoLabel ? `Undo ${history.undoLabel} (${shortcut('Z')})` : 'Nothing to undo'}
            aria-label="Undo"
            onClick={() => runMenuCommand({ kind: 'undo' })}
          >
            <UndoIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="redo-button"
            disabled={!history.canRedo}
            title={history.redoLabel ? `Redo ${history.redoLabel} (${shortcut('Z', { shift: true })})` : 'Nothing to redo'}
            aria-label="Redo"
            onClick={() => runMenuCommand({ kind: 'redo' })}
          >
            <RedoIcon />
          </button>
        </div>
      </div>
    </header>
  );
}
