import { useEffect, useState } from 'react';
import type { PickDrawing } from '../../../shared/domain/generation';
import { api } from '../api/client';

/**
 * True when the panel has strokes a pick could replace (on unlocked layers: locked ones keep theirs,
 * as with Clear sketch); false while unknown or when there are none.
 */
export function useHasDrawing(panelId: string | null): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let live = true;
    setHas(false);
    if (!panelId) return;
    api
      .call('sketch.get', { panelId })
      .then((l) => live && setHas(l.layers.some((layer) => !layer.locked && layer.strokes.length > 0)))
      .catch(() => live && setHas(false));
    return () => {
      live = false;
    };
  }, [panelId]);
  return has;
}

/** Where a picked picture goes when the panel has a drawing: under the artist's lines, or in place of them. */
export function DrawingChoice({ value, onChange }: { value: PickDrawing; onChange(value: PickDrawing): void }) {
  return (
    <fieldset className="pick-drawing" role="radiogroup" aria-label="The panel's drawing" data-testid="pick-drawing">
      <legend className="field-label">The panel has a drawing</legend>
      <label>
        <input type="radio" name="pick-drawing" data-testid="pick-drawing-under" checked={value === 'under'} onChange={() => onChange('under')} /> Under my drawing
        <span className="hint"> (the picture becomes the reference layer, to ink over)</span>
      </label>
      <label>
        <input type="radio" name="pick-drawing" data-testid="pick-drawing-replace" checked={value === 'replace'} onChange={() => onChange('replace')} /> Replace the drawing
        <span className="hint"> (the strokes are cleared; undo brings them back)</span>
      </label>
    </fieldset>
  );
}
