import type { PanelLayers, SketchLayer } from '../../../../shared/domain/sketch';
import { PlusIcon, TrashIcon } from '../../components/Icons';
import { layerActions } from '../../state/layer-actions';
import { useEditorStore } from '../editor-store';
import { ClearLayerIcon, LayerDownIcon, LayerUpIcon, MergeDownIcon } from './layer-icons';
import { FlipIcon } from '../view/view-icons';
import { LayerRow } from './LayerRow';

interface Props {
  panelId: string;
  /** The panel's layers as loaded (null while loading). */
  loaded: PanelLayers | null;
  /** The stroke layers with strokes still on their way counted in. */
  layers: readonly SketchLayer[];
  active: SketchLayer | null;
  /** Clears every unlocked layer (null when there is nothing to clear). */
  onClearAll: (() => void) | null;
}

/**
 * The panel's layers, top of the stack first as in any paint program: show/hide, lock, rename, the
 * active layer's opacity, add, move up/down, merge down, clear and delete. The reference picture is
 * the bottom row. Every change is one undo step.
 */
export function LayersPanel({ panelId, loaded, layers, active, onClearAll }: Props) {
  const select = (l: SketchLayer) => useEditorStore.getState().setActiveLayer({ id: l.id, role: l.role });
  const at = active ? layers.findIndex((l) => l.id === active.id) : -1;
  const image = loaded?.image ?? null;
  return (
    <aside className="layers-panel" data-testid="layers-panel" aria-label="Layers">
      <header className="layers-head">
        <span>Layers</span>
        <span className="toolbar-spacer" />
        <button type="button" className="icon-button" data-testid="clear-sketch" aria-label="Clear sketch" disabled={!onClearAll} title="Clear sketch: every stroke of every unlocked layer (undoable)" onClick={() => onClearAll?.()}>
          <TrashIcon />
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="layer-add"
          title="New layer above the active one"
          aria-label="New layer"
          onClick={() => void layerActions.add(panelId, nextName(layers), active?.id)}
        >
          <PlusIcon />
        </button>
      </header>
      <ul className="layers-list" role="listbox" aria-label="Layers, top first">
        {[...layers].reverse().map((l) => (
          <LayerRow
            key={l.id}
            layer={l}
            strokes={l.strokes.length}
            active={l.id === active?.id}
            onSelect={() => select(l)}
            onVisible={(visible) => void layerActions.update(panelId, l.id, { visible })}
            onLocked={(locked) => void layerActions.update(panelId, l.id, { locked })}
            onRename={(name) => void layerActions.update(panelId, l.id, { name })}
          />
        ))}
        {image && (
          <LayerRow
            layer={{ id: 'reference', name: 'Reference', visible: image.visible, locked: true }}
            strokes={null}
            active={false}
            onSelect={() => undefined}
            onVisible={(visible) => void layerActions.setReferenceVisible(panelId, visible)}
          />
        )}
      </ul>
      {active && (
        <footer className="layers-foot">
          <label className="layers-opacity">
            <span>Opacity</span>
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              key={`${active.id}-${active.opacity}`}
              defaultValue={Math.round(active.opacity * 100)}
              data-testid="layer-opacity"
              aria-label={`Opacity of ${active.name}`}
              onPointerUp={(e) => commitOpacity(panelId, active, e.currentTarget.value)}
              onKeyUp={(e) => commitOpacity(panelId, active, e.currentTarget.value)}
            />
          </label>
          <div className="button-group">
            <button type="button" className="icon-button" data-testid="layer-up" disabled={at >= layers.length - 1} title="Move layer up" aria-label="Move layer up" onClick={() => void layerActions.move(panelId, active.id, at + 1)}>
              <LayerUpIcon />
            </button>
            <button type="button" className="icon-button" data-testid="layer-down" disabled={at <= 0} title="Move layer down" aria-label="Move layer down" onClick={() => void layerActions.move(panelId, active.id, at - 1)}>
              <LayerDownIcon />
            </button>
            <button type="button" className="icon-button" data-testid="layer-merge" disabled={at <= 0 || active.locked} title="Merge down" aria-label="Merge down" onClick={() => void layerActions.mergeDown(panelId, active.id)}>
              <MergeDownIcon />
            </button>
            <button type="button" className="icon-button" data-testid="layer-clear" disabled={active.strokes.length === 0 || active.locked} title="Clear layer" aria-label="Clear layer" onClick={() => void layerActions.clear(panelId, active.id)}>
              <ClearLayerIcon />
            </button>
            <button type="button" className="icon-button" data-testid="drawing-flip" title="Flip the drawing left to right: every stroke and the reference picture (the view flip, H, changes nothing)" aria-label="Flip the drawing" onClick={() => void layerActions.flipDrawing(panelId)}>
              <FlipIcon />
            </button>
            <button type="button" className="icon-button" data-testid="layer-delete" disabled={active.locked} title="Delete layer" aria-label="Delete layer" onClick={() => void layerActions.remove(panelId, active.id)}>
              <TrashIcon />
            </button>
          </div>
        </footer>
      )}
    </aside>
  );
}

function commitOpacity(panelId: string, layer: SketchLayer, value: string): void {
  const opacity = Number(value) / 100;
  if (Math.abs(opacity - layer.opacity) > 0.001) void layerActions.update(panelId, layer.id, { opacity });
}

/** "Layer 1", "Layer 2"… the first name not taken. */
function nextName(layers: readonly SketchLayer[]): string {
  for (let n = 1; ; n++) if (!layers.some((l) => l.name === `Layer ${n}`)) return `Layer ${n}`;
}
