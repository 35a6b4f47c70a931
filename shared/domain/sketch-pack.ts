import type { PanelLayers, SketchLayer } from './sketch';
import { decodeStrokeBytes } from './stroke-codec';

/**
 * A panel's layers as the editor loads them (/media/layers/<panelId>): one binary body, each layer's
 * strokes in their stored form (shared/domain/stroke-codec.ts) as records of
 *   u32 seq · u32 byte length · the stroke's bytes (little-endian).
 * Two thousand strokes come to under a megabyte, against four as JSON, and neither end spends
 * hundreds of milliseconds writing and parsing millions of number literals (nor, as base64 in JSON,
 * decoding a megabyte-long string on the page's main thread).
 * The body: u32 header length · the header, JSON: the panel, its picture and its layers, each with
 * its records' byte count · each layer's records end to end, in the header's order.
 */
export type LayerInfo = Omit<SketchLayer, 'strokes'>;

export interface LayersBodyHeader extends Omit<PanelLayers, 'layers'> {
  layers: (LayerInfo & { bytes: number })[];
}

/** A stroke's id: its layer and its order in it (as the core names them). */
const strokeIdOf = (layerId: string, seq: number) => `${layerId}/${seq}`;

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

export function encodeLayersBody(header: Omit<LayersBodyHeader, 'layers'>, layers: { layer: LayerInfo; records: Uint8Array }[]): Uint8Array {
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

/** The layers with their strokes decoded (each stroke's points when first used); a body or record that cannot be read is an error (the data is damaged). */
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
