// ---------------------------------------------------------------------------------------------
// Solids: prisms (boxes, cylinders, a cake with a slice missing) and hulls
// ---------------------------------------------------------------------------------------------

import { tone } from './canvas';
import { type V3, type P2, norm } from './vectors';
import { convexHull } from './polygons';
import { type Sketch, isSharp, shade } from './sketch';

export type Floor = [number, number]; // [x, z]

export function rect(x0: number, z0: number, x1: number, z1: number): Floor[] {
  return [[x0, z0], [x1, z0], [x1, z1], [x0, z1]];
}

export function circle(cx: number, cz: number, r: number, n = 28, from = 0, to = Math.PI * 2): Floor[] {
  const out: Floor[] = [];
  const full = Math.abs(to - from - Math.PI * 2) < 1e-6;
  const steps = full ? n : n + 1;
  for (let i = 0; i < steps; i++) {
    const a = from + ((to - from) * i) / n;
    out.push([cx + r * Math.cos(a), cz + r * Math.sin(a)]);
  }
  return out;
}

interface SolidStyle {
  tone: number;
  top?: number;
  w?: number;
  /** Extra lines drawn on the solid (door seams, drawer lines), in world space. */
  details?: [V3, V3][];
}

/** A vertical prism over a floor polygon, from y0 to y1: visible faces filled, visible edges pencilled. */
export function prism(sk: Sketch, base: Floor[], y0: number, y1: number, style: SolidStyle): void {
  const cam = sk.cam;
  const n = base.length;
  const area = base.reduce((s, p, i) => s + (p[0] * base[(i + 1) % n][1] - base[(i + 1) % n][0] * p[1]), 0);
  const sides = base.map((a, i) => {
    const b = base[(i + 1) % n];
    const ex = b[0] - a[0];
    const ez = b[1] - a[1];
    const normal = norm(area > 0 ? [ez, 0, -ex] : [-ez, 0, ex]);
    const quad: V3[] = [[a[0], y0, a[1]], [b[0], y0, b[1]], [b[0], y1, b[1]], [a[0], y1, a[1]]];
    const mid: V3 = [(a[0] + b[0]) / 2, (y0 + y1) / 2, (a[1] + b[1]) / 2];
    return { quad, normal, visible: cam.sees(mid, normal), depth: cam.depth(mid) };
  });
  const topPts = base.map(([x, z]) => [x, y1, z] as V3);
  const botPts = base.map(([x, z]) => [x, y0, z] as V3);
  const topVisible = cam.pos[1] > y1;
  const botVisible = cam.pos[1] < y0;
  const w = style.w ?? 1;

  for (const s of [...sides].filter((s) => s.visible).sort((a, b) => b.depth - a.depth)) sk.fill3(s.quad, shade(style.tone, s.normal), 1, true);
  if (topVisible) sk.fill3(topPts, shade(style.top ?? style.tone * 0.8, [0, 1, 0]));
  if (botVisible) sk.fill3(botPts, tone(style.tone * 1.15));

  const sharp = base.map((_, i) => isSharp(topPts, i, true));
  // Vertical edges: at corners between a seen and an unseen face, or at sharp corners of a seen face.
  for (let i = 0; i < n; i++) {
    const prev = sides[(i - 1 + n) % n].visible;
    const cur = sides[i].visible;
    if (sharp[i] ? prev || cur : prev !== cur) sk.line3(botPts[i], topPts[i], w);
  }
  // Top and bottom outlines: whole loop when the cap is seen, else the runs along seen faces.
  const runs = (pts: V3[]) => {
    let i0 = sides.findIndex((s) => !s.visible);
    if (i0 < 0) return sk.outline3(pts, true, w);
    let run: V3[] = [];
    for (let k = 1; k <= n; k++) {
      const i = (i0 + k) % n;
      if (sides[i].visible) {
        if (run.length === 0) run.push(pts[i]);
        run.push(pts[(i + 1) % n]);
      } else if (run.length) {
        sk.outline3(run, false, w);
        run = [];
      }
    }
    if (run.length) sk.outline3(run, false, w);
    i0 = 0;
  };
  if (topVisible) sk.outline3(topPts, true, w);
  else runs(topPts);
  if (botVisible) sk.outline3(botPts, true, w);
  else runs(botPts);
  for (const [a, b] of style.details ?? []) sk.line3(a, b, w * 0.7, 0.8);
}

export const box = (sk: Sketch, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number, style: SolidStyle) =>
  prism(sk, rect(x0, z0, x1, z1), y0, y1, style);

/** Anything round the prism outline does not suit (a lamp shade): the hull of its rings. */
export function hull3(sk: Sketch, rings: V3[][], fill: string, w = 1): P2[] {
  const pts = rings.flat().map((p) => sk.cam.project(p)).filter((p): p is P2 => p !== null);
  const h = convexHull(pts);
  if (h.length < 3) return h;
  sk.fill2(h, fill);
  sk.curve2(h, true, w);
  return h;
}

export const ring = (cx: number, y: number, cz: number, r: number, n = 24): V3[] => circle(cx, cz, r, n).map(([x, z]) => [x, y, z]);
