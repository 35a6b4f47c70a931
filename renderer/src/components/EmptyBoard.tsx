import { actions } from '../state/actions';
import { scriptActions } from '../script/script-actions';
import { scriptAmong } from '../script/script-files';
import { PanelIcon, SceneIcon } from './Icons';

/** What an empty board shows over the canvas. */
export function EmptyBoard() {
  return (
    <div
      className="empty-board"
      data-testid="empty-board"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void scriptAmong(Array.from(e.dataTransfer.files)).then((script) => script && scriptActions.preview(script));
      }}
    >
      <h2>Your board is empty</h2>
      <p>Start with a scene, or add a panel and a scene is made for it. Have a screenplay? Import it (or drop it here) and its scenes become boards.</p>
      <div className="empty-board-actions">
        <button type="button" className="button" onClick={() => void actions.addScene()}>
          <SceneIcon />
          Add scene
        </button>
        <button type="button" className="button button-primary" onClick={() => void actions.addPanel()}>
          <PanelIcon />
          Add panel
        </button>
        <button type="button" className="button" data-testid="empty-import-script" onClick={scriptActions.chooseFile}>
          Import Script…
        </button>
      </div>
    </div>
  );
}
