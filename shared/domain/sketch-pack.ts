import type { PanelLayers, SketchLayer } from './sketch';
import { decodeStrokeBytes } from './stroke-codec';

/**
 * A panel's layers as the editor loads them: each layer's strokes in their stored binary form
 * (shared/domain/stroke-codec.ts), one base64 string per layer, records of
 *   u32 seq · u32 byte length · the stroke's bytes (little-endian).
 * Two thousand strokes come to about a megabyte, against four as JSON, and neither end spends
 * hundreds of milliseconds writing and parsing millions of number literals.
 */
export interface PackedLayer extends Omit<SketchLayer, 'strokes'> {
  packed: string;
}

export interface PackedPanelLayers extends Omit<PanelLayers, 'layers'> {
  layers: PackedLayer[];
}

/** A stroke's id: its layer and its order in it (as the core names them). */
const strokeIdOf = (layerId: string, seq: number) => `${layerId}/${seq}`;

/** Where the runtime has it (Chromium 140+, so the app and web mode), the native decoder: several times faster than atob and a copy loop. */
const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64?.bind(Uint8Array);

function base64Bytes(text: string): Uint8Array {
  if (fromBase64) return fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One layer's records (u32 seq · u32 byte length · the stroke's bytes) as strokes, each stroke's points decoded when first used. */
function unpackRecords(layer: { id: string; name: string }, bytes: Uint8Array): SketchLayer['strokes'] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const strokes: SketchLayer['strokes'] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 8 > bytes.length) throw new Error(`The strokes of layer ${layer.name} are cut short.`);
    const seq = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    const id = strokeIdOf(layer.id, seq);
    const stroke = at + 8 + length <= bytes.length ? decodeStrokeBytes(id, bytes.subarray(at + 8, at + 8 + length), true) : null;
    if (!stroke) throw new Error(`Stroke ${id} is damaged.`);
    strokes.push(stroke);
    at += 8 + length;
  }
  return strokes;
}

/** The layers with their strokes decoded (each stroke's points when first used); a record that cannot be read is an error (the data is damaged). */
export function unpackPanelLayers(packed: PackedPanelLayers): PanelLayers {
  return {
    panelId: packed.panelId,
    image: packed.image,
    layers: packed.layers.map(({ packed: data, ...layer }) => ({ ...layer, strokes: unpackRecords(layer, base64Bytes(data)) })),
  };
}

/**
 * The same layers as one binary body, as the editor loads them (/media/layers/<panelId>): no base64 to
 * make and undo, and no megabyte-long JSON string to decode and parse on the page's main thread.
 *   u32 header length · the header, JSON: PackedPanelLayers with each layer's byte count in place of
 *   its records · each layer's records end to end, in the header's order.
 */
export interface LayersBodyHeader extends Omit<PanelLayers, 'layers'> {
  layers: (Omit<PackedLayer, 'packed'> & { bytes: number })[];
}

export function encodeLayersBody(header: Omit<LayersBodyHeader, 'layers'>, layers: { layer: Omit<PackedLayer, 'packed'>; records: Uint8Array }[]): Uint8Array {
  const head = new TextEncoder().encode(JSON.stringify({ ...header, layers: layers.map((l) => ({ ...l.layer, bytes: l.records.length })) }));
  const out = new Uint8Array(4 + head.length + layers.reduce((n, l) => n + l.records.length, 0));
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  let at = 4 + head.length;
  for (const l of layers) {
    out.set(l.records, at);
    at += l.records.length;
  }
  return out;
}

export function decodeLayersBody(body: Uint8Array): PanelLayers {
  const damaged = () => new Error('The sketch arrived damaged.');
  if (body.length < 4) throw damaged();
  const headLength = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0, true);
  if (4 + headLength > body.length) throw damaged();
  const header = JSON.parse(new TextDecoder().decode(body.subarray(4, 4 + headLength))) as LayersBodyHeader;
  if (!header || !Array.isArray(header.layers)) throw damaged();
  let at = 4 + headLength;
  const layers = header.layers.map(({ bytes, ...layer }) => {
    if (!Number.isInteger(bytes) || bytes < 0 || at + bytes > body.length) throw damaged();
    const records = body.subarray(at, at + bytes);
    at += bytes;
    return { ...layer, strokes: unpackRecords(layer, records) };
  });
  if (at !== body.length) throw damaged();
  return { panelId: header.panelId, image: header.image, layers };
}
