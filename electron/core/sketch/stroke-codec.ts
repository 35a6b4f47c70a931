import type { Stroke } from '../../../shared/domain/sketch';
import { decodeStrokeBytes, encodeStrokeBytes } from '../../../shared/domain/stroke-codec';
import { CoreError } from '../errors';

/** A stroke as stored in `strokes.data` (the layout is in shared/domain/stroke-codec.ts). */
export function encodeStroke(stroke: Omit<Stroke, 'id'>): Buffer {
  const bytes = encodeStrokeBytes(stroke);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function decodeStroke(id: string, data: Buffer): Stroke {
  const stroke = decodeStrokeBytes(id, data);
  if (stroke) return stroke;
  throw new CoreError('CORRUPT', data.length >= 14 && data[0] === 1 ? `Stroke ${id} is damaged.` : `Stroke ${id} is not in a format this version can read.`);
}
