import type { Mask } from './raster';

/**
 * The 4-connected region of free (0) pixels of `blocked` around a seed, as a mask, with its pixel
 * count; null when the seed is blocked or off the raster.
 */
export function flood(blocked: Mask, sx: number, sy: number): { region: Mask; area: number } | null {
  const { width: w, height: h, bits } = blocked;
  if (sx < 0 || sy < 0 || sx >= w || sy >= h || bits[sy * w + sx]) return null;
  const region = new Uint8Array(w * h);
  // Scanline fill: each popped seed fills its whole run left and right, then seeds the runs above and below.
  const stack: number[] = [sx, sy];
  let area = 0;
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
  return { region: { width: w, height: h, bits: region }, area };
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
