import { STANDARD_LAYERS, type LayerRole, type Stroke } from '../../../shared/domain/sketch';
import type { Db } from '../db/connection';
import { decodeStroke } from './stroke-codec';
import { readStrokeRecords } from './chunk-store';
import { isVirtualLayerId, strokeId, virtualLayerId } from './layer-ids';

/** One stored stroke: its order in the layer, its bytes as stored, and what they say. */
export interface StoredStroke {
  seq: number;
  data: Buffer;
  stroke: Stroke;
}

/** A stroke layer as the core edits it. `stored` is false for a standard layer not written yet. */
export interface LayerState {
  id: string;
  stored: boolean;
  role: LayerRole;
  name: string;
  position: number;
  visible: boolean;
  locked: boolean;
  opacity: number;
  strokes: StoredStroke[];
}

interface LayerRow {
  id: string;
  role: LayerRole;
  name: string;
  position: number;
  visible: number;
  locked: number;
  opacity: number;
}

/** A standard layer sits at its place in the standard order (fill 1 … notes 5) until moved. */
export const standardPosition = (role: LayerRole): number => STANDARD_LAYERS.findIndex((l) => l.role === role) + 1;

/**
 * The panel's stroke layers bottom to top: the stored ones, and the standard ones it has not stored
 * yet (empty, visible, unlocked), so every panel offers Fill, Tone, Pencil, Ink and Notes.
 */
export function readLayers(db: Db, panelId: string): LayerState[] {
  return readLayerList(db, panelId).map((l) => ({
    ...l,
    strokes: l.stored ? readStrokeRecords(db, l.id).map(({ seq, data }) => lazyStroke(strokeId(l.id, seq), seq, data)) : [],
  }));
}

/**
 * A stored stroke whose points are decoded when first read: most reads of a panel's layers only
 * compare or copy the bytes (an edit's diff, the composite's check that nothing changed meanwhile),
 * and decoding 2,000 strokes costs tens of milliseconds.
 */
function lazyStroke(id: string, seq: number, data: Buffer): StoredStroke {
  let decoded: Stroke | undefined;
  const s = { seq, data } as StoredStroke;
  Object.defineProperty(s, 'stroke', { enumerable: true, get: () => (decoded ??= decodeStroke(id, data)) });
  return s;
}

/** The panel's stroke layers bottom to top, as readLayers gives them, without their strokes. */
export function readLayerList(db: Db, panelId: string): Omit<LayerState, 'strokes'>[] {
  const rows = db
    .prepare('SELECT id, role, name, position, visible, locked, opacity FROM sketch_layers WHERE panel_id = ? ORDER BY position, id')
    .all(panelId) as LayerRow[];
  const layers: Omit<LayerState, 'strokes'>[] = rows.map((r) => ({
    id: r.id,
    stored: true,
    role: r.role,
    name: r.name,
    position: r.position,
    visible: r.visible === 1,
    locked: r.locked === 1,
    opacity: r.opacity,
  }));
  for (const std of STANDARD_LAYERS) {
    if (layers.some((l) => l.role === std.role)) continue;
    layers.push({ id: virtualLayerId(std.role), stored: false, role: std.role, name: std.name, position: standardPosition(std.role), visible: true, locked: false, opacity: 1 });
  }
  return layers.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
}

/** Where a layer is, by its id or, for a standard layer, by the "std:<role>" it had before it was stored (an edit queued meanwhile); -1 when gone. */
export function layerIndex(layers: readonly LayerState[], layerId: string): number {
  const at = layers.findIndex((l) => l.id === layerId);
  return at >= 0 || !isVirtualLayerId(layerId) ? at : layers.findIndex((l) => virtualLayerId(l.role) === layerId);
}

/** Layers that go into the panel's picture: visible ones, notes only when asked. */
export function printedLayers(layers: readonly LayerState[], withNotes = false): LayerState[] {
  return layers.filter((l) => l.visible && l.opacity > 0 && l.strokes.length > 0 && (withNotes || l.role !== 'notes'));
}
