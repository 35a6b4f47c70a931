import { BoardCanvas } from '../board/BoardCanvas';
import { BoardToolbar } from '../components/BoardToolbar';
import { EmptyBoard } from '../components/EmptyBoard';
import { Inspector } from '../components/Inspector';
import { TopBar } from '../components/TopBar';
import { useBoardStore } from '../state/board-store';

/** The open project: top bar, toolbar, the board canvas and the inspector. */
export function BoardScreen() {
  const empty = useBoardStore((s) => (s.board?.scenes.length ?? 0) === 0);
  return (
    <div className="board-screen" data-testid="board-view">
      <TopBar />
      <div className="board-body">
        <div className="board-main">
          <BoardToolbar />
          <div className="board-stage">
            <BoardCanvas />
            {empty && <EmptyBoard />}
          </div>
        </div>
        <Inspector />
      </div>
    </div>
  );
}
