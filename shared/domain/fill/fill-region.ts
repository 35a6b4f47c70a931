import type { Stroke } from '../sketch';
import { dilate } from './dilate';
import { cropMask, flood, nearestFree } from './flood';
import { inkMask, type Raster } from './raster';
import { simplifyLoop } from './simplify';
import { signedArea, traceLoops, type Loop } from './trace';

/**
 * Flood fill as vector data. The region is the 4-connected area of "not ink" pixels around the click
 * (see inkMask). Gaps in the line art narrower than `tolerance` pixels are closed by growing the ink by
 * tolerance/2 before flooding; the region is then grown back by the same amount plus one pixel, so the
 * fill tucks under the lines (and their anti-aliased edges) instead of leaving a paper halo.
 *
 * Open areas: a region that reaches the frame edge still fills (what artists expect when they fill
 * the sky above a horizon line). A region over MAX_SHARE of the frame is refused: that is a click on
 * empty paper or line art with a gap too wide to close, and filling the whole frame is never the intent
 * (a rectangle with the character-arrow solid fill, or a bigger tolerance, does that on purpose).
 */
export const MAX_SHARE = 0.95;
/** The traced outline may stray this far (pixels) from the region's pixel edges. */
export const SIMPLIFY_PX = 0.8;
/** Holes smaller than this (pixels²) are covered (specks of ink inside the region). */
const MIN_HOLE_AREA = 12;
/** At most this many holes are kept (the largest): bridging is quadratic in the points. */
const MAX_HOLES = 150;
/** A stroke holds at most 20,000 points (the API's limit); outlines are simplified further to fit. */
const MAX_POINTS = 19_000;

export type FillResult =
  | { ok: true; points: [number, number, number][]; area: number }
  | { ok: false; reason: 'on-ink' | 'too-big' };

export interface FillOptions {
  /** Gap-closing tolerance in raster pixels (0 = only closed shapes hold the fill). */
  tolerance: number;
  inkThreshold?: number;
}

/** The region around a seed (raster pixels) as a 'fill' stroke's outline, normalised 0..1 across the raster. */
export function fillRegion(raster: Raster, seedX: number, seedY: number, options: FillOptions): FillResult {
  const r = Math.max(0, Math.round(options.tolerance / 2));
  const ink = inkMask(raster, options.inkThreshold);
  let sx = Math.floor(seedX);
  let sy = Math.floor(seedY);
  if (sx < 0 || sy < 0 || sx >= raster.width || sy >= raster.height || ink.bits[sy * raster.width + sx]) return { ok: false, reason: 'on-ink' };
  const blocked = dilate(ink, r);
  // A click just beside a line, inside the grown ink, starts at the nearest free pixel.
  const start = nearestFree(blocked, sx, sy, r + 1);
  if (!start) return { ok: false, reason: 'on-ink' };
  [sx, sy] = start;
  const flooded = flood(blocked, sx, sy)!;
  // Growing back and tracing only need the region's box (plus the growth): a small fill stays cheap.
  const crop = cropMask(flooded.region, flooded.box, r + 2);
  const region = dilate(crop.mask, r + 1);
  let area = 0;
  for (const b of region.bits) area += b;
  if (area > MAX_SHARE * raster.width * raster.height) return { ok: false, reason: 'too-big' };
  const outline = outlineOf(traceLoops(region)).map(([x, y]) => [x + crop.dx, y + crop.dy] as [number, number]);
  return {
    ok: true,
    area,
    points: outline.map(([x, y]) => [Math.round((x / raster.width) * 1e5) / 1e5, Math.round((y / raster.height) * 1e5) / 1e5, 0.5]),
  };
}

/**
 * One closed outline for a connected region: its outer boundary with each hole joined on by a
 * zero-width bridge (there and back along the same line). Holes turn the other way, so the nonzero
 * fill leaves them empty, and the bridges add nothing: one stroke's points carry the whole region.
 */
export function outlineOf(loops: Loop[]): Loop {
  if (loops.length === 0) return [];
  const all = loops.map((l) => ({ loop: l, area: signedArea(l) })).sort((a, b) => Math.abs(b.area) - Math.abs(a.area));
  const kept = [all[0], ...all.slice(1, MAX_HOLES + 1).filter((l) => Math.abs(l.area) >= MIN_HOLE_AREA)];
  let simple: Loop[] = [];
  for (let eps = SIMPLIFY_PX; ; eps *= 2) {
    simple = kept.map((l) => simplifyLoop(l.loop, eps)).filter((l) => l.length >= 3);
    if (simple.reduce((n, l) => n + l.length + 2, 0) <= MAX_POINTS) break;
  }
  if (simple.length === 0) return [];
  const areas = simple.map(signedArea);
  const outer = simple[0];
  const sign = Math.sign(areas[0]);
  let path: Loop = [...outer, outer[0]];
  simple.forEach((hole, i) => {
    if (i === 0) return;
    const h = Math.sign(areas[i]) === sign ? [...hole].reverse() : hole;
    // Bridge from the nearest pair of points (outline so far, hole).
    let best = Infinity;
    let pi = 0;
    let hi = 0;
    for (let a = 0; a < path.length; a++) {
      for (let b = 0; b < h.length; b++) {
        const d = (path[a][0] - h[b][0]) ** 2 + (path[a][1] - h[b][1]) ** 2;
        if (d < best) [best, pi, hi] = [d, a, b];
      }
    }
    const ring = [...h.slice(hi), ...h.slice(0, hi), h[hi]];
    path = [...path.slice(0, pi + 1), ...ring, ...path.slice(pi)];
  });
  return path;
}

/** A fill stroke for a fill result, in the colour and opacity of the tool. */
export function fillStroke(points: [number, number, number][], style: Pick<Stroke, 'color' | 'opacity'>): Omit<Stroke, 'id'> {
  return { tool: 'fill', color: style.color, size: 0.001, opacity: style.opacity, points };
}
