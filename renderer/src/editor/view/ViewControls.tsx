import { FitIcon, ZoomInIcon, ZoomOutIcon } from '../../components/Icons';
import { ZOOM_STEP } from './useViewKeys';
import { useEditorViewStore } from './view-store';
import { FlipIcon, RotateIcon } from './view-icons';

/** The editor bar's view readout: zoom out / level / in, the rotation, the flip state and Fit. */
export function EditorViewControls() {
  const { view, zoomAround, zoomTo, rotateTo, flip, fit } = useEditorViewStore();
  const degrees = Math.round(view.rotation);
  return (
    <div className="button-group editor-view-controls" data-testid="editor-view">
      <button type="button" className="icon-button" data-testid="view-zoom-out" title="Zoom out (-)" aria-label="Zoom out" onClick={() => zoomAround(0, 0, 1 / ZOOM_STEP)}>
        <ZoomOutIcon />
      </button>
      <button type="button" className="zoom-level" data-testid="view-zoom" title="Zoom to 100%, the Fit size (1)" onClick={() => zoomTo(1)}>
        {Math.round(view.zoom * 100)}%
      </button>
      <button type="button" className="icon-button" data-testid="view-zoom-in" title="Zoom in (=)" aria-label="Zoom in" onClick={() => zoomAround(0, 0, ZOOM_STEP)}>
        <ZoomInIcon />
      </button>
      <button
        type="button"
        className={`view-chip${degrees !== 0 ? ' is-on' : ''}`}
        data-testid="view-rotation"
        title="Rotation: hold R and drag to turn; click or Shift+R to straighten"
        onClick={() => rotateTo(0)}
      >
        <RotateIcon />
        {degrees}°
      </button>
      <button
        type="button"
        className={`view-chip${view.flipped ? ' is-flipped' : ''}`}
        aria-pressed={view.flipped}
        data-testid="view-flip"
        title="Flip the view left to right (H); the drawing itself is not changed"
        onClick={flip}
      >
        <FlipIcon />
        {view.flipped ? 'Flipped' : 'Flip'}
      </button>
      <button type="button" className="icon-button" data-testid="view-fit" title="Fit: whole frame, straight, unflipped (Shift+1)" aria-label="Fit" onClick={fit}>
        <FitIcon />
      </button>
    </div>
  );
}
