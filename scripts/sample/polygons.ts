// Polygon clipping, convex hulls and SVG path strings in frame space.
import { type P2, pt } from './vectors';

/** Keeps the part of a convex polygon inside a half-plane / clip polygon (Sutherland-Hodgman). */
export function clipPolygon<T>(poly: T[], inside: (p: T) => boolean, cut: (a: T, b: T) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const ia = inside(a);
    const ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) out.push(cut(a, b));
  }
  return out;
}

/** Intersection of two convex polygons in the floor plane ([x, z] points, either winding). */
export function clipConvex2(subject: P2[], clip: P2[]): P2[] {
  let out = subject;
  const area = clip.reduce((s, p, i) => s + (p[0] * clip[(i + 1) % clip.length][1] - clip[(i + 1) % clip.length][0] * p[1]), 0);
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const side = (p: P2) => Math.sign(area) * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
    out = clipPolygon(out, (p) => side(p) >= 0, (p, q) => {
      const sp = side(p);
      const t = sp / (sp - side(q));
      return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
    });
  }
  return out;
}

export function convexHull(points: P2[]): P2[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const turn = (o: P2, a: P2, b: P2) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: P2[] = [];
  for (const q of p) {
    while (lower.length >= 2 && turn(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: P2[] = [];
  for (const q of [...p].reverse()) {
    while (upper.length >= 2 && turn(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

export function smoothPath(p: P2[], closed: boolean): string {
  const n = p.length;
  if (n < 3) return `M${p.map(pt).join('L')}${closed ? 'Z' : ''}`;
  const get = (i: number) => (closed ? p[(i + n) % n] : p[Math.max(0, Math.min(n - 1, i))]);
  let d = `M${pt(p[0])}`;
  const segs = closed ? n : n - 1;
  for (let i = 0; i < segs; i++) {
    const p0 = get(i - 1);
    const p1 = get(i);
    const p2 = get(i + 1);
    const p3 = get(i + 2);
    const c1: P2 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2: P2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`;
  }
  return closed ? `${d}Z` : d;
}

export const polyPath = (p: P2[]): string => `M${p.map(pt).join('L')}Z`;
