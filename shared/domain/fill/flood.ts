import type { Mask } from './raster';

/** A pixel box, inclusive. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of a mask inside a box grown by `pad` (clamped to the mask), with the box's offset. */
export function cropMask(m: Mask, box: Box, pad: number): { mask: Mask; dx: number; dy: number } {
  const x0 = Math.max(0, box.x0 - pad);
  const y0 = Math.max(0, box.y0 - pad);
  const x1 = Math.min(m.width - 1, box.x1 + pad);
  const y1 = Math.min(m.height - 1, box.y1 + pad);
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const bits = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) bits.set(m.bits.subarray((y + y0) * m.width + x0, (y + y0) * m.width + x0 + w), y * w);
  return { mask: { width: w, height: h, bits }, dx: x0, dy: y0 };
}

/**
 * The 4-connected region of free (0) pixels of `blocked` around a seed, as a mask, with its pixel
 * count; null when the seed is blocked or off the raster.
 */
export function flood(blocked: Mask, sx: number, sy: number): { region: Mask; area: number; box: Box } | null {
  const { width: w, height: h, bits } = blocked;
  if (sx < 0 || sy < 0 || sx >= w || sy >= h || bits[sy * w + sx]) return null;
  const region = new Uint8Array(w * h);
  // Scanline fill: each popped seed fills its whole run left and right, then seeds the runs above and below.
  const stack: number[] = [sx, sy];
  let area = 0;
  const box: Box = { x0: sx, y0: sy, x1: sx, y1: sy };
  const free = (i: number) => !bits[i] && !region[i];
  while (stack.length) {
    const y = stack.pop()!;
    const x0 = stack.pop()!;
    const row = y * w;
    if (!free(row + x0)) continue;
    let l = x0;
    while (l > 0 && free(row + l - 1)) l--;
    let r = x0;
    while (r < w - 1 && free(row + r + 1)) r++;
    region.fill(1, row + l, row + r + 1);
    area += r - l + 1;
    if (l < box.x0) box.x0 = l;
    if (r > box.x1) box.x1 = r;
    if (y < box.y0) box.y0 = y;
    if (y > box.y1) box.y1 = y;
    for (const ny of [y - 1, y + 1]) {
      if (ny < 0 || ny >= h) continue;
      const nrow = ny * w;
      let inRun = false;
      for (let x = l; x <= r; x++) {
        if (free(nrow + x)) {
          if (!inRun) stack.push(x, ny);
          inRun = true;
        } else inRun = false;
      }
    }
  }
  return { region: { width: w, height: h, bits: region }, area, box };
}

/** The free pixel of `blocked` nearest the seed within `reach` pixels (Chebyshev rings), or null. */
export function nearestFree(blocked: Mask, sx: number, sy: number, reach: number): [number, number] | null {
  const { width: w, height: h, bits } = blocked;
  for (let d = 0; d <= reach; d++) {
    for (let y = sy - d; y <= sy + d; y++) {
      for (let x = sx - d; x <= sx + d; x++) {
        if (Math.max(Math.abs(x - sx), Math.abs(y - sy)) !== d || x < 0 || y < 0 || x >= w || y >= h) continue;
        if (!bits[y * w + x]) return [x, y];
      }
    }
  }
  return null;
}
