import { actions } from '../state/actions';
import { useBoardStore, useSelectedPanel } from '../state/board-store';
import { ImageIcon, PanelIcon, SceneIcon } from './Icons';
import { chooseImage, ImageInput } from './ImageInput';

/** Actions on the board: add a scene, add a panel, set the selected panel's image. */
export function BoardToolbar() {
  const selected = useSelectedPanel();
  const hasScenes = useBoardStore((s) => (s.board?.scenes.length ?? 0) > 0);
  const panelTarget = selected ? `after ${selected.panel.shotNumber}` : hasScenes ? 'at the end of the last scene' : 'in a new scene';
  return (
    <div className="toolbar" role="toolbar" aria-label="Board">
      <button type="button" className="button" data-testid="add-scene" onClick={() => void actions.addScene()} title="Add a scene at the end of the board">
        <SceneIcon />
        Add scene
      </button>
      <button type="button" className="button" data-testid="add-panel" onClick={() => void actions.addPanel()} title={`Add a panel ${panelTarget} (N)`}>
        <PanelIcon />
        Add panel
        <kbd className="kbd">N</kbd>
      </button>
      <span className="toolbar-divider" />
      <button
        type="button"
        className="button"
        data-testid="add-image"
        disabled={!selected}
        onClick={chooseImage}
        title={selected ? `Choose an image for panel ${selected.panel.shotNumber}` : 'Select a panel first'}
      >
        <ImageIcon />
        {selected?.panel.imageSha256 ? 'Replace image…' : 'Add image…'}
      </button>
      <ImageInput />
      <span className="toolbar-spacer" />
      <span className="toolbar-hint" data-testid="selection-hint">
        {selected ? `Panel ${selected.panel.shotNumber} selected` : 'Click a panel to select it'}
      </span>
    </div>
  );
}
