import { randomBytes } from 'node:crypto';

/**
 * A layer's id: 12 random URL-safe characters (72 bits). Shorter than a UUID because every stroke row
 * carries its layer's id in its key, and the stroke store is meant to stay close to bare vectors.
 */
export const newLayerId = (): string => randomBytes(9).toString('base64url');

/** A standard layer the panel offers but has not stored yet (nothing drawn on it, nothing changed). */
export const virtualLayerId = (role: string): string => `std:${role}`;
export const isVirtualLayerId = (id: string): boolean => id.startsWith('std:');

/** A stroke's id names its layer and its place there. */
export const strokeId = (layerId: string, seq: number): string => `${layerId}/${seq}`;
export function parseStrokeId(id: string): { layerId: string; seq: number } | null {
  const at = id.lastIndexOf('/');
  const seq = Number(id.slice(at + 1));
  return at > 0 && Number.isInteger(seq) && seq > 0 ? { layerId: id.slice(0, at), seq } : null;
}
