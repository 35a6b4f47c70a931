import type { Stroke } from '../../../../shared/domain/sketch';
import { strokeWidthPx } from '../../../../shared/domain/sketch-style';
import { textBox, type Box } from './selection-geometry';

/** Distance from p to the segment a-b, in the same units. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insidePolygon(px: number, py: number, pts: readonly (readonly number[])[], w: number, h: number): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = [pts[i][0] * w, pts[i][1] * h];
    const [xj, yj] = [pts[j][0] * w, pts[j][1] * h];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * The strokes under a pointer at frame point (u, v), for erasing whole strokes: within `radius` pixels
 * of a line's inked width, inside a fill, or on a text's first letters. `w` x `h` is the frame in pixels.
 * Eraser strokes are never hit (they are not ink).
 */
export function strokesAt(strokes: readonly Stroke[], u: number, v: number, radius: number, w: number, h: number): string[] {
  const px = u * w;
  const py = v * h;
  const hits: string[] = [];
  for (const s of strokes) {
    if (s.tool === 'eraser') continue;
    if (s.tool === 'fill') {
      if (insidePolygon(px, py, s.points, w, h)) hits.push(s.id);
      continue;
    }
    if (s.tool === 'text') {
      const [x, y] = s.points[0];
      const size = s.size * w;
      if (px >= x * w - radius && px <= x * w + size * Math.max(1, (s.text ?? '').length) * 0.6 + radius && py >= y * h - radius && py <= y * h + size + radius) hits.push(s.id);
      continue;
    }
    const pts = s.points;
    for (let i = 0; i < pts.length; i++) {
      const [ax, ay, ap] = pts[i];
      const [bx, by] = pts[Math.min(i + 1, pts.length - 1)];
      if (segmentDistance(px, py, ax * w, ay * h, bx * w, by * h) <= radius + strokeWidthPx(s, ap, w) / 2) {
        hits.push(s.id);
        break;
      }
    }
  }
  return hits;
}

/** Whether the segment a-b crosses or lies in the box (Liang–Barsky clipping). */
function segmentTouches(ax: number, ay: number, bx: number, by: number, box: Box): boolean {
  let [t0, t1] = [0, 1];
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [[-dx, ax - box.x0], [dx, box.x1 - ax], [-dy, ay - box.y0], [dy, box.y1 - ay]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * The strokes a selection box (normalised frame coordinates) touches: a line any of whose segments
 * passes through it, a fill whose outline does or that holds the box, a text whose box meets it.
 * Eraser strokes are never taken (they are not ink). `aspect` is the frame's width / height.
 */
export function strokesInBox(strokes: readonly Stroke[], box: Box, aspect: number): string[] {
  const hits: string[] = [];
  for (const s of strokes) {
    if (s.tool === 'eraser') continue;
    if (s.tool === 'text') {
      const t = textBox(s, aspect);
      if (t.x0 <= box.x1 && t.x1 >= box.x0 && t.y0 <= box.y1 && t.y1 >= box.y0) hits.push(s.id);
      continue;
    }
    const pts = s.points;
    const closed = s.tool === 'fill';
    let hit = closed && insidePolygon((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2, pts, 1, 1);
    for (let i = 0; !hit && i < pts.length; i++) {
      const b = pts[i + 1] ?? (closed ? pts[0] : pts[i]);
      hit = segmentTouches(pts[i][0], pts[i][1], b[0], b[1], box);
    }
    if (hit) hits.push(s.id);
  }
  return hits;
}

/** Whether segments a-b and c-d cross. */
function segmentsCross(a: readonly number[], b: readonly number[], c: readonly number[], d: readonly number[]): boolean {
  const side = (p: readonly number[], q: readonly number[], r: readonly number[]) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return side(a, b, c) !== side(a, b, d) && side(c, d, a) !== side(c, d, b);
}

/**
 * The strokes a lasso (a closed path, normalised frame coordinates) touches: a line or fill with a point
 * inside it or a segment crossing it, a fill holding it, a text whose box it meets. Eraser strokes are
 * never taken. `aspect` is the frame's width / height.
 */
export function strokesInLasso(strokes: readonly Stroke[], path: readonly (readonly [number, number])[], aspect: number): string[] {
  if (path.length < 3) return [];
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const around: Box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
  const inside = (x: number, y: number) => insidePolygon(x, y, path, 1, 1);
  const crosses = (a: readonly number[], b: readonly number[]) => path.some((c, i) => segmentsCross(a, b, c, path[(i + 1) % path.length]));
  const hits: string[] = [];
  for (const s of strokes) {
    if (s.tool === 'eraser') continue;
    const box = s.tool === 'text' ? textBox(s, aspect) : null;
    const pts: (readonly number[])[] = box ? [[box.x0, box.y0], [box.x1, box.y0], [box.x1, box.y1], [box.x0, box.y1]] : s.points;
    const closed = s.tool === 'fill' || !!box;
    // Boxes apart: nothing to test further.
    const [sx, sy] = [pts.map((p) => p[0]), pts.map((p) => p[1])];
    if (Math.max(...sx) < around.x0 || Math.min(...sx) > around.x1 || Math.max(...sy) < around.y0 || Math.min(...sy) > around.y1) continue;
    const hit =
      pts.some((p) => inside(p[0], p[1])) ||
      (closed && insidePolygon(path[0][0], path[0][1], pts, 1, 1)) ||
      pts.some((p, i) => (i + 1 < pts.length || closed) && crosses(p, pts[(i + 1) % pts.length]));
    if (hit) hits.push(s.id);
  }
  return hits;
}
