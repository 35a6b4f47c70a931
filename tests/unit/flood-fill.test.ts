import { describe, expect, it } from 'vitest';
import { MAX_SHARE, fillRegion } from '../../shared/domain/fill/fill-region';
import type { Raster } from '../../shared/domain/fill/raster';

/** A transparent raster with black ink where `ink(x, y)` says (pixel centres). */
function raster(width: number, height: number, ink: (x: number, y: number) => boolean): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x + 0.5, y + 0.5)) data[(y * width + x) * 4 + 3] = 255;
  return { width, height, data };
}

/** A ring of ink `thick` px wide at radius r around (cx, cy), open over an arc `gap` px long at its right. */
const ring = (cx: number, cy: number, r: number, thick: number, gap: number) => (x: number, y: number) => {
  const d = Math.hypot(x - cx, y - cy);
  if (Math.abs(d - r) > thick / 2) return false;
  return !(x > cx && Math.abs(y - cy) < gap / 2);
};

/** Nonzero winding of a closed polygon around a point. */
function inside(poly: readonly (readonly number[])[], x: number, y: number): boolean {
  let wn = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x0, y0] = poly[i];
    const [x1, y1] = poly[(i + 1) % poly.length];
    const side = (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0);
    if (y0 <= y && y1 > y && side > 0) wn++;
    else if (y0 > y && y1 <= y && side < 0) wn--;
  }
  return wn !== 0;
}

const W = 400;
const H = 300;
/** A circle with a 3 px gap, and a wall of ink down the right so a leak is not the whole frame. */
const circleWithGap = (x: number, y: number) => ring(150, 150, 80, 3, 3)(x, y) || x > 360;

describe('flood fill', () => {
  it('a 3 px gap in a circle is closed with tolerance 4: the fill covers the inside and tucks under the line', () => {
    const r = raster(W, H, circleWithGap);
    const res = fillRegion(r, 150, 150, { tolerance: 4 });
    if (!res.ok) throw new Error(res.reason);
    const poly = res.points.map(([x, y]) => [x * W, y * H]);
    expect(res.points[0]).toEqual(res.points.at(-1));
    for (const [x, y] of [[150, 150], [90, 150], [210, 150], [150, 80], [150, 220], [100, 100]]) expect(inside(poly, x, y)).toBe(true);
    // Under the inner edge of the line (its pixels span radius 78.5 to 81.5), not beyond it (radius 84) — also where the gap is.
    expect(inside(poly, 150 - 78.7, 150)).toBe(true);
    expect(inside(poly, 150 - 84.5, 150)).toBe(false);
    expect(inside(poly, 150 + 84.5, 150)).toBe(false);
    for (const [x, y] of [[20, 20], [300, 150], [150, 260], [380, 150]]) expect(inside(poly, x, y)).toBe(false);
    expect(res.area).toBeGreaterThan(Math.PI * 79 ** 2);
    expect(res.area).toBeLessThan(Math.PI * 83 ** 2);
    // The outline is simplified: far fewer points than the region's pixel edges.
    expect(res.points.length).toBeLessThan(200);
  });

  it('with tolerance 0 the same gap leaks: the fill spreads outside the circle (and still fills the open area)', () => {
    const res = fillRegion(raster(W, H, circleWithGap), 150, 150, { tolerance: 0 });
    if (!res.ok) throw new Error(res.reason);
    const poly = res.points.map(([x, y]) => [x * W, y * H]);
    expect(inside(poly, 150, 150)).toBe(true);
    expect(inside(poly, 20, 20)).toBe(true);
    expect(inside(poly, 300, 150)).toBe(true);
    expect(inside(poly, 380, 150)).toBe(false); // the wall of ink
  });

  it('keeps holes: a closed shape inside the region stays unfilled', () => {
    const eye = ring(150, 150, 20, 3, 0);
    const r = raster(W, H, (x, y) => circleWithGap(x, y) || eye(x, y));
    const res = fillRegion(r, 100, 150, { tolerance: 4 });
    if (!res.ok) throw new Error(res.reason);
    const poly = res.points.map(([x, y]) => [x * W, y * H]);
    expect(inside(poly, 100, 150)).toBe(true);
    expect(inside(poly, 150, 110)).toBe(true);
    expect(inside(poly, 150, 150)).toBe(false); // inside the eye
    expect(inside(poly, 150 + 20, 150)).toBe(true); // under the eye's line
  });

  it('refuses a click on ink, and a fill of (almost) the whole frame', () => {
    const r = raster(W, H, circleWithGap);
    expect(fillRegion(r, 380, 150, { tolerance: 4 })).toEqual({ ok: false, reason: 'on-ink' });
    const empty = raster(W, H, (x, y) => x < 2 && y < 2);
    expect(fillRegion(empty, 200, 150, { tolerance: 4 })).toEqual({ ok: false, reason: 'too-big' });
    expect(MAX_SHARE).toBe(0.95);
  });

  it('fills a 1920x1080 raster (performance printed, not asserted)', () => {
    const r = raster(1920, 1080, (x, y) => ring(960, 540, 400, 4, 3)(x, y) || ring(700, 300, 60, 3, 0)(x, y) || Math.abs(y - 900) < 2);
    const time = (x: number, y: number) => {
      const runs = [0, 1, 2].map(() => {
        const t = performance.now();
        const res = fillRegion(r, x, y, { tolerance: 4 });
        return { ms: performance.now() - t, ok: res.ok };
      });
      return { ok: runs.every((run) => run.ok), first: runs[0].ms, best: Math.min(...runs.map((run) => run.ms)) };
    };
    const res = time(960, 540);
    const out = time(100, 100);
    const f = (n: number) => n.toFixed(1);
    console.log(`flood fill 1920x1080 (first / best of 3): inside a circle ${f(res.first)} / ${f(res.best)} ms, the open area around it ${f(out.first)} / ${f(out.best)} ms`);
    expect(res.ok && out.ok).toBe(true);
  });
});
