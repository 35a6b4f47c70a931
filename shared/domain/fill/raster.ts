/** An RGBA raster (straight alpha, 4 bytes a pixel, rows top to bottom), as canvas getImageData gives. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** A pixel mask over a raster: 1 = in, 0 = out. */
export interface Mask {
  width: number;
  height: number;
  bits: Uint8Array;
}

/**
 * How much ink a pixel holds: its alpha times its darkness (1 - luminance), so black and coloured
 * lines on a transparent layer are ink, paper and light areas of a picture are not, and white ink
 * (used to paint out) does not stop a fill.
 */
export const INK_THRESHOLD = 0.2;

/** The ink of a raster as a mask (see INK_THRESHOLD). */
export function inkMask(r: Raster, threshold = INK_THRESHOLD): Mask {
  const n = r.width * r.height;
  const bits = new Uint8Array(n);
  const d = r.data;
  const limit = threshold * 255 * 255;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const a = d[j + 3];
    if (a === 0) continue;
    const dark = 255 - (0.299 * d[j] + 0.587 * d[j + 1] + 0.114 * d[j + 2]);
    if (a * dark > limit) bits[i] = 1;
  }
  return { width: r.width, height: r.height, bits };
}
