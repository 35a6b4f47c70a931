import { useState } from 'react';
import type { SketchLayer } from '../../../../shared/domain/sketch';
import { EyeIcon, EyeOffIcon, LockIcon, UnlockIcon } from './layer-icons';

interface Props {
  layer: Pick<SketchLayer, 'id' | 'name' | 'visible' | 'locked'>;
  strokes: number | null;
  active: boolean;
  onSelect(): void;
  onVisible(visible: boolean): void;
  onLocked?(locked: boolean): void;
  onRename?(name: string): void;
}

/** One row of the layers panel: show/hide, lock, the name (double-click to rename) and its stroke count. */
export function LayerRow({ layer, strokes, active, onSelect, onVisible, onLocked, onRename }: Props) {
  const [editing, setEditing] = useState(false);
  return (
    <li
      className={`layer-row${active ? ' is-active' : ''}${layer.visible ? '' : ' is-hidden'}`}
      data-testid="layer-row"
      data-layer-name={layer.name}
      data-layer-id={layer.id}
      aria-selected={active}
      role="option"
      onClick={onSelect}
    >
      <button
        type="button"
        className="icon-button layer-toggle"
        data-testid="layer-visible"
        aria-pressed={layer.visible}
        title={layer.visible ? `Hide ${layer.name}` : `Show ${layer.name}`}
        onClick={(e) => {
          e.stopPropagation();
          onVisible(!layer.visible);
        }}
      >
        {layer.visible ? <EyeIcon /> : <EyeOffIcon />}
      </button>
      {onLocked ? (
        <button
          type="button"
          className={`icon-button layer-toggle${layer.locked ? ' is-on' : ''}`}
          data-testid="layer-lock"
          aria-pressed={layer.locked}
          title={layer.locked ? `Unlock ${layer.name}` : `Lock ${layer.name}`}
          onClick={(e) => {
            e.stopPropagation();
            onLocked(!layer.locked);
          }}
        >
          {layer.locked ? <LockIcon /> : <UnlockIcon />}
        </button>
      ) : (
        <span className="layer-toggle-gap" />
      )}
      {editing && onRename ? (
        <input
          className="layer-name-input"
          data-testid="layer-name-input"
          defaultValue={layer.name}
          autoFocus
          maxLength={100}
          onClick={(e) => e.stopPropagation()}
          onBlur={(e) => {
            setEditing(false);
            const name = e.currentTarget.value.trim();
            if (name && name !== layer.name) onRename(name);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') {
              e.currentTarget.value = layer.name;
              e.currentTarget.blur();
            }
            e.stopPropagation();
          }}
        />
      ) : (
        <span className="layer-name" onDoubleClick={() => onRename && setEditing(true)} title={onRename ? 'Double-click to rename' : undefined}>
          {layer.name}
        </span>
      )}
      {strokes !== null && strokes > 0 && <span className="layer-count">{strokes}</span>}
    </li>
  );
}
