/**
 * Blending raw rasters in place, over a rectangle of the frame: what lets a panel's composite be
 * redrawn where a stroke landed instead of over the whole frame. Layers are straight (not
 * premultiplied) RGBA, as librsvg's output comes out of sharp; the flattened picture is opaque RGB.
 */

/** A frame's size in pixels. */
interface FrameSize {
  width: number;
  height: number;
}

/** A rectangle of whole pixels in the frame. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const fullRect = (frame: FrameSize): Rect => ({ x: 0, y: 0, w: frame.width, h: frame.height });

/** The rectangle clipped to the frame, or null when nothing of it is inside. */
export function clipRect(r: Rect, frame: FrameSize): Rect | null {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(frame.width, Math.ceil(r.x + r.w));
  const y1 = Math.min(frame.height, Math.ceil(r.y + r.h));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

export function unionRect(a: Rect | null, b: Rect | null): Rect | null {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/**
 * Lays `src` (RGBA, rect-sized) onto the layer `dst` (RGBA, frame-sized) at `rect`: drawn over it,
 * or, for an eraser, cutting the layer's alpha where the eraser covers (destination-out).
 */
export function blendIntoLayer(dst: Buffer, frameWidth: number, src: Buffer, rect: Rect, mode: 'over' | 'out'): void {
  for (let row = 0; row < rect.h; row++) {
    let s = row * rect.w * 4;
    let d = ((rect.y + row) * frameWidth + rect.x) * 4;
    for (let col = 0; col < rect.w; col++, s += 4, d += 4) {
      const sa = src[s + 3];
      if (sa === 0) continue;
      if (mode === 'out') {
        dst[d + 3] = Math.round((dst[d + 3] * (255 - sa)) / 255);
        continue;
      }
      const da = dst[d + 3];
      if (sa === 255 || da === 0) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = sa;
        continue;
      }
      // Straight-alpha "over": the colours weighted by their coverage, over the combined coverage.
      const under = (da * (255 - sa)) / 255;
      const out = sa + under;
      for (let c = 0; c < 3; c++) dst[d + c] = Math.round((src[s + c] * sa + dst[d + c] * under) / out);
      dst[d + 3] = Math.round(out);
    }
  }
}

/** A layer as it goes into the picture: its raster (RGBA, frame-sized) at its opacity. */
export interface PrintedRaster {
  rgba: Buffer;
  opacity: number;
}

/**
 * Writes into `out` (RGB) the opaque `base` (RGB) with the layers laid over it bottom to top, inside
 * `rect`; with a `mask` (RGBA, rect-sized: a stroke just drawn), only where the mask has ink. Integer
 * arithmetic (coverage in 1/65536ths): this runs after every stroke.
 */
export function flattenRect(out: Buffer, base: Buffer, layers: readonly PrintedRaster[], frameWidth: number, rect: Rect, mask: Buffer | null = null): void {
  for (let row = 0; row < rect.h; row++) {
    const start = (rect.y + row) * frameWidth + rect.x;
    const end = start + rect.w;
    const inked = (p: number) => mask === null || mask[(row * rect.w + p - start) * 4 + 3] !== 0;
    if (mask === null) base.copy(out, start * 3, start * 3, end * 3);
    else for (let p = start; p < end; p++) if (inked(p)) base.copy(out, p * 3, p * 3, p * 3 + 3);
    for (const layer of layers) {
      const rgba = layer.rgba;
      const opacity = Math.round(layer.opacity * 255);
      for (let p = start, i = start * 4, o = start * 3; p < end; p++, i += 4, o += 3) {
        const alpha = rgba[i + 3];
        if (alpha === 0 || !inked(p)) continue;
        // alpha x opacity / 255², scaled to 65536 (258 / 256 is 65536 / 65025 to within 0.01%).
        const a = (alpha * opacity * 258) >> 8;
        out[o] += ((rgba[i] - out[o]) * a + 32768) >> 16;
        out[o + 1] += ((rgba[i + 1] - out[o + 1]) * a + 32768) >> 16;
        out[o + 2] += ((rgba[i + 2] - out[o + 2]) * a + 32768) >> 16;
      }
    }
  }
}
