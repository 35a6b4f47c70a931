import { useEffect } from 'react';
import { Dialogs } from './components/Dialogs';
import { NoticeBanner } from './components/NoticeBanner';
import { useNativeMenu } from './menu/useMenuCommands';
import { useShortcuts } from './menu/useShortcuts';
import { BoardScreen } from './screens/BoardScreen';
import { StartScreen } from './screens/StartScreen';
import { actions } from './state/actions';
import { useBoardStore } from './state/board-store';
import { useSessionStore } from './state/session-store';

export function App() {
  const phase = useSessionStore((s) => s.phase);
  const title = useBoardStore((s) => s.board?.project.title ?? null);
  useNativeMenu();
  useShortcuts();

  useEffect(() => {
    void actions.start();
  }, []);

  useEffect(() => {
    document.title = title ? `${title} — Boardwright` : 'Boardwright';
  }, [title]);

  return (
    <div className="app" data-phase={phase}>
      {phase === 'board' && <BoardScreen />}
      {phase === 'start' && <StartScreen />}
      {phase === 'loading' && (
        <div className="splash" aria-busy="true">
          <span className="splash-name">Boardwright</span>
          <span className="splash-status">Loading…</span>
        </div>
      )}
      <NoticeBanner />
      <Dialogs />
    </div>
  );
}
