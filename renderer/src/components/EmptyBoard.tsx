import { actions } from '../state/actions';
import { PanelIcon, SceneIcon } from './Icons';

/** What an empty board shows over the canvas. */
export function EmptyBoard() {
  return (
    <div className="empty-board" data-testid="empty-board">
      <h2>Your board is empty</h2>
      <p>Start with a scene, or add a panel and a scene is made for it.</p>
      <div className="empty-board-actions">
        <button type="button" className="button" onClick={() => void actions.addScene()}>
          <SceneIcon />
          Add scene
        </button>
        <button type="button" className="button button-primary" onClick={() => void actions.addPanel()}>
          <PanelIcon />
          Add panel
        </button>
      </div>
    </div>
  );
}
