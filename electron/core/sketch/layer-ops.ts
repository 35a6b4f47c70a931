import type { Stroke } from '../../../shared/domain/sketch';
import { CoreError } from '../errors';
import { isVirtualLayerId, newLayerId, parseStrokeId, strokeId } from './layer-ids';
import { layerIndex, type LayerState, type StoredStroke } from './layer-state';
import { decodeStroke, encodeStroke } from './stroke-codec';

/**
 * Edits of a panel's stroke layers as pure functions from the layers before to the layers after;
 * `writeLayerDiff` then stores the difference as one undoable edit. Layers are bottom to top.
 */
export type LayerOp = (layers: LayerState[]) => LayerState[];

export type LayerPatch = Partial<Pick<LayerState, 'name' | 'visible' | 'locked' | 'opacity'>>;

/** Points far below a pixel at 4K are noise; rounding keeps strokes compact. */
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** A layer by id; a standard layer not stored yet gets its real id here, as it is about to be written. */
function find(layers: LayerState[], layerId: string): { at: number; layer: LayerState } {
  const at = layerIndex(layers, layerId);
  if (at < 0) throw new CoreError('NOT_FOUND', 'That layer no longer exists (it may have been deleted or undone).');
  const layer = layers[at];
  return { at, layer: isVirtualLayerId(layer.id) ? { ...layer, id: newLayerId() } : layer };
}

function writable(layer: LayerState): void {
  if (layer.locked) throw new CoreError('BAD_INPUT', `The ${layer.name} layer is locked. Unlock it to draw or change it.`);
}

const replaceAt = (layers: LayerState[], at: number, layer: LayerState) => layers.map((l, i) => (i === at ? layer : l));
const nextSeq = (layer: LayerState) => (layer.strokes.length ? layer.strokes[layer.strokes.length - 1].seq + 1 : 1);

function stored(stroke: Omit<Stroke, 'id'>, seq: number): StoredStroke {
  const clean: Omit<Stroke, 'id'> = {
    tool: stroke.tool,
    color: stroke.color.toLowerCase(),
    size: stroke.size,
    opacity: stroke.opacity,
    points: stroke.points.map(([x, y, p]) => [round(x, 5), round(y, 5), round(p, 3)]),
    ...(stroke.tool === 'text' ? { text: stroke.text ?? '' } : {}),
  };
  const data = encodeStroke(clean);
  // What is drawn is what was stored (quantised), so a composite made now matches one made later.
  return { seq, data, stroke: decodeStroke('', data) };
}

/** Appends strokes to a layer, in order. */
export const addStrokes = (layerId: string, strokes: Omit<Stroke, 'id'>[]): LayerOp => (layers) => {
  const { at, layer } = find(layers, layerId);
  writable(layer);
  const first = nextSeq(layer);
  return replaceAt(layers, at, { ...layer, strokes: [...layer.strokes, ...strokes.map((s, i) => stored(s, first + i))] });
};

/** Removes the strokes with these ids (erase by stroke), wherever they are. */
export const deleteStrokes = (ids: readonly string[]): LayerOp => (layers) => {
  const bySeq = groupIds(ids);
  return layers.map((l) => {
    const gone = bySeq.get(l.id);
    if (!gone) return l;
    writable(l);
    return { ...l, strokes: l.strokes.filter((s) => !gone.has(s.seq)) };
  });
};

/** Puts new geometry (moved, scaled, rotated) in place of strokes with the same ids; order is kept. */
export const replaceStrokes = (strokes: readonly Stroke[]): LayerOp => (layers) => {
  const byId = new Map(strokes.map((s) => [s.id, s]));
  const touched = groupIds(strokes.map((s) => s.id));
  return layers.map((l) => {
    if (!touched.has(l.id)) return l;
    writable(l);
    return { ...l, strokes: l.strokes.map((s) => { const next = byId.get(strokeId(l.id, s.seq)); return next ? stored(next, s.seq) : s; }) };
  });
};

function groupIds(ids: readonly string[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const id of ids) {
    const parsed = parseStrokeId(id);
    if (!parsed) throw new CoreError('BAD_INPUT', `"${id}" is not a stroke id.`);
    if (!out.has(parsed.layerId)) out.set(parsed.layerId, new Set());
    out.get(parsed.layerId)!.add(parsed.seq);
  }
  return out;
}

/** Empties one layer, or every unlocked layer when no id is given. */
export const clearLayer = (layerId?: string): LayerOp => (layers) => {
  if (layerId === undefined) return layers.map((l) => (l.locked || l.strokes.length === 0 ? l : { ...l, strokes: [] }));
  const { at, layer } = find(layers, layerId);
  writable(layer);
  return replaceAt(layers, at, { ...layer, strokes: [] });
};

export const setLayer = (layerId: string, patch: LayerPatch): LayerOp => (layers) => {
  const { at, layer } = find(layers, layerId);
  const name = patch.name?.trim();
  if (patch.name !== undefined && !name) throw new CoreError('BAD_INPUT', 'A layer needs a name.');
  return replaceAt(layers, at, { ...layer, ...patch, ...(name ? { name } : {}) });
};

/** A new empty layer of the artist's own, just above `aboveId` (or on top). */
export const addLayer = (name: string, aboveId?: string, id = newLayerId()): LayerOp => (layers) => {
  const at = aboveId === undefined ? layers.length - 1 : find(layers, aboveId).at;
  const below = layers[at]?.position ?? 0;
  const above = layers[at + 1]?.position ?? below + 2;
  const layer: LayerState = { id, stored: false, role: 'custom', name: name.trim() || 'Layer', position: (below + above) / 2, visible: true, locked: false, opacity: 1, strokes: [] };
  return [...layers.slice(0, at + 1), layer, ...layers.slice(at + 1)];
};

/** Deletes a layer and its strokes. A standard layer comes back empty, in its place. */
export const deleteLayer = (layerId: string): LayerOp => (layers) => {
  const { at, layer } = find(layers, layerId);
  writable(layer);
  return layers.filter((_, i) => i !== at);
};

/** Moves a layer to `index` in the bottom-to-top order. */
export const moveLayer = (layerId: string, index: number): LayerOp => (layers) => {
  const { at, layer } = find(layers, layerId);
  const rest = layers.filter((_, i) => i !== at);
  const to = Math.max(0, Math.min(rest.length, index));
  const below = rest[to - 1]?.position;
  const above = rest[to]?.position;
  const position = below === undefined ? (above ?? 1) - 1 : above === undefined ? below + 1 : (below + above) / 2;
  return [...rest.slice(0, to), { ...layer, position }, ...rest.slice(to)];
};

/**
 * Merges a layer into the one below it: its strokes go on top of that layer's, and it is removed.
 * Its eraser strokes then erase the lower layer's ink too, as in any paint program's merge.
 */
export const mergeDown = (layerId: string): LayerOp => (layers) => {
  const { at, layer } = find(layers, layerId);
  if (at === 0) throw new CoreError('BAD_INPUT', `${layer.name} is the lowest layer: there is nothing below to merge it into.`);
  const { layer: below } = find(layers, layers[at - 1].id);
  writable(layer);
  writable(below);
  const first = nextSeq(below);
  const merged = { ...below, strokes: [...below.strokes, ...layer.strokes.map((s, i) => ({ ...s, seq: first + i }))] };
  return layers.flatMap((l, i) => (i === at ? [] : i === at - 1 ? [merged] : [l]));
};

/**
 * Mirrors every stroke left to right (the drawing flipped, not only the view). Texts keep reading
 * left to right: their first point is mirrored. A locked layer stops the flip.
 */
export const mirrorStrokes = (): LayerOp => (layers) =>
  layers.map((l) => {
    if (l.strokes.length === 0) return l;
    writable(l);
    return { ...l, strokes: l.strokes.map((s) => stored({ ...s.stroke, points: s.stroke.points.map(([x, y, p]) => [1 - x, y, p] as [number, number, number]) }, s.seq)) };
  });
