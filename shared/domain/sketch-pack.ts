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

/** The layers with their strokes decoded (each stroke's points when first used); a record that cannot be read is an error (the data is damaged). */
export function unpackPanelLayers(packed: PackedPanelLayers): PanelLayers {
  return {
    panelId: packed.panelId,
    image: packed.image,
    layers: packed.layers.map(({ packed: data, ...layer }) => {
      const bytes = base64Bytes(data);
      const view = new DataView(bytes.buffer);
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
      return { ...layer, strokes };
    }),
  };
}
