import { describe, expect, it } from 'vitest';
import { ARROW, ELLIPSE_POINTS, arrowShape, arrowSpine, ellipseShape, lineShape, rectShape } from '../../shared/domain/shapes';

const style = { color: '#1b1b1d', size: 0.004, opacity: 1 };
const ASPECT = 16 / 9;
/** Normalised points to width units (1 = frame width both ways). */
const units = (p: readonly number[]) => [p[0], p[1] / ASPECT] as const;
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe('line shape', () => {
  it('goes from start to end, and Shift snaps its on-screen angle to 15 degrees keeping its length', () => {
    const free = lineShape([0.1, 0.2], [0.5, 0.33], ASPECT, false, style);
    expect(free.tool).toBe('pen');
    expect(free.points.map((p) => p.slice(0, 2))).toEqual([[0.1, 0.2], [0.5, 0.33]]);
    const snapped = lineShape([0.1, 0.2], [0.5, 0.33], ASPECT, true, style);
    const [a, b] = snapped.points.map(units);
    const deg = (Math.atan2(b[1] - a[1], b[0] - a[0]) * 180) / Math.PI;
    expect(deg % 15).toBeCloseTo(0, 3);
    expect(deg).not.toBeCloseTo((Math.atan2(0.13 / ASPECT, 0.4) * 180) / Math.PI, 1);
    expect(dist(a, b)).toBeCloseTo(dist(units([0.1, 0.2]), units([0.5, 0.33])), 4);
  });
});

describe('rectangle and ellipse', () => {
  it('a rectangle is a closed outline through the four corners; Shift makes it square on screen', () => {
    const r = rectShape([0.2, 0.2], [0.6, 0.5], ASPECT, false, style);
    expect(r.points.map((p) => p.slice(0, 2))).toEqual([[0.2, 0.2], [0.6, 0.2], [0.6, 0.5], [0.2, 0.5], [0.2, 0.2]]);
    const sq = rectShape([0.2, 0.2], [0.6, 0.5], ASPECT, true, style).points.map(units);
    expect(Math.abs(sq[2][0] - sq[0][0])).toBeCloseTo(Math.abs(sq[2][1] - sq[0][1]), 4);
  });

  it('an ellipse has every point on the ellipse in the drag box and closes; Shift makes a circle', () => {
    const e = ellipseShape([0.2, 0.1], [0.8, 0.7], ASPECT, false, style);
    expect(e.points).toHaveLength(ELLIPSE_POINTS + 1);
    expect(e.points[0]).toEqual(e.points.at(-1));
    for (const [x, y] of e.points) expect(((x - 0.5) / 0.3) ** 2 + ((y - 0.4) / 0.3) ** 2).toBeCloseTo(1, 3);
    const c = ellipseShape([0.2, 0.1], [0.8, 0.7], ASPECT, true, style).points.map(units);
    const centre = [(Math.min(...c.map((p) => p[0])) + Math.max(...c.map((p) => p[0]))) / 2, (Math.min(...c.map((p) => p[1])) + Math.max(...c.map((p) => p[1]))) / 2];
    const radii = c.map((p) => dist(p, centre));
    expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(1e-3);
  });
});

describe('arrows', () => {
  const start = [0.2, 0.5] as const;
  const end = [0.7, 0.5] as const;

  it('a character arrow is a solid fill polygon whose tip is the drag end', () => {
    const a = arrowShape('character', start, end, [], ASPECT, style);
    expect(a.tool).toBe('fill');
    expect(a.points[0]).toEqual(a.points.at(-1));
    const far = a.points.reduce((best, p) => (p[0] > best[0] ? p : best));
    expect(far[0]).toBeCloseTo(0.7, 4);
    expect(far[1]).toBeCloseTo(0.5, 4);
    // Nothing reaches behind the start.
    expect(Math.min(...a.points.map((p) => p[0]))).toBeCloseTo(0.2, 4);
  });

  it('a camera arrow is the same outline drawn as a closed pen line', () => {
    const cam = arrowShape('camera', start, end, [], ASPECT, style);
    const chr = arrowShape('character', start, end, [], ASPECT, style);
    expect(cam.tool).toBe('pen');
    expect(cam.points).toEqual(chr.points);
    expect(cam.points[0]).toEqual(cam.points.at(-1));
  });

  it('body and head widths are proportional to the size', () => {
    const width = (size: number) => {
      const pts = arrowShape('character', start, end, [], ASPECT, { ...style, size }).points.map(units);
      const ys = pts.map((p) => p[1]);
      const body = pts.filter((p) => p[0] < 0.4).map((p) => p[1]);
      return { head: Math.max(...ys) - Math.min(...ys), body: Math.max(...body) - Math.min(...body) };
    };
    const small = width(0.002);
    const big = width(0.004);
    expect(small.body).toBeCloseTo(ARROW.body * 0.002, 5);
    expect(big.body / small.body).toBeCloseTo(2, 2);
    expect(big.head / small.head).toBeCloseTo(2, 2);
    expect(small.head).toBeCloseTo(ARROW.headWidth * small.body, 4);
  });

  it('a drag that bows makes a curved arrow through the bow, still ending at the drag end', () => {
    const path = [[0.3, 0.42], [0.45, 0.3], [0.6, 0.42]] as const;
    const spine = arrowSpine(start, end, path, ASPECT);
    expect(spine.length).toBeGreaterThan(10);
    const mid = spine[Math.floor(spine.length / 2)];
    expect(mid[0]).toBeCloseTo(0.45, 2);
    expect(mid[1]).toBeCloseTo(0.3 / ASPECT, 2);
    const a = arrowShape('character', start, end, path, ASPECT, style);
    expect(a.points.some(([x, y]) => Math.abs(x - 0.7) < 1e-4 && Math.abs(y - 0.5) < 1e-4)).toBe(true);
    // The head is symmetric about the curve's final direction: its barbs are as far from the tip as each other.
    const pts = a.points.map(units);
    const t = pts.findIndex(([x, y]) => Math.abs(x - 0.7) < 1e-4 && Math.abs(y - 0.5 / ASPECT) < 1e-4);
    expect(dist(pts[t - 1], pts[t])).toBeCloseTo(dist(pts[t + 1], pts[t]), 4);
    const [dx, dy] = [spine.at(-1)![0] - spine.at(-2)![0], spine.at(-1)![1] - spine.at(-2)![1]];
    const [mx, my] = [(pts[t - 1][0] + pts[t + 1][0]) / 2 - pts[t][0], (pts[t - 1][1] + pts[t + 1][1]) / 2 - pts[t][1]];
    expect(Math.abs(dx * my - dy * mx) / Math.hypot(dx, dy) / Math.hypot(mx, my)).toBeLessThan(0.01);
    // A straight drag makes a straight arrow.
    expect(arrowSpine(start, end, [[0.45, 0.505]], ASPECT)).toHaveLength(2);
  });
});
