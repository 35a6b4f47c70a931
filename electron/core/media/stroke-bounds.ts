import type { Stroke } from '../../../shared/domain/sketch';
import { strokeWidthPx } from '../../../shared/domain/sketch-style';
import type { Rect } from './raster-blend';

/** Anti-aliasing reaches a pixel past the outline; one more for rounding. */
const EDGE = 2;

/**
 * The frame pixels a stroke can touch when drawn at width x height, or null when that is not known
 * from its points (a text note's glyphs). A line's outline stays within its widest point's width
 * of its points (the mitred joints reach 0.58 of it; round caps and joins half).
 */
export function strokeBounds(s: Stroke, width: number, height: number): Rect | null {
  if (s.tool === 'text' || s.points.length === 0) return null;
  let [minX, minY, maxX, maxY, reach] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const [x, y, p] of s.points) {
    minX = Math.min(minX, x * width);
    maxX = Math.max(maxX, x * width);
    minY = Math.min(minY, y * height);
    maxY = Math.max(maxY, y * height);
    if (s.tool !== 'fill') reach = Math.max(reach, strokeWidthPx(s, p, width));
  }
  const pad = reach + EDGE;
  return { x: minX - pad, y: minY - pad, w: maxX - minX + 2 * pad, h: maxY - minY + 2 * pad };
}
