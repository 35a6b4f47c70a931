import { actions } from '../state/actions';
import { useBoardStore } from '../state/board-store';
import './shot-lock.css';

/** Shows, while shot numbers are locked, that they are (and unlocks on click, like Board › Unlock Shot Numbers). */
export function ShotLockBadge() {
  const locked = useBoardStore((s) => s.board?.project.shotNumbersLocked ?? false);
  if (!locked) return null;
  return (
    <button
      type="button"
      className="shot-lock-badge"
      data-testid="shot-lock-indicator"
      aria-pressed
      title="Shot numbers are locked: no shot changes number, and a panel added between 1A and 1B becomes 1AA. Click to unlock."
      onClick={() => void actions.toggleShotLock()}
    >
      <svg width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.6} aria-hidden focusable="false">
        <rect x="3" y="7" width="10" height="7" rx="1.5" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
      </svg>
      Numbers locked
    </button>
  );
}
