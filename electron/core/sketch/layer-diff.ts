import type { ChangeRecorder } from '../history/recorder';
import { insertLayerStrokes, writeLayerStrokes } from './chunk-store';
import { isVirtualLayerId } from './layer-ids';
import type { LayerState, StoredStroke } from './layer-state';

/**
 * Writes what changed between two versions of a panel's stroke layers through the recorder (so it is
 * one undo step): layers added, removed or changed, and the chunks of strokes that changed
 * (sketch/chunk-store.ts). A standard layer not stored before is written once something is drawn on it or
 * it is changed; a stored layer's strokes go with it when it is deleted.
 */
export function writeLayerDiff(rec: ChangeRecorder, panelId: string, before: readonly LayerState[], after: readonly LayerState[]): void {
  const old = new Map(before.filter((l) => l.stored).map((l) => [l.id, l]));
  const kept = new Set(after.map((l) => l.id));
  for (const l of old.values()) if (!kept.has(l.id)) rec.delete('sketch_layers', { id: l.id });
  for (const layer of after) {
    if (isVirtualLayerId(layer.id)) continue;
    const was = old.get(layer.id);
    if (was === layer) continue; // an edit hands back the layers it leaves alone as they were
    const props = { position: layer.position, role: layer.role, name: layer.name, visible: layer.visible ? 1 : 0, locked: layer.locked ? 1 : 0, opacity: layer.opacity };
    if (!was) {
      rec.insert('sketch_layers', { id: layer.id, panel_id: panelId, ...props });
      insertLayerStrokes(rec, layer.id, layer.strokes);
      continue;
    }
    rec.update('sketch_layers', { id: layer.id }, props);
    if (!sameStrokes(was.strokes, layer.strokes)) writeLayerStrokes(rec, layer.id, layer.strokes);
  }
}

function sameStrokes(a: readonly StoredStroke[], b: readonly StoredStroke[]): boolean {
  return a === b || (a.length === b.length && a.every((s, i) => s.seq === b[i].seq && (s.data === b[i].data || s.data.equals(b[i].data))));
}

/** True when two reads of a panel's layers are the same (to tell whether anything changed under an edit in progress). */
export function sameLayers(a: readonly LayerState[], b: readonly LayerState[]): boolean {
  return (
    a.length === b.length &&
    a.every((l, i) => {
      const m = b[i];
      return (
        l.id === m.id && l.position === m.position && l.name === m.name && l.visible === m.visible && l.locked === m.locked &&
        l.opacity === m.opacity && sameStrokes(l.strokes, m.strokes)
      );
    })
  );
}
