import type { Mask } from './raster';

/**
 * Grows a mask by r pixels in every direction (a square: Chebyshev distance), in two separable passes
 * with running counts, so the cost does not depend on r. Both passes walk memory in order.
 */
export function dilate(m: Mask, r: number): Mask {
  if (r <= 0) return { ...m, bits: m.bits.slice() };
  const { width: w, height: h, bits } = m;
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const base = y * w;
    let count = 0;
    for (let x = 0; x < Math.min(r, w); x++) count += bits[base + x];
    for (let x = 0; x < w; x++) {
      if (x + r < w) count += bits[base + x + r];
      if (x - r - 1 >= 0) count -= bits[base + x - r - 1];
      if (count > 0) rows[base + x] = 1;
    }
  }
  // Vertically: one running count per column, all columns advanced a row at a time.
  const out = new Uint8Array(w * h);
  const counts = new Int32Array(w);
  for (let y = 0; y < Math.min(r, h); y++) for (let x = 0; x < w; x++) counts[x] += rows[y * w + x];
  for (let y = 0; y < h; y++) {
    if (y + r < h) {
      const add = (y + r) * w;
      for (let x = 0; x < w; x++) counts[x] += rows[add + x];
    }
    if (y - r - 1 >= 0) {
      const sub = (y - r - 1) * w;
      for (let x = 0; x < w; x++) counts[x] -= rows[sub + x];
    }
    const base = y * w;
    for (let x = 0; x < w; x++) if (counts[x] > 0) out[base + x] = 1;
  }
  return { width: w, height: h, bits: out };
}
