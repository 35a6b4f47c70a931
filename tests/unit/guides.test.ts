import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ONE_POINT,
  DEFAULT_TWO_POINT,
  centreCross,
  clipToFrame,
  diagonals,
  insetSafe,
  onePoint,
  safeFrame,
  thirds,
  twoPoint,
  vanishingRays,
  type Point,
  type Segment,
} from '../../shared/domain/guides';

const onEdge = (x: number, y: number) => Math.min(Math.abs(x), Math.abs(x - 1), Math.abs(y), Math.abs(y - 1)) < 1e-9;
const inFrame = (x: number, y: number) => x >= -1e-9 && x <= 1 + 1e-9 && y >= -1e-9 && y <= 1 + 1e-9;
/** Distance of a point from the infinite line through a segment (in square units of the given aspect). */
function offLine(s: Segment, p: Point, aspect: number): number {
  const dx = (s.x2 - s.x1) * aspect;
  const dy = s.y2 - s.y1;
  return Math.abs(dx * (p.y - s.y1) - dy * (p.x - s.x1) * aspect) / Math.hypot(dx, dy);
}

describe('composition guides', () => {
  it('puts the thirds at 1/3 and 2/3 across and down, full length', () => {
    const t = thirds();
    expect(t).toHaveLength(4);
    const verticals = t.filter((s) => s.x1 === s.x2).map((s) => s.x1).sort();
    const horizontals = t.filter((s) => s.y1 === s.y2).map((s) => s.y1).sort();
    expect(verticals).toEqual([1 / 3, 2 / 3]);
    expect(horizontals).toEqual([1 / 3, 2 / 3]);
    for (const s of t) expect(Math.hypot(s.x2 - s.x1, s.y2 - s.y1)).toBe(1);
  });

  it('centres the cross with equal arms on screen, and draws corner-to-corner diagonals', () => {
    const [h, v] = centreCross(2, 0.1);
    expect((h.x1 + h.x2) / 2).toBe(0.5);
    expect((v.y1 + v.y2) / 2).toBe(0.5);
    expect((h.x2 - h.x1) * 2).toBeCloseTo(v.y2 - v.y1, 12); // equal on a 2:1 frame
    expect(diagonals()).toEqual([
      { x1: 0, y1: 0, x2: 1, y2: 1 },
      { x1: 1, y1: 0, x2: 0, y2: 1 },
    ]);
  });

  it('fits the largest centred safe frame of an aspect inside a frame of any aspect', () => {
    const wide = safeFrame(16 / 9, 2.39);
    expect(wide.width).toBe(1);
    expect(wide.height).toBeCloseTo(16 / 9 / 2.39, 12);
    expect(wide.y + wide.height / 2).toBeCloseTo(0.5, 12);
    expect(wide.x).toBe(0);
    // A 16:9 inside a 2.39:1 frame is pillarboxed.
    const tv = safeFrame(2.39, 16 / 9);
    expect(tv.height).toBe(1);
    expect(tv.width).toBeCloseTo(16 / 9 / 2.39, 12);
    expect(tv.x + tv.width / 2).toBeCloseTo(0.5, 12);
    // Its own aspect fills the frame; the result keeps the target's shape on screen.
    expect(safeFrame(1.85, 1.85)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
    const r = safeFrame(4 / 3, 1.85);
    expect((r.width * 4) / 3 / r.height).toBeCloseTo(1.85, 12);
    const action = insetSafe(0.9);
    expect(action.x).toBeCloseTo(0.05, 12);
    expect(action.y).toBeCloseTo(0.05, 12);
    expect(action.width).toBe(0.9);
    expect(insetSafe(0.8).x + insetSafe(0.8).width).toBeCloseTo(0.9, 12);
  });

  it('clips segments to the frame', () => {
    expect(clipToFrame({ x1: -1, y1: 0.5, x2: 2, y2: 0.5 })).toEqual({ x1: 0, y1: 0.5, x2: 1, y2: 0.5 });
    expect(clipToFrame({ x1: -1, y1: -1, x2: -0.5, y2: 2 })).toBeNull();
    expect(clipToFrame({ x1: 0.2, y1: 0.2, x2: 0.4, y2: 0.6 })).toEqual({ x1: 0.2, y1: 0.2, x2: 0.4, y2: 0.6 });
  });

  it('one-point perspective: a horizon through the vanishing point and rays from it to the frame edge', () => {
    const aspect = 16 / 9;
    const lines = onePoint(DEFAULT_ONE_POINT, aspect, 24);
    const [hz, ...rays] = lines;
    expect(hz).toEqual({ x1: 0, y1: 1 / 3, x2: 1, y2: 1 / 3 });
    expect(rays).toHaveLength(24);
    for (const r of rays) {
      expect(r.x1).toBeCloseTo(DEFAULT_ONE_POINT.x, 12);
      expect(r.y1).toBeCloseTo(DEFAULT_ONE_POINT.y, 12);
      expect(onEdge(r.x2, r.y2)).toBe(true);
    }
    // Evenly spaced on screen: 15 degrees apart.
    const angles = rays.map((r) => Math.atan2(r.y2 - r.y1, (r.x2 - r.x1) * aspect));
    expect(Math.abs(angles[1] - angles[0])).toBeCloseTo(Math.PI / 12, 9);
  });

  it('two-point perspective: rays from points beyond the frame pass through them and cross the frame edge to edge', () => {
    const aspect = 2.39;
    const [left, right] = DEFAULT_TWO_POINT;
    const lines = twoPoint(left, right, aspect, 10);
    expect(lines[0]).toEqual({ x1: 0, y1: left.y, x2: 1, y2: left.y });
    const fromLeft = vanishingRays(left, aspect, 10);
    const fromRight = vanishingRays(right, aspect, 10);
    expect(fromLeft).toHaveLength(10);
    expect(fromRight).toHaveLength(10);
    expect(lines.slice(1)).toEqual([...fromLeft, ...fromRight]);
    for (const [vp, rays] of [[left, fromLeft], [right, fromRight]] as const) {
      for (const r of rays) {
        expect(offLine(r, vp, aspect)).toBeLessThan(1e-9);
        expect(onEdge(r.x1, r.y1) && onEdge(r.x2, r.y2)).toBe(true);
        expect(inFrame(r.x1, r.y1) && inFrame(r.x2, r.y2)).toBe(true);
        expect(Math.hypot(r.x2 - r.x1, r.y2 - r.y1)).toBeGreaterThan(0.01);
      }
    }
    // The fan covers the frame: some rays end on the top edge and some on the bottom.
    expect(fromLeft.some((r) => Math.abs(r.y2) < 1e-9 || Math.abs(r.y1) < 1e-9)).toBe(true);
    expect(fromLeft.some((r) => Math.abs(r.y2 - 1) < 1e-9 || Math.abs(r.y1 - 1) < 1e-9)).toBe(true);
  });
});
