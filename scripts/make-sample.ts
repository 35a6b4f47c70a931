/**
 * Builds the bundled sample project, "The Night Kitchen": one scene, ten panels with grey-pencil
 * storyboard drawings. The drawings are made here, deterministically, as SVG by a tiny perspective
 * renderer (a one-room set, props, billboard figures, camera-move arrows), rasterised to JPEG by sharp
 * and imported through setPanelImage, the app's own import path.
 *
 * Usage: node dist/tools/make-sample.cjs <out.boardwright> [--force] [--images <dir>]
 *   --force         replace an existing file
 *   --images <dir>  also write the panel drawings there as JPEG (to look at them)
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { PanelPatch } from '../shared/domain/board';
import { Project } from '../electron/core/project';
import { createScene } from '../electron/core/commands/scene-commands';
import { createPanel } from '../electron/core/commands/panel-commands';
import { setPanelImage } from '../electron/core/commands/image-commands';
import { updateProject } from '../electron/core/commands/project-commands';

// ---------------------------------------------------------------------------------------------
// Canvas, colours, randomness
// ---------------------------------------------------------------------------------------------

/** 2.39:1 frame. */
const W = 1200;
const H = 502;
/** Super 35 gate width in mm: lens focal lengths map to the field of view a DP would expect. */
const SENSOR_MM = 24.89;
const NEAR = 0.05;

const PAPER: RGB = [243, 239, 230];
const INK: RGB = [44, 45, 51];
const INK_HEX = hex(INK);
type RGB = [number, number, number];

function hex(c: RGB): string {
  return `#${c.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** An opaque grey between paper (0) and ink (1), slightly cool, like a grey marker on warm paper. */
function tone(t: number): string {
  const k = Math.max(0, Math.min(1, t));
  const cool: RGB = [-3, -1, 4];
  return hex([0, 1, 2].map((i) => PAPER[i] + (INK[i] - PAPER[i]) * k + cool[i] * k * (1 - k) * 4) as RGB);
}

/** Deterministic PRNG (mulberry32): every drawing comes out identical on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vectors and the camera
// ---------------------------------------------------------------------------------------------

type V3 = [number, number, number];
type P2 = [number, number];

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): V3 => scale(a, 1 / Math.hypot(a[0], a[1], a[2]));
const lerp3 = (a: V3, b: V3, t: number): V3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();
const pt = (p: P2): string => `${fmt(p[0])},${fmt(p[1])}`;

interface CameraSpec {
  pos: V3;
  target: V3;
  lensMm: number;
  /** Dutch angle in degrees. */
  roll?: number;
}

/** A pinhole camera: world (metres, y up) to frame pixels. */
class Camera {
  readonly pos: V3;
  readonly R: V3;
  readonly U: V3;
  readonly F: V3;
  readonly f: number;
  private readonly cos: number;
  private readonly sin: number;

  constructor(spec: CameraSpec) {
    this.pos = spec.pos;
    this.F = norm(sub(spec.target, spec.pos));
    const up: V3 = Math.abs(this.F[1]) > 0.98 ? [0, 0, 1] : [0, 1, 0];
    this.R = norm(cross(up, this.F));
    this.U = cross(this.F, this.R);
    this.f = (W * spec.lensMm) / SENSOR_MM;
    const roll = ((spec.roll ?? 0) * Math.PI) / 180;
    this.cos = Math.cos(roll);
    this.sin = Math.sin(roll);
  }

  toCam(p: V3): V3 {
    const d = sub(p, this.pos);
    return [dot(d, this.R), dot(d, this.U), dot(d, this.F)];
  }

  screen(c: V3): P2 {
    const x = (this.f * c[0]) / c[2];
    const y = (-this.f * c[1]) / c[2];
    return [W / 2 + x * this.cos - y * this.sin, H / 2 + x * this.sin + y * this.cos];
  }

  project(p: V3): P2 | null {
    const c = this.toCam(p);
    return c[2] > NEAR ? this.screen(c) : null;
  }

  depth(p: V3): number {
    return this.toCam(p)[2];
  }

  sees(p: V3, normal: V3): boolean {
    return dot(normal, sub(this.pos, p)) > 1e-9;
  }
}

/** Keeps the part of a convex polygon inside a half-plane / clip polygon (Sutherland-Hodgman). */
function clipPolygon<T>(poly: T[], inside: (p: T) => boolean, cut: (a: T, b: T) => T): T[] {
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
function clipConvex2(subject: P2[], clip: P2[]): P2[] {
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

function convexHull(points: P2[]): P2[] {
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

function smoothPath(p: P2[], closed: boolean): string {
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

const polyPath = (p: P2[]): string => `M${p.map(pt).join('L')}Z`;

// ---------------------------------------------------------------------------------------------
// The pencil: sketchy lines, tones, hatching, clipping
// ---------------------------------------------------------------------------------------------

/** Light travels from the window (back wall) into the room: down, toward camera, a little left. */
const MOON_DIR: V3 = [-0.25, -0.55, -1];
const TO_MOON = norm(scale(MOON_DIR, -1));

class Sketch {
  private readonly body: string[] = [];
  private readonly defs: string[] = [];
  private ids = 0;

  constructor(
    readonly cam: Camera,
    private readonly rnd: () => number,
  ) {}

  sym(a: number): number {
    return (this.rnd() * 2 - 1) * a;
  }

  id(prefix: string): string {
    return `${prefix}${this.ids++}`;
  }

  def(markup: string): void {
    this.defs.push(markup);
  }

  raw(markup: string): void {
    this.body.push(markup);
  }

  /** World polygon to frame polygon, cut at the near plane. */
  toScreen(poly: V3[]): P2[] {
    const cam = poly.map((p) => this.cam.toCam(p));
    const clipped = clipPolygon(cam, (c) => c[2] >= NEAR, (a, b) => lerp3(a, b, (NEAR - a[2]) / (b[2] - a[2])));
    return clipped.map((c) => this.cam.screen(c));
  }

  fill3(poly: V3[], color: string, opacity = 1, seam = false): P2[] {
    const p = this.toScreen(poly);
    if (p.length >= 3) this.fill2(p, color, opacity, false, seam);
    return p;
  }

  /** `seam` strokes the edge in the fill colour, so faces that meet show no hairline between them. */
  fill2(p: P2[], color: string, opacity = 1, smooth = false, seam = false): void {
    this.body.push(
      `<path d="${smooth ? smoothPath(p, true) : polyPath(p)}" fill="${color}"${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}` +
        `${seam ? ` stroke="${color}" stroke-width="0.8" stroke-linejoin="round"` : ''}/>`,
    );
  }

  line3(a: V3, b: V3, w = 1, opacity = 1): void {
    let ca = this.cam.toCam(a);
    let cb = this.cam.toCam(b);
    if (ca[2] < NEAR && cb[2] < NEAR) return;
    if (ca[2] < NEAR) ca = lerp3(ca, cb, (NEAR - ca[2]) / (cb[2] - ca[2]));
    if (cb[2] < NEAR) cb = lerp3(cb, ca, (NEAR - cb[2]) / (ca[2] - cb[2]));
    this.line2(this.cam.screen(ca), this.cam.screen(cb), w, opacity);
  }

  /** A pencil line: two strokes, slightly off each other, bowed, overshooting the ends. */
  line2(a: P2, b: P2, w = 1, opacity = 1): void {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const L = Math.hypot(dx, dy);
    if (L < 0.8) return;
    const ux = dx / L;
    const uy = dy / L;
    const nx = -uy;
    const ny = ux;
    for (let pass = 0; pass < 2; pass++) {
      const j = Math.min(1.4, 0.4 + L * 0.004);
      const over = Math.min(7, 1.5 + L * 0.03) * (pass ? 0.5 : 1);
      const o1 = this.rnd() * over;
      const o2 = this.rnd() * over;
      const s: P2 = [a[0] - ux * o1 + nx * this.sym(j), a[1] - uy * o1 + ny * this.sym(j)];
      const e: P2 = [b[0] + ux * o2 + nx * this.sym(j), b[1] + uy * o2 + ny * this.sym(j)];
      const bow = this.sym(Math.min(2.5, L * 0.008));
      const c: P2 = [(s[0] + e[0]) / 2 + nx * bow, (s[1] + e[1]) / 2 + ny * bow];
      this.stroke(`M${pt(s)}Q${pt(c)} ${pt(e)}`, (pass ? 0.7 : 1.35) * w, (pass ? 0.4 : 0.82) * opacity);
    }
  }

  /** A smooth pencil curve through frame points (drawn twice, a hair apart). */
  curve2(p: P2[], closed: boolean, w = 1, opacity = 1): void {
    if (p.length < 2) return;
    this.stroke(smoothPath(p, closed), 1.35 * w, 0.82 * opacity);
    const dx = this.sym(1);
    const dy = this.sym(1);
    this.stroke(smoothPath(p.map(([x, y]) => [x + dx, y + dy] as P2), closed), 0.7 * w, 0.4 * opacity);
  }

  stroke(d: string, width: number, opacity: number, color = INK_HEX): void {
    this.body.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${Math.max(0.1, Math.round(width * 100) / 100)}" stroke-opacity="${Math.round(opacity * 100) / 100}" stroke-linecap="round" stroke-linejoin="round"/>`);
  }

  /** Parallel pencil hatching inside a frame polygon. */
  hatch2(poly: P2[], angleDeg: number, gap: number, w = 0.7, opacity = 0.45, smooth = false): void {
    if (poly.length < 3) return;
    const clip = this.id('c');
    this.def(`<clipPath id="${clip}"><path d="${smooth ? smoothPath(poly, true) : polyPath(poly)}"/></clipPath>`);
    const xs = poly.map((p) => p[0]);
    const ys = poly.map((p) => p[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const r = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) / 2 + 4;
    const a = (angleDeg * Math.PI) / 180;
    const ux = Math.cos(a);
    const uy = Math.sin(a);
    let d = '';
    for (let o = -r; o <= r; o += gap) {
      const jo = o + this.sym(gap * 0.2);
      const px = cx - uy * jo;
      const py = cy + ux * jo;
      d += `M${pt([px - ux * r, py - uy * r])}L${pt([px + ux * r + this.sym(3), py + uy * r + this.sym(3)])}`;
    }
    this.body.push(`<g clip-path="url(#${clip})">`);
    this.stroke(d, w, opacity);
    this.body.push('</g>');
  }

  beginClip(poly: P2[]): void {
    const clip = this.id('c');
    this.def(`<clipPath id="${clip}"><path d="${polyPath(poly)}"/></clipPath>`);
    this.body.push(`<g clip-path="url(#${clip})">`);
  }

  endClip(): void {
    this.body.push('</g>');
  }

  /** An outline through world points, straight where it turns sharply, smooth along curves. */
  outline3(pts: V3[], closed: boolean, w = 1, opacity = 1): void {
    const n = pts.length;
    const cams = pts.map((p) => this.cam.toCam(p));
    if (n <= 4 || cams.some((c) => c[2] < NEAR)) {
      for (let i = 0; i < (closed ? n : n - 1); i++) this.line3(pts[i], pts[(i + 1) % n], w, opacity);
      return;
    }
    const scr = cams.map((c) => this.cam.screen(c));
    const sharp = pts.map((_, i) => isSharp(pts, i, closed));
    const start = closed ? sharp.indexOf(true) : 0;
    if (closed && start < 0) {
      this.curve2(scr, true, w, opacity);
      return;
    }
    let run: P2[] = [scr[start]];
    const flush = () => {
      if (run.length === 2) this.line2(run[0], run[1], w, opacity);
      else if (run.length > 2) this.curve2(run, false, w, opacity);
    };
    const steps = closed ? n : n - 1;
    for (let k = 1; k <= steps; k++) {
      const i = (start + k) % n;
      run.push(scr[i]);
      if (sharp[i] || k === steps) {
        flush();
        run = [scr[i]];
      }
    }
  }

  svg(background = true): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
      `<defs>${this.defs.join('')}</defs>` +
      (background ? `<rect width="${W}" height="${H}" fill="${hex(PAPER)}"/>` : '') +
      this.body.join('') +
      '</svg>'
    );
  }
}

function isSharp(pts: V3[], i: number, closed: boolean): boolean {
  const n = pts.length;
  if (!closed && (i === 0 || i === n - 1)) return true;
  const a = pts[(i - 1 + n) % n];
  const b = pts[i];
  const c = pts[(i + 1) % n];
  const u = norm(sub(b, a));
  const v = norm(sub(c, b));
  return dot(u, v) < Math.cos((25 * Math.PI) / 180);
}

/** Darker away from the moon, lighter facing it. */
function shade(t: number, normal: V3): string {
  const lit = Math.max(0, dot(normal, TO_MOON));
  return tone(t * (1.12 - 0.5 * lit));
}

// ---------------------------------------------------------------------------------------------
// Solids: prisms (boxes, cylinders, a cake with a slice missing) and hulls
// ---------------------------------------------------------------------------------------------

type Floor = [number, number]; // [x, z]

function rect(x0: number, z0: number, x1: number, z1: number): Floor[] {
  return [[x0, z0], [x1, z0], [x1, z1], [x0, z1]];
}

function circle(cx: number, cz: number, r: number, n = 28, from = 0, to = Math.PI * 2): Floor[] {
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
function prism(sk: Sketch, base: Floor[], y0: number, y1: number, style: SolidStyle): void {
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

const box = (sk: Sketch, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number, style: SolidStyle) =>
  prism(sk, rect(x0, z0, x1, z1), y0, y1, style);

/** Anything round the prism outline does not suit (a lamp shade): the hull of its rings. */
function hull3(sk: Sketch, rings: V3[][], fill: string, w = 1): P2[] {
  const pts = rings.flat().map((p) => sk.cam.project(p)).filter((p): p is P2 => p !== null);
  const h = convexHull(pts);
  if (h.length < 3) return h;
  sk.fill2(h, fill);
  sk.curve2(h, true, w);
  return h;
}

const ring = (cx: number, y: number, cz: number, r: number, n = 24): V3[] => circle(cx, cz, r, n).map(([x, z]) => [x, y, z]);

// ---------------------------------------------------------------------------------------------
// The set: INT. KITCHEN - NIGHT. x -3..3, z -2..6 (back wall with the window at z = 6), y 0..2.6.
// ---------------------------------------------------------------------------------------------

const ROOM = { x0: -3, x1: 3, z0: -2, z1: 6, h: 2.6 };
const WINDOW = { x0: -0.7, x1: 0.7, y0: 1.0, y1: 2.1 };
const TABLE = { x0: -0.8, x1: 0.8, z0: 3.05, z1: 3.95, y: 0.77 };
const PANTRY = { x0: 1.45, x1: 2.25, h: 2.05 };
const HALL = { z0: 1.0, z1: 1.9, h: 2.05 };
const CAKE = { x: 0.12, z: 3.42 };

/** Where a point at height y, on the light path through the window, lands on the plane y = planeY. */
function moonOnto(p: V3, planeY: number): Floor {
  const t = (p[1] - planeY) / -MOON_DIR[1];
  return [p[0] + MOON_DIR[0] * t, p[2] + MOON_DIR[2] * t];
}

const windowCorners = (): V3[] => [
  [WINDOW.x0, WINDOW.y0, ROOM.z1], [WINDOW.x1, WINDOW.y0, ROOM.z1], [WINDOW.x1, WINDOW.y1, ROOM.z1], [WINDOW.x0, WINDOW.y1, ROOM.z1],
];

function roomShell(sk: Sketch): void {
  const { x0, x1, z0, z1, h } = ROOM;
  const c = (x: number, y: number, z: number): V3 => [x, y, z];
  sk.fill3([c(x0, h, z0), c(x1, h, z0), c(x1, h, z1), c(x0, h, z1)], tone(0.56));
  sk.fill3([c(x0, 0, z1), c(x1, 0, z1), c(x1, h, z1), c(x0, h, z1)], tone(0.3));
  sk.fill3([c(x0, 0, z0), c(x0, 0, z1), c(x0, h, z1), c(x0, h, z0)], tone(0.38));
  sk.fill3([c(x1, 0, z0), c(x1, 0, z1), c(x1, h, z1), c(x1, h, z0)], tone(0.38));
  sk.fill3([c(x0, 0, z0), c(x1, 0, z0), c(x1, 0, z1), c(x0, 0, z1)], tone(0.44));
  floorTiles(sk);
  for (const [a, b] of [
    [c(x0, 0, z1), c(x1, 0, z1)], [c(x0, h, z1), c(x1, h, z1)], [c(x0, 0, z1), c(x0, h, z1)], [c(x1, 0, z1), c(x1, h, z1)],
    [c(x0, 0, z0), c(x0, 0, z1)], [c(x1, 0, z0), c(x1, 0, z1)], [c(x0, h, z0), c(x0, h, z1)], [c(x1, h, z0), c(x1, h, z1)],
  ] as [V3, V3][]) sk.line3(a, b, 1.2);
  // Skirting and a picture rail give the walls scale.
  for (const y of [0.1, 2.25]) {
    sk.line3(c(x0, y, z1), c(x1, y, z1), 0.6, 0.7);
    sk.line3(c(x0, y, z0), c(x0, y, z1), 0.6, 0.7);
    sk.line3(c(x1, y, z0), c(x1, y, z1), 0.6, 0.7);
  }
}

function floorTiles(sk: Sketch): void {
  const { x0, x1, z0, z1 } = ROOM;
  for (let x = x0 + 0.5; x < x1; x += 0.5) sk.line3([x, 0, z0], [x, 0, z1], 0.45, 0.55);
  for (let z = z0 + 0.5; z < z1; z += 0.5) sk.line3([x0, 0, z], [x1, 0, z], 0.45, 0.55);
}

/** The cutaway for the bird's-eye: walls as thick prisms, no ceiling, the dark house around. */
function roomCutaway(sk: Sketch): void {
  const { x0, x1, z0, z1, h } = ROOM;
  sk.fill2([[0, 0], [W, 0], [W, H], [0, H]], tone(0.72));
  sk.hatch2([[0, 0], [W, 0], [W, H], [0, H]], 35, 9, 0.6, 0.35);
  sk.fill3([[x0, 0, z0], [x1, 0, z0], [x1, 0, z1], [x0, 0, z1]], tone(0.52));
  floorTiles(sk);
  const t = 0.16;
  const wall = { tone: 0.3, top: 0.85 };
  box(sk, x0 - t, 0, z0, x0, h, z1 + t, wall);
  box(sk, x1, 0, z0, x1 + t, h, z1 + t, wall);
  box(sk, x0 - t, 0, z1, x1 + t, h, z1 + t, wall);
}

function moonlight(sk: Sketch, withBeam: boolean): void {
  const win = windowCorners();
  const floorPatch = win.map((p) => moonOnto(p, 0));
  const toV3 = (f: Floor[], y: number) => f.map(([x, z]) => [x, y, z] as V3);
  if (withBeam) {
    for (let i = 0; i < 4; i++) {
      const a = win[i];
      const b = win[(i + 1) % 4];
      const fa = toV3([floorPatch[i]], 0)[0];
      const fb = toV3([floorPatch[(i + 1) % 4]], 0)[0];
      sk.fill3([a, b, fb, fa], '#ffffff', 0.05);
    }
  }
  sk.fill3(toV3(floorPatch, 0.001), tone(0.08), 0.8);
  // The table's shadow and the window bars inside the patch.
  const tableShadow = rect(TABLE.x0, TABLE.z0, TABLE.x1, TABLE.z1).map(([x, z]) => moonOnto([x, TABLE.y, z], 0));
  const shadow = clipConvex2(tableShadow, floorPatch);
  if (shadow.length >= 3) sk.fill3(toV3(shadow, 0.002), tone(0.5), 0.85);
  const mx = (WINDOW.x0 + WINDOW.x1) / 2;
  const my = (WINDOW.y0 + WINDOW.y1) / 2;
  const bars: [V3, V3][] = [
    [[mx, WINDOW.y0, ROOM.z1], [mx, WINDOW.y1, ROOM.z1]],
    [[WINDOW.x0, my, ROOM.z1], [WINDOW.x1, my, ROOM.z1]],
  ];
  for (const [a, b] of bars) {
    const fa = moonOnto(a, 0);
    const fb = moonOnto(b, 0);
    sk.line3([fa[0], 0.003, fa[1]], [fb[0], 0.003, fb[1]], 3.2, 0.35);
  }
  for (const p of floorPatch.map((f, i) => [f, floorPatch[(i + 1) % 4]] as const)) {
    sk.line3([p[0][0], 0.003, p[0][1]], [p[1][0], 0.003, p[1][1]], 0.5, 0.5);
  }
}

function tableMoonlight(sk: Sketch): void {
  const patch = windowCorners().map((p) => moonOnto(p, TABLE.y));
  const onTable = clipConvex2(patch, rect(TABLE.x0, TABLE.z0, TABLE.x1, TABLE.z1));
  if (onTable.length >= 3) sk.fill3(onTable.map(([x, z]) => [x, TABLE.y + 0.001, z] as V3), tone(0.06), 0.85);
}

function windowWall(sk: Sketch): void {
  const z = ROOM.z1 - 0.004;
  const { x0, x1, y0, y1 } = WINDOW;
  const f = 0.06;
  sk.fill3([[x0 - f, y0 - f, z], [x1 + f, y0 - f, z], [x1 + f, y1 + f, z], [x0 - f, y1 + f, z]], tone(0.25));
  const pane = sk.fill3([[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z]], tone(0.78));
  // The moon, its halo, a few stars; clipped to the glass.
  const moon: V3 = [x0 + (x1 - x0) * 0.74, y0 + (y1 - y0) * 0.76, z];
  const mp = sk.cam.project(moon);
  if (mp && pane.length >= 3) {
    sk.beginClip(pane);
    const edge = sk.cam.project([moon[0] + 0.12, moon[1], z]);
    const r = edge ? Math.hypot(edge[0] - mp[0], edge[1] - mp[1]) : 10;
    const glow = sk.id('g');
    sk.def(`<radialGradient id="${glow}"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`);
    sk.raw(`<circle cx="${fmt(mp[0])}" cy="${fmt(mp[1])}" r="${fmt(r * 4)}" fill="url(#${glow})"/>`);
    sk.raw(`<circle cx="${fmt(mp[0])}" cy="${fmt(mp[1])}" r="${fmt(r)}" fill="#fbfaf6"/>`);
    const star = mulberry32(7);
    for (let i = 0; i < 9; i++) {
      const s = sk.cam.project([x0 + (x1 - x0) * star(), y0 + (y1 - y0) * (0.35 + 0.65 * star()), z]);
      if (s) sk.raw(`<circle cx="${fmt(s[0])}" cy="${fmt(s[1])}" r="${fmt(Math.max(0.8, r * 0.06))}" fill="#f4f3ee"/>`);
    }
    // Distant rooftops against the sky.
    const roofs: V3[] = [[x0, y0, z], [x0, y0 + 0.22, z], [x0 + 0.25, y0 + 0.22, z], [x0 + 0.32, y0 + 0.33, z], [x0 + 0.39, y0 + 0.22, z],
      [x0 + 0.7, y0 + 0.22, z], [x0 + 0.7, y0 + 0.15, z], [x1 - 0.3, y0 + 0.15, z], [x1 - 0.3, y0 + 0.27, z], [x1, y0 + 0.27, z], [x1, y0, z]];
    sk.fill3(roofs, tone(0.9));
    sk.endClip();
    sk.curve2(
      ring(0, 0, 0, 0.12, 20).map(([dx, , dz]) => sk.cam.project([moon[0] + dx, moon[1] + dz, z])).filter((p): p is P2 => p !== null),
      true,
      0.6,
      0.6,
    );
  }
  const bar = 0.025;
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  sk.fill3([[mx - bar, y0, z], [mx + bar, y0, z], [mx + bar, y1, z], [mx - bar, y1, z]], tone(0.3));
  sk.fill3([[x0, my - bar, z], [x1, my - bar, z], [x1, my + bar, z], [x0, my + bar, z]], tone(0.3));
  sk.outline3([[x0 - f, y0 - f, z], [x1 + f, y0 - f, z], [x1 + f, y1 + f, z], [x0 - f, y1 + f, z]], true, 1);
  sk.outline3([[x0, y0, z], [x1, y0, z], [x1, y1, z], [x0, y1, z]], true, 0.9);
  box(sk, x0 - 0.12, y0 - 0.09, ROOM.z1 - 0.12, x1 + 0.12, y0 - 0.05, ROOM.z1, { tone: 0.25 });
  // Curtains, tied back.
  for (const [cx, dir] of [[x0 - 0.16, -1], [x1 + 0.16, 1]] as const) {
    const c: V3[] = [[cx - 0.14 * dir, y1 + 0.12, z], [cx + 0.12 * dir, y1 + 0.12, z], [cx + 0.02 * dir, y0 + 0.45, z],
      [cx + 0.1 * dir, y0 - 0.2, z], [cx - 0.16 * dir, y0 - 0.2, z], [cx - 0.1 * dir, y0 + 0.45, z]];
    const p = sk.fill3(c, tone(0.5));
    if (p.length >= 3) {
      sk.curve2(p, true, 0.9);
      sk.hatch2(p, 80, 6, 0.6, 0.4);
    }
  }
}

function clock(sk: Sketch): void {
  const z = ROOM.z1 - 0.006;
  const c: V3 = [-1.6, 2.0, z];
  const pts = ring(0, 0, 0, 0.16, 24).map(([dx, , dz]) => [c[0] + dx, c[1] + dz, z] as V3);
  sk.fill3(pts, tone(0.14));
  sk.outline3(pts, true, 1.1);
  for (let h = 0; h < 12; h++) {
    const a = (h * Math.PI) / 6;
    sk.line3([c[0] + 0.125 * Math.cos(a), c[1] + 0.125 * Math.sin(a), z], [c[0] + 0.145 * Math.cos(a), c[1] + 0.145 * Math.sin(a), z], 0.6);
  }
  // Ten past three.
  sk.line3(c, [c[0] + 0.07, c[1] - 0.005, z], 1.6);
  sk.line3(c, [c[0] + 0.09, c[1] + 0.07, z], 1.1);
}

function hallDoor(sk: Sketch): void {
  const x = ROOM.x0 + 0.004;
  const { z0, z1, h } = HALL;
  const gap: V3[] = [[x, 0, z0], [x, 0, z1], [x, h, z1], [x, h, z0]];
  sk.fill3(gap, tone(0.86));
  sk.outline3(gap, true, 1.1);
  const t = 0.07;
  sk.outline3([[x, 0, z0 - t], [x, h + t, z0 - t], [x, h + t, z1 + t], [x, 0, z1 + t]], false, 0.8);
  // The door stands open into the hall: a sliver of its edge.
  prism(sk, [[x, z1], [x - 0.6, z1 - 0.15], [x - 0.62, z1 - 0.11], [x - 0.02, z1 + 0.04]], 0, h, { tone: 0.55 });
}

function pantryDoor(sk: Sketch, lurker: ((sk: Sketch) => void) | null): void {
  const z = ROOM.z1 - 0.004;
  const { x0, x1, h } = PANTRY;
  const gap: V3[] = [[x0, 0, z], [x1, 0, z], [x1, h, z], [x0, h, z]];
  const p = sk.fill3(gap, tone(0.8));
  if (p.length >= 3) {
    sk.beginClip(p);
    // Shelves at the back of the pantry, a metre behind the door.
    const bz = ROOM.z1 + 1.0;
    for (const y of [0.5, 0.95, 1.4, 1.85]) sk.line3([x0 - 1, y, bz], [x1 + 2.5, y, bz], 1.4, 0.6);
    for (const [jx, jy] of [[2.4, 0.95], [2.55, 0.95], [2.9, 1.4], [2.25, 1.85], [3.1, 0.5], [3.3, 1.85], [2.0, 0.5]] as [number, number][]) {
      sk.fill3([[jx, jy, bz], [jx + 0.09, jy, bz], [jx + 0.09, jy + 0.16, bz], [jx, jy + 0.16, bz]], tone(0.9));
    }
    if (lurker) lurker(sk);
    sk.endClip();
  }
  sk.outline3(gap, true, 1.1);
  const t = 0.07;
  sk.outline3([[x0 - t, 0, z], [x0 - t, h + t, z], [x1 + t, h + t, z], [x1 + t, 0, z]], false, 0.8);
  // Ajar: hinged on the right, swung 42 degrees into the room.
  const a = (42 * Math.PI) / 180;
  const L = x1 - x0;
  const ex = x1 - L * Math.cos(a);
  const ez = ROOM.z1 - L * Math.sin(a);
  const tx = 0.04 * Math.sin(a);
  const tz = 0.04 * Math.cos(a);
  const knob = (t: number): V3 => [ex + (x1 - ex) * t + tx, 1.0, ez + (ROOM.z1 - ez) * t - tz];
  prism(sk, [[x1, ROOM.z1], [ex, ez], [ex + tx, ez - tz], [x1 + tx, ROOM.z1 - tz]], 0, h - 0.01, {
    tone: 0.4,
    details: [[knob(0.08), knob(0.12)]],
  });
}

function fridge(sk: Sketch, open = false): void {
  const x0 = ROOM.x0 + 0.02;
  const x1 = -2.3;
  const z0 = 4.9;
  const z1 = 5.7;
  box(sk, x0, 0, z0, x1, 1.85, z1, {
    tone: 0.22,
    details: open
      ? []
      : [
          [[x1, 1.25, z0], [x1, 1.25, z1]],
          [[x1, 1.32, z0 + 0.06], [x1, 1.5, z0 + 0.06]],
          [[x1, 1.0, z0 + 0.06], [x1, 0.75, z0 + 0.06]],
          [[x1, 0.07, z0], [x1, 0.07, z1]],
        ],
  });
}

function counters(sk: Sketch): void {
  const x0 = 2.4;
  const x1 = ROOM.x1 - 0.01;
  const z0 = 1.2;
  const z1 = 5.3;
  const doors: [V3, V3][] = [];
  for (let z = z0 + 0.05; z < z1 - 0.3; z += 0.6) {
    doors.push([[x0, 0.12, z], [x0, 0.8, z]], [[x0, 0.8, z], [x0, 0.8, z + 0.55]], [[x0, 0.12, z + 0.55], [x0, 0.8, z + 0.55]]);
    doors.push([[x0, 0.62, z + 0.47], [x0, 0.7, z + 0.47]]);
  }
  box(sk, x0, 0, z0, x1, 0.87, z1, { tone: 0.42, details: doors });
  box(sk, x0 - 0.04, 0.87, z0 - 0.02, x1, 0.92, z1 + 0.02, { tone: 0.3 });
  const up: [V3, V3][] = [];
  for (let z = z0 + 0.05; z < z1 - 0.3; z += 0.6) up.push([[2.65, 1.5, z], [2.65, 2.15, z]], [[2.65, 1.55, z + 0.5], [2.65, 1.7, z + 0.5]]);
  box(sk, 2.65, 1.45, z0, x1, 2.2, z1, { tone: 0.4, details: up });
  // A kettle and a tall jar on the worktop.
  prism(sk, circle(2.72, 2.1, 0.09, 20), 0.92, 1.12, { tone: 0.35, top: 0.25 });
  sk.line3([2.72, 1.12, 2.1], [2.72, 1.16, 2.1], 2);
  prism(sk, circle(2.7, 3.3, 0.06, 16), 0.92, 1.15, { tone: 0.2, top: 0.15 });
}

function table(sk: Sketch): void {
  const { x0, x1, z0, z1, y } = TABLE;
  const leg = 0.06;
  const legs: [number, number][] = [[x0 + 0.05, z0 + 0.05], [x1 - 0.05 - leg, z0 + 0.05], [x0 + 0.05, z1 - 0.05 - leg], [x1 - 0.05 - leg, z1 - 0.05 - leg]];
  // Far legs first.
  legs.sort((a, b) => sk.cam.depth([b[0], 0.3, b[1]]) - sk.cam.depth([a[0], 0.3, a[1]]));
  for (const [lx, lz] of legs) box(sk, lx, 0, lz, lx + leg, y - 0.05, lz + leg, { tone: 0.55 });
  box(sk, x0 - 0.02, y - 0.05, z0 - 0.02, x1 + 0.02, y, z1 + 0.02, { tone: 0.5, top: 0.32 });
}

function chair(sk: Sketch, x: number, z: number, backAt: 1 | -1): void {
  const s = 0.21;
  const seat = 0.45;
  const legs: [number, number][] = [[x - s, z - s], [x + s - 0.04, z - s], [x - s, z + s - 0.04], [x + s - 0.04, z + s - 0.04]];
  legs.sort((a, b) => sk.cam.depth([b[0], 0.2, b[1]]) - sk.cam.depth([a[0], 0.2, a[1]]));
  for (const [lx, lz] of legs) box(sk, lx, 0, lz, lx + 0.04, seat, lz + 0.04, { tone: 0.6 });
  box(sk, x - s, seat, z - s, x + s, seat + 0.04, z + s, { tone: 0.55, top: 0.4 });
  const bz = backAt > 0 ? z + s - 0.04 : z - s;
  box(sk, x - s, seat + 0.04, bz, x - s + 0.04, seat + 0.5, bz + 0.04, { tone: 0.6 });
  box(sk, x + s - 0.04, seat + 0.04, bz, x + s, seat + 0.5, bz + 0.04, { tone: 0.6 });
  box(sk, x - s, seat + 0.38, bz, x + s, seat + 0.5, bz + 0.04, { tone: 0.55 });
}

function lamp(sk: Sketch): void {
  const cx = 0;
  const cz = 3.5;
  sk.line3([cx, ROOM.h, cz], [cx, 1.72, cz], 0.9);
  hull3(sk, [ring(cx, 1.72, cz, 0.05), ring(cx, 1.5, cz, 0.22)], tone(0.55));
  sk.outline3(ring(cx, 1.5, cz, 0.22), true, 0.8);
}

function cake(sk: Sketch, detail: boolean): void {
  const { x, z } = CAKE;
  const y = TABLE.y;
  prism(sk, circle(x, z, 0.16, 32), y, y + 0.012, { tone: 0.1, top: 0.05 });
  // The cake, one wedge already gone (the gap faces the camera side of the table).
  const gapFrom = (-125 * Math.PI) / 180;
  const gapTo = (-75 * Math.PI) / 180;
  const body: Floor[] = [[x, z], ...circle(x, z, 0.115, 30, gapTo, gapFrom + Math.PI * 2)];
  prism(sk, body, y + 0.012, y + 0.1, { tone: 0.22, top: 0.1 });
  if (detail) {
    // The filling layer on the cut faces, frosting blobs on top, crumbs on the plate.
    const mid = y + 0.055;
    for (const a of [gapFrom, gapTo]) sk.line3([x, mid, z], [x + 0.115 * Math.cos(a), mid, z + 0.115 * Math.sin(a)], 0.7, 0.8);
    for (let i = 0; i < 9; i++) {
      const a = gapTo + 0.25 + (i * (Math.PI * 2 - 0.87 - 0.5)) / 8;
      const blob = ring(x + 0.09 * Math.cos(a), y + 0.1, z + 0.09 * Math.sin(a), 0.013, 10);
      const bp = blob.map((q) => sk.cam.project(q)).filter((q): q is P2 => q !== null);
      if (bp.length > 3) {
        sk.fill2(bp, tone(0.04), 1, true);
        sk.curve2(bp, true, 0.7);
      }
    }
    const crumbs = mulberry32(11);
    for (let i = 0; i < 14; i++) {
      const a = gapFrom + (gapTo - gapFrom) * crumbs();
      const r = 0.03 + 0.11 * crumbs();
      const p = sk.cam.project([x + r * Math.cos(a), y + 0.013, z + r * Math.sin(a)]);
      if (p) sk.raw(`<circle cx="${fmt(p[0])}" cy="${fmt(p[1])}" r="${fmt(1.5 + 2 * crumbs())}" fill="${tone(0.55)}"/>`);
    }
  }
}

function milk(sk: Sketch, x: number, z: number): void {
  prism(sk, circle(x, z, 0.035, 18), TABLE.y, TABLE.y + 0.13, { tone: 0.08, top: 0.04 });
}

function fork(sk: Sketch, from: V3, to: V3, w = 1): void {
  sk.line3(from, to, w * 1.4);
  const d = norm(sub(to, from));
  const side = norm(cross(d, [0, 1, 0]));
  for (const k of [-1, 0, 1]) {
    const base = add(to, scale(side, k * 0.008));
    sk.line3(base, add(base, scale(d, 0.035)), w * 0.8);
  }
  sk.line3(add(to, scale(side, -0.01)), add(to, scale(side, 0.01)), w);
}

// ---------------------------------------------------------------------------------------------
// Figures: billboard people drawn in figure units (feet 0, top of head 1), scaled by distance.
// ---------------------------------------------------------------------------------------------

type Who = 'maya' | 'grandpa';

interface Build {
  height: number;
  rx: number;
  ry: number;
  shoulders: number;
  hips: number;
  arm: number;
  leg: number;
  hem: number;
}

const BUILDS: Record<Who, Build> = {
  maya: { height: 1.35, rx: 0.058, ry: 0.08, shoulders: 0.2, hips: 0.15, arm: 0.04, leg: 0.052, hem: 0.4 },
  grandpa: { height: 1.76, rx: 0.048, ry: 0.066, shoulders: 0.25, hips: 0.2, arm: 0.045, leg: 0.062, hem: 0.44 },
};

interface FigureSpec {
  who: Who;
  at: Floor;
  pose?: 'stand' | 'tiptoe' | 'sit' | 'offer' | 'milk';
  view?: 'front' | 'back';
  tone?: number;
  expression?: 'worried' | 'smile' | 'neutral';
  /** Part of the face in moon shadow, hatched (-1 left, 1 right). */
  shadowSide?: -1 | 1;
  /** A dark shape with only its glasses catching the light. */
  silhouette?: boolean;
}

type Local = [number, number];

function figure(sk: Sketch, spec: FigureSpec): void {
  const b = BUILDS[spec.who];
  const pose = spec.pose ?? 'stand';
  const lift = pose === 'sit' ? 0.46 - 0.52 * b.height : 0;
  const refY = 0.85;
  const anchorW: V3 = [spec.at[0], lift + refY * b.height, spec.at[1]];
  const topW: V3 = [spec.at[0], lift + b.height, spec.at[1]];
  const c = sk.cam.toCam(anchorW);
  if (c[2] < NEAR * 4) return;
  const anchor = sk.cam.screen(c);
  const top = sk.cam.project(topW);
  if (!top) return;
  const s = (sk.cam.f * b.height) / c[2];
  const ang = Math.atan2(top[0] - anchor[0], -(top[1] - anchor[1]));
  const ca = Math.cos(ang);
  const sa = Math.sin(ang);
  const S = (p: Local): P2 => {
    const dx = p[0] * s;
    const dy = -(p[1] - refY) * s;
    return [anchor[0] + dx * ca - dy * sa, anchor[1] + dx * sa + dy * ca];
  };
  const back = spec.view === 'back' || spec.silhouette === true;
  const fillT = spec.tone ?? 0.45;
  const fill = tone(fillT);
  const w = s > 400 ? 1.5 : s > 150 ? 1.1 : 0.8;

  const headCy = 1 - b.ry;
  const chin = 1 - 2 * b.ry;
  const shY = chin - (spec.who === 'maya' ? 0.03 : 0.04);
  const sw = b.shoulders / 2;
  const hw = b.hips / 2;
  const hipY = 0.5;
  const side = (k: number, p: Local): Local => [p[0] * k, p[1]];

  const limb = (pts: Local[], width: number, color = fill) => {
    const p = pts.map(S);
    const wpx = width * s;
    const d = smoothPath(p, false);
    if (wpx < 2) {
      sk.stroke(d, Math.max(1.2, wpx), 0.9, tone(Math.min(1, fillT + 0.2)));
      return;
    }
    sk.stroke(d, wpx + 2.6 * w, 0.85);
    sk.stroke(d, wpx, 1, color);
  };

  // Legs.
  for (const k of [-1, 1]) {
    let leg: Local[];
    if (pose === 'tiptoe') {
      leg = k < 0 ? [[-hw / 2, hipY], [-hw / 2 - 0.01, 0.28], [-hw / 2, 0.07]] : [[hw / 2, hipY], [hw / 2 + 0.015, 0.3], [hw / 2 + 0.005, 0.12]];
    } else if (pose === 'sit') {
      leg = [[(k * hw) / 2, hipY], [(k * hw) / 1.6, hipY - 0.02], [(k * hw) / 1.6, 0.05]];
    } else {
      leg = [[(k * hw) / 2, hipY], [(k * hw) / 2, 0.27], [(k * hw) / 2.1, 0.05]];
    }
    const legTone = spec.who === 'grandpa' ? tone(fillT + 0.12) : tone(Math.max(0, fillT - 0.1));
    limb(leg, b.leg, legTone);
    const foot = S([leg[2][0] + k * 0.012, leg[2][1] - 0.03]);
    if (s > 60) {
      sk.fill2(ring(0, 0, 0, 1, 10).map(([dx, , dz]) => [foot[0] + dx * b.leg * s * 0.75, foot[1] + dz * b.leg * s * 0.35] as P2), tone(fillT + 0.2), 1, true);
    }
  }

  // Torso: Maya's is an oversized T-shirt, Grandpa's a cardigan.
  const hem = b.hem;
  const torso: Local[] = [
    [-0.5 * b.rx, shY + 0.03], [-0.5 * b.rx - 0.03, shY + 0.012], [-sw + 0.02, shY - 0.003], [-sw, shY - 0.035], [-sw + 0.012, shY - 0.16],
    [-hw - 0.01, (shY + hem) / 2 - 0.05], [-hw - (spec.who === 'maya' ? 0.03 : 0.012), hem],
    [hw + (spec.who === 'maya' ? 0.03 : 0.012), hem], [hw + 0.01, (shY + hem) / 2 - 0.05],
    [sw - 0.012, shY - 0.16], [sw, shY - 0.035], [sw - 0.02, shY - 0.003], [0.5 * b.rx + 0.03, shY + 0.012], [0.5 * b.rx, shY + 0.03],
  ];
  const tp = torso.map(S);
  sk.fill2(tp, fill, 1, true);
  sk.curve2(tp, true, w);
  if (s > 120 && !back) {
    if (spec.who === 'grandpa') {
      sk.curve2([S([-0.5 * b.rx, shY + 0.01]), S([-0.01, shY - 0.1]), S([-0.005, hem])], false, w * 0.8);
      sk.curve2([S([0.5 * b.rx, shY + 0.01]), S([0.012, shY - 0.1])], false, w * 0.8);
      for (let i = 0; i < 4; i++) {
        const p = S([0.012, shY - 0.13 - i * 0.07]);
        sk.raw(`<circle cx="${fmt(p[0])}" cy="${fmt(p[1])}" r="${fmt(Math.max(1, s * 0.005))}" fill="${INK_HEX}" fill-opacity="0.7"/>`);
      }
    } else {
      sk.curve2([S([-0.4 * b.rx, shY + 0.01]), S([0, shY - 0.02]), S([0.4 * b.rx, shY + 0.01])], false, w * 0.8);
    }
    // Folds.
    sk.curve2([S([-sw + 0.03, shY - 0.12]), S([-hw + 0.01, shY - 0.2])], false, w * 0.5, 0.6);
    sk.curve2([S([sw - 0.03, shY - 0.12]), S([hw - 0.01, shY - 0.22])], false, w * 0.5, 0.6);
  }

  // Arms.
  for (const k of [-1, 1]) {
    const sh: Local = [k * (sw - 0.02), shY - 0.03];
    let arm: Local[];
    if (pose === 'tiptoe') arm = [sh, [k * (sw + 0.09), shY - 0.1], [k * (sw + 0.19), shY - 0.13], [k * (sw + 0.23), shY - 0.12]];
    else if (pose === 'sit') arm = [sh, [k * (sw + 0.03), shY - 0.17], [k * (sw - 0.03), shY - 0.24], [k * (sw - 0.08), shY - 0.25]];
    else if (pose === 'offer' && k === 1) arm = [sh, [sw + 0.06, shY - 0.17], [sw + 0.03, shY - 0.07], [sw + 0.015, shY - 0.04]];
    else if (pose === 'milk' && k === -1) arm = [sh, [-sw - 0.04, shY - 0.17], [-sw + 0.05, shY - 0.1], [-sw + 0.09, shY - 0.08]];
    else arm = [sh, side(k, [sw + 0.015, shY - 0.17]), side(k, [sw + 0.02, shY - 0.31]), side(k, [sw + 0.015, shY - 0.37])];
    limb(arm, b.arm);
    const wrist = S(arm[arm.length - 2]);
    const hand = S(arm[arm.length - 1]);
    if (b.arm * s > 3) {
      const L = Math.hypot(hand[0] - wrist[0], hand[1] - wrist[1]) || 1;
      const ux = (hand[0] - wrist[0]) / L;
      const uy = (hand[1] - wrist[1]) / L;
      const r = b.arm * s;
      const mitten = ring(0, 0, 0, 1, 12).map(([c, , d]) => [hand[0] + ux * (c * 0.7 + 0.25) * r - uy * d * 0.5 * r, hand[1] + uy * (c * 0.7 + 0.25) * r + ux * d * 0.5 * r] as P2);
      sk.fill2(mitten, spec.silhouette ? fill : tone(fillT * 0.55), 1, true);
      sk.curve2(mitten, true, w * 0.8);
    }
    if (pose === 'offer' && k === 1) {
      const h = arm[arm.length - 1];
      const f0 = S([h[0] - 0.01, h[1] - 0.02]);
      const f1 = S([h[0] + 0.035, h[1] + 0.1]);
      sk.line2(f0, f1, w * 2);
      const dx = (f1[0] - f0[0]) / 8;
      const dy = (f1[1] - f0[1]) / 8;
      for (const o of [-1, 0, 1]) {
        const base: P2 = [f1[0] + o * dy * 0.6, f1[1] - o * dx * 0.6];
        sk.line2([base[0] - dx * 0.3, base[1] - dy * 0.3], [base[0] + dx * 2.2, base[1] + dy * 2.2], w * 1.3);
      }
      sk.line2([f1[0] - dy * 0.7, f1[1] + dx * 0.7], [f1[0] + dy * 0.7, f1[1] - dx * 0.7], w * 1.6);
    }
    if (pose === 'milk' && k === -1 && s > 150) {
      const h = S(arm[arm.length - 1]);
      const bw = 0.035 * s;
      const bh = 0.13 * s;
      const bottle: P2[] = [[h[0] - bw, h[1] + bh * 0.4], [h[0] - bw, h[1] - bh * 0.45], [h[0] - bw * 0.5, h[1] - bh * 0.6], [h[0] - bw * 0.5, h[1] - bh * 0.75],
        [h[0] + bw * 0.5, h[1] - bh * 0.75], [h[0] + bw * 0.5, h[1] - bh * 0.6], [h[0] + bw, h[1] - bh * 0.45], [h[0] + bw, h[1] + bh * 0.4]];
      sk.fill2(bottle, tone(0.05));
      for (let i = 0; i < bottle.length; i++) sk.line2(bottle[i], bottle[(i + 1) % bottle.length], w);
    }
  }

  // Neck and head.
  const nw = (spec.who === 'grandpa' ? 0.56 : 0.48) * b.rx;
  const neck: Local[] = [[-nw, chin + 0.02], [nw, chin + 0.02], [nw, shY + 0.02], [-nw, shY + 0.02]];
  sk.fill2(neck.map(S), spec.silhouette ? fill : tone(fillT * 0.8));
  sk.line2(S(neck[0]), S(neck[3]), w * 0.8);
  sk.line2(S(neck[1]), S(neck[2]), w * 0.8);
  const head = (k: number, dy = 0, scaleX = 1): P2[] =>
    ring(0, 0, 0, 1, 28).map(([dx, , dz]) => S([dx * b.rx * k * scaleX, headCy + dy + dz * b.ry * k]));
  const hairT = spec.silhouette ? fillT : spec.who === 'maya' ? Math.min(0.85, fillT + 0.3) : 0.25;
  const hair = tone(hairT);
  if (spec.who === 'maya') {
    for (const k of [-1, 1]) {
      // A pigtail: tied just under the ear, hanging and flicking outward.
      const tail: P2[] = (
        [[0.82, 0.05], [1.05, 0.08], [1.3, -0.25], [1.42, -0.7], [1.5, -1.05], [1.3, -0.95], [1.12, -0.65], [0.98, -0.3]] as Local[]
      ).map(([x, y]) => S([k * x * b.rx, headCy + y * b.ry]));
      sk.fill2(tail, hair, 1, true);
      sk.curve2(tail, true, w * 0.8);
      if (s > 200) {
        sk.line2(S([k * 0.92 * b.rx, headCy + 0.02 * b.ry]), S([k * 1.12 * b.rx, headCy - 0.08 * b.ry]), w * 2.2);
        sk.curve2([S([k * 1.15 * b.rx, headCy - 0.2 * b.ry]), S([k * 1.3 * b.rx, headCy - 0.6 * b.ry]), S([k * 1.38 * b.rx, headCy - 0.9 * b.ry])], false, w * 0.5, 0.6);
      }
    }
  }
  const faceTone = back ? hair : tone(fillT * (s > 300 ? 0.35 : 0.7));
  const hp = head(1);
  sk.fill2(hp, faceTone, 1, true);
  if (!back && s > 150) {
    // Ears.
    for (const k of [-1, 1]) {
      const ear = ring(0, 0, 0, 1, 10).map(([dx, , dz]) => S([k * b.rx * 0.97 + dx * b.rx * 0.13, headCy - 0.08 * b.ry + dz * b.ry * 0.19]));
      sk.fill2(ear, faceTone, 1, true);
      sk.curve2(ear, true, w * 0.8);
    }
    sk.fill2(hp, faceTone, 1, true);
  }
  sk.curve2(hp, true, w);
  if (spec.shadowSide && s > 150 && !back) {
    const half = ring(0, 0, 0, 1, 28)
      .map(([dx, , dz]) => [dx, dz] as Local)
      .filter(([dx]) => dx * spec.shadowSide! >= -0.05)
      .map(([dx, dz]) => S([dx * b.rx, headCy + dz * b.ry]));
    sk.hatch2(half, 62, Math.max(3, s * 0.004), 0.6, 0.35, true);
  }
  if (spec.who === 'maya') {
    // Hair cap with a fringe; from behind it covers the head, with a parting.
    const cap: Local[] = back
      ? ring(0, 0, 0, 1, 24).map(([dx, , dz]) => [dx * b.rx * 1.06, headCy + dz * b.ry * 1.04] as Local)
      : [
          [-b.rx * 1.06, headCy - 0.25 * b.ry], [-b.rx * 1.02, headCy + 0.45 * b.ry], [-b.rx * 0.6, headCy + 0.95 * b.ry], [0, headCy + 1.06 * b.ry],
          [b.rx * 0.6, headCy + 0.95 * b.ry], [b.rx * 1.02, headCy + 0.45 * b.ry], [b.rx * 1.06, headCy - 0.25 * b.ry], [b.rx * 0.92, headCy + 0.25 * b.ry],
          [b.rx * 0.5, headCy + 0.35 * b.ry], [b.rx * 0.1, headCy + 0.28 * b.ry], [-b.rx * 0.3, headCy + 0.36 * b.ry], [-b.rx * 0.92, headCy + 0.25 * b.ry],
        ];
    const cp = cap.map(S);
    sk.fill2(cp, hair, 1, true);
    sk.curve2(cp, true, w);
    if (s > 120) {
      for (const k of [-0.6, -0.2, 0.2, 0.6]) {
        sk.curve2([S([k * b.rx * 0.3, headCy + b.ry * 1.0]), S([k * b.rx * 0.8, headCy + b.ry * 0.6]), S([k * b.rx * 1.05, headCy + b.ry * (back ? -0.6 : 0.2)])], false, w * 0.5, 0.6);
      }
    }
  } else {
    // Grandpa: bald on top, grey at the sides.
    for (const k of [-1, 1]) {
      const tuft: P2[] = (
        [[0.78, 0.5], [0.98, 0.35], [1.06, 0.05], [1.02, -0.22], [0.9, -0.1], [0.86, 0.2]] as Local[]
      ).map(([x, y]) => S([k * x * b.rx, headCy + y * b.ry]));
      sk.fill2(tuft, spec.silhouette ? fill : tone(0.2), 1, true);
      sk.curve2(tuft, true, w * 0.6, 0.8);
    }
  }

  if (spec.silhouette) {
    for (const k of [-1, 1]) {
      const g = S([k * 0.38 * b.rx, headCy + 0.02 * b.ry]);
      const r = Math.max(1.5, 0.2 * b.rx * s);
      sk.raw(`<ellipse cx="${fmt(g[0])}" cy="${fmt(g[1])}" rx="${fmt(r)}" ry="${fmt(r * 0.7)}" fill="#f4f2ea" fill-opacity="0.9"/>`);
    }
    return;
  }
  if (!back && s > 150) face(sk, spec, b, S, headCy, w);
}

function face(sk: Sketch, spec: FigureSpec, b: Build, S: (p: Local) => P2, cy: number, w: number): void {
  const F = (x: number, y: number): P2 => S([x * b.rx, cy + y * b.ry]);
  const ex = 0.38;
  const ey = spec.who === 'maya' ? -0.05 : 0.02;
  const big = spec.expression === 'worried';
  for (const k of [-1, 1]) {
    const eye = ring(0, 0, 0, 1, 12).map(([dx, , dz]) => F(k * ex + dx * (big ? 0.15 : 0.12), ey + dz * (big ? 0.09 : 0.05)));
    sk.fill2(eye, '#f8f6f0', 1, true);
    sk.curve2(eye, true, w * 0.7);
    const p = F(k * ex + 0.02, ey - 0.01);
    const r = Math.max(1.2, (S([b.rx * 0.07, 0])[0] - S([0, 0])[0]) || 2);
    sk.raw(`<circle cx="${fmt(p[0])}" cy="${fmt(p[1])}" r="${fmt(Math.abs(r))}" fill="${INK_HEX}"/>`);
    // Brows: raised and tilted when worried.
    const bi = big ? 0.3 : 0.22;
    sk.curve2([F(k * (ex - 0.2), ey + bi + (big ? 0.06 : 0)), F(k * ex, ey + bi + 0.05), F(k * (ex + 0.2), ey + bi - (big ? 0.02 : 0))], false, w * 1.1);
    if (spec.who === 'grandpa') {
      const lens = ring(0, 0, 0, 1, 16).map(([dx, , dz]) => F(k * ex + dx * 0.24, ey + dz * 0.16));
      sk.curve2(lens, true, w * 0.9);
      sk.line2(F(k * (ex + 0.24), ey + 0.04), F(k * 0.98, ey + 0.08), w * 0.7);
    }
  }
  if (spec.who === 'grandpa') sk.line2(F(-0.14, ey + 0.02), F(0.14, ey + 0.02), w * 0.8);
  sk.curve2([F(0.02, ey - 0.05), F(-0.06, -0.35), F(0.04, -0.4), F(0.12, -0.37)], false, w * 0.9);
  if (spec.who === 'grandpa') {
    const m = [F(-0.28, -0.52), F(-0.13, -0.45), F(0, -0.48), F(0.13, -0.45), F(0.28, -0.52), F(0.13, -0.55), F(-0.13, -0.55)];
    sk.fill2(m, tone(0.22), 1, true);
    sk.curve2(m, true, w * 0.7);
  }
  if (spec.expression === 'worried') {
    const o = ring(0, 0, 0, 1, 10).map(([dx, , dz]) => F(dx * 0.1, -0.62 + dz * 0.08));
    sk.fill2(o, tone(0.7), 1, true);
    sk.curve2(o, true, w * 0.8);
  } else if (spec.expression === 'smile') {
    sk.curve2([F(-0.28, -0.63), F(0, -0.74), F(0.28, -0.63)], false, w * 1.1);
  } else {
    sk.curve2([F(-0.2, -0.62), F(0, -0.64), F(0.2, -0.61)], false, w);
  }
}

/** From straight above (the bird's-eye), a person is a head on a pair of shoulders. */
function figureFromAbove(sk: Sketch, spec: FigureSpec): void {
  const b = BUILDS[spec.who];
  const [x, z] = spec.at;
  const lift = spec.pose === 'sit' ? 0.46 - 0.52 * b.height : 0;
  const shoulderY = lift + (1 - 2 * b.ry - 0.04) * b.height;
  const sw = (b.shoulders / 2) * b.height;
  const sh: V3[] = ring(0, 0, 0, 1, 20).map(([dx, , dz]) => [x + dx * sw * 1.05, shoulderY, z + dz * 0.12]);
  const fill = tone(spec.tone ?? 0.45);
  for (const k of [-1, 1]) {
    const arm = [[x + k * sw * 0.95, shoulderY, z], [x + k * sw * 0.9, shoulderY - 0.1, z - 0.22], [x + k * sw * 0.4, TABLE.y + 0.02, z - 0.36]] as V3[];
    const p = arm.map((q) => sk.cam.project(q)).filter((q): q is P2 => q !== null);
    const wpx = (sk.cam.f * b.arm * b.height) / sk.cam.depth(arm[1]);
    sk.stroke(smoothPath(p, false), wpx + 2.4, 0.85);
    sk.stroke(smoothPath(p, false), wpx, 1, fill);
  }
  const sp = sk.fill3(sh, fill);
  if (sp.length) sk.curve2(sp, true, 1);
  const headY = lift + b.height;
  const hp = sk.fill3(ring(x, headY, z - 0.01, b.rx * b.height * 1.05, 20), spec.who === 'maya' ? tone(0.72) : tone(0.2));
  if (hp.length) sk.curve2(hp, true, 1);
  if (spec.who === 'maya') {
    for (const k of [-1, 1]) {
      const t = sk.fill3(ring(x + k * b.rx * b.height * 1.25, headY - 0.05, z, 0.035, 12), tone(0.72));
      if (t.length) sk.curve2(t, true, 0.8);
    }
  } else {
    const bald = sk.fill3(ring(x, headY + 0.002, z - 0.015, b.rx * b.height * 0.6, 16), tone(0.08));
    if (bald.length) sk.curve2(bald, true, 0.5, 0.5);
  }
}

// ---------------------------------------------------------------------------------------------
// Camera-move notation, drawn over the frame as a storyboard artist would
// ---------------------------------------------------------------------------------------------

type Move = 'in' | 'out' | 'pan-right' | 'truck-right' | 'handheld' | 'none';

/** A hollow block arrow along a frame-space centre line ending at the tip. */
function arrow(sk: Sketch, centre: P2[], width: number, headLen: number, headWidth: number): void {
  const pts = centre;
  const tip = pts[pts.length - 1];
  // Walk back from the tip by headLen to find the base of the head.
  let remaining = headLen;
  let k = pts.length - 1;
  let base: P2 = tip;
  while (k > 0) {
    const a = pts[k - 1];
    const b = pts[k];
    const L = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (L >= remaining) {
      const t = remaining / L;
      base = [b[0] + (a[0] - b[0]) * t, b[1] + (a[1] - b[1]) * t];
      break;
    }
    remaining -= L;
    k--;
  }
  const shaft = [...pts.slice(0, k), base];
  const normals = shaft.map((p, i) => {
    const a = shaft[Math.max(0, i - 1)];
    const b = shaft[Math.min(shaft.length - 1, i + 1)];
    const L = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    return [-(b[1] - a[1]) / L, (b[0] - a[0]) / L] as P2;
  });
  const left = shaft.map((p, i) => [p[0] + normals[i][0] * width / 2, p[1] + normals[i][1] * width / 2] as P2);
  const right = shaft.map((p, i) => [p[0] - normals[i][0] * width / 2, p[1] - normals[i][1] * width / 2] as P2);
  const n = normals[normals.length - 1];
  const hl: P2 = [base[0] + n[0] * headWidth / 2, base[1] + n[1] * headWidth / 2];
  const hr: P2 = [base[0] - n[0] * headWidth / 2, base[1] - n[1] * headWidth / 2];
  const outline = [...left, hl, tip, hr, ...right.reverse()];
  sk.fill2(outline, '#fbfaf6', 0.88);
  sk.raw(`<path d="${polyPath(outline)}" fill="none" stroke="${INK_HEX}" stroke-width="2.4" stroke-linejoin="round" stroke-opacity="0.9"/>`);
  const off = outline.map(([x, y]) => [x + sk.sym(1.2), y + sk.sym(1.2)] as P2);
  sk.raw(`<path d="${polyPath(off)}" fill="none" stroke="${INK_HEX}" stroke-width="0.9" stroke-linejoin="round" stroke-opacity="0.45"/>`);
}

function moveNotation(sk: Sketch, move: Move, inner?: [number, number, number, number], arrowY?: number): void {
  if (move === 'none') return;
  if (move === 'in' || move === 'out') {
    const [x0, y0, x1, y1] = inner ?? [W * 0.22, H * 0.2, W * 0.78, H * 0.8];
    sk.raw(`<rect x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(x1 - x0)}" height="${fmt(y1 - y0)}" fill="none" stroke="${INK_HEX}" stroke-width="2.2" stroke-dasharray="16 10" stroke-opacity="0.85"/>`);
    const m = 22;
    const pairs: [P2, P2][] = [
      [[m, m], [x0, y0]], [[W - m, m], [x1, y0]], [[W - m, H - m], [x1, y1]], [[m, H - m], [x0, y1]],
    ];
    for (const [outer, corner] of pairs) {
      const from = move === 'in' ? outer : corner;
      const to = move === 'in' ? corner : outer;
      const dx = to[0] - from[0];
      const dy = to[1] - from[1];
      const L = Math.hypot(dx, dy);
      const a: P2 = [from[0] + (dx / L) * 8, from[1] + (dy / L) * 8];
      const b: P2 = [to[0] - (dx / L) * 10, to[1] - (dy / L) * 10];
      arrow(sk, [a, b], 9, 22, 26);
    }
  } else if (move === 'pan-right') {
    const c: P2[] = [];
    for (let i = 0; i <= 24; i++) {
      const t = i / 24;
      const y = arrowY ?? H * 0.13;
      c.push([W * (0.3 + 0.4 * t), y + (y < H / 2 ? -1 : 1) * Math.sin(t * Math.PI) * 26]);
    }
    arrow(sk, c, 16, 40, 44);
  } else if (move === 'truck-right') {
    arrow(sk, [[W * 0.3, arrowY ?? H * 0.9], [W * 0.7, arrowY ?? H * 0.9]], 16, 40, 44);
  } else if (move === 'handheld') {
    // Shaky double frame lines: the frame itself is unsteady.
    for (let i = 0; i < 3; i++) {
      const a = sk.sym(0.6);
      const dx = sk.sym(5);
      const dy = sk.sym(4);
      sk.raw(`<rect x="${fmt(16 + dx)}" y="${fmt(14 + dy)}" width="${W - 32}" height="${H - 28}" fill="none" stroke="${INK_HEX}" stroke-width="${i ? 0.9 : 1.6}" stroke-opacity="${i ? 0.4 : 0.7}" transform="rotate(${fmt(a)} ${W / 2} ${H / 2})"/>`);
    }
    const c: P2[] = [];
    for (let i = 0; i <= 30; i++) {
      const t = i / 30;
      c.push([W * (0.06 + 0.2 * t), H * 0.88 + Math.sin(t * Math.PI * 4) * 9]);
    }
    arrow(sk, c, 10, 26, 30);
  }
}

// ---------------------------------------------------------------------------------------------
// The storyboard
// ---------------------------------------------------------------------------------------------

interface Shot {
  file: string;
  patch: PanelPatch & { durationMs: number };
  camera: CameraSpec;
  figures: FigureSpec[];
  move: Move;
  inner?: [number, number, number, number];
  /** Where a pan or truck arrow runs (frame y), when the default would cover a face. */
  arrowY?: number;
  cutaway?: boolean;
  lurker?: boolean;
  fridgeInterior?: boolean;
  vignette?: number;
}

const SCENE = {
  heading: 'INT. KITCHEN - NIGHT',
  synopsis:
    '3 a.m. MAYA (10) creeps downstairs for the birthday cake she was told not to touch, and finds she is not the only one awake. ' +
    'GRANDPA, caught fork in hand, turns the crime into a secret they share in the moonlight.',
};

const STYLE_NOTES =
  'Grey pencil on warm paper, marker tones for night. The moonlit window is the only key light: keep the table in its square of light. ' +
  'Eye lines at Maya\'s height (1.1 m) unless a panel says otherwise.';

const SHOTS: Shot[] = [
  {
    file: 'night-kitchen-01-establishing.jpg',
    patch: {
      durationMs: 4000, shotSize: 'EWS', angle: 'high', lensMm: 18, cameraMove: 'static', transition: 'fade in',
      action: 'The kitchen at 3 a.m. Moonlight through the window lays a pale square across the table and the floor. The hall door eases open: MAYA (10), a small silhouette, hesitates on the threshold.',
      dialogue: '', sound: 'Fridge hum. A clock ticking. The door latch.',
      notes: 'Hold long enough to read the room: window, table, fridge, pantry door. This frame sets the geography for the whole scene.',
      status: 'approved', tags: ['establishing', 'moonlight'],
    },
    camera: { pos: [1.3, 2.35, -1.7], target: [-0.75, 0.55, 3.9], lensMm: 18 },
    figures: [{ who: 'maya', at: [-2.75, 1.45], tone: 0.55 }],
    move: 'none',
  },
  {
    file: 'night-kitchen-02-tiptoe.jpg',
    patch: {
      durationMs: 3500, shotSize: 'WS', angle: 'eye level', lensMm: 24, cameraMove: 'dolly in',
      action: 'Maya tiptoes across the cold tiles toward the fridge, arms out for balance. We creep in behind her.',
      dialogue: 'MAYA\n(whispering)\nDon\'t creak. Don\'t creak.', sound: 'Bare feet on tile.',
      notes: 'Dolly at Maya\'s eye height (1.1 m). Keep the table and its moonlight in frame right.',
      status: 'approved', tags: ['maya'],
    },
    camera: { pos: [0.3, 1.1, -0.3], target: [-1.2, 0.95, 4.6], lensMm: 24 },
    figures: [{ who: 'maya', at: [-1.55, 2.6], pose: 'tiptoe', view: 'back', tone: 0.5 }],
    move: 'in',
    inner: [W * 0.2, H * 0.16, W * 0.62, H * 0.84],
  },
  {
    file: 'night-kitchen-03-fridge.jpg',
    patch: {
      durationMs: 2500, shotSize: 'MS', angle: 'low', lensMm: 24, cameraMove: 'static',
      action: 'FRIDGE POV. The door swings open; cold light floods Maya\'s face. She takes the milk.',
      dialogue: '', sound: 'The door seal unsticks; the hum gets louder.',
      notes: 'Camera inside the fridge: shelves and jars frame her. Practical: LED strip on the bottom shelf, the only warm-free light in the scene.',
      status: 'review', tags: ['maya', 'practical light'],
    },
    camera: { pos: [-2.75, 0.82, 5.3], target: [-1.0, 1.16, 5.22], lensMm: 24 },
    figures: [{ who: 'maya', at: [-1.2, 5.25], pose: 'milk', tone: 0.18, expression: 'neutral', shadowSide: 1 }],
    move: 'none',
    fridgeInterior: true,
  },
  {
    file: 'night-kitchen-04-cake.jpg',
    patch: {
      durationMs: 1500, shotSize: 'INSERT', angle: 'high', lensMm: 50, cameraMove: 'static',
      action: 'On the table, in the moonlight: Grandma\'s birthday cake. A wedge is already gone. Fresh crumbs.',
      dialogue: '', sound: 'The clock, louder.',
      notes: 'Top light only, from the window. The missing slice and the crumbs must read at thumbnail size.',
      status: 'approved', tags: ['insert', 'cake'],
    },
    camera: { pos: [-0.3, 1.62, 2.1], target: [0.06, 0.8, 3.38], lensMm: 50 },
    figures: [],
    move: 'none',
    vignette: 0.5,
  },
  {
    file: 'night-kitchen-05-maya-cu.jpg',
    patch: {
      durationMs: 2000, shotSize: 'CU', angle: 'eye level', lensMm: 50, cameraMove: 'zoom in',
      action: 'Maya freezes, the milk bottle halfway to her mouth. Someone else has been here.',
      dialogue: 'MAYA\n(barely a breath)\n...Hello?', sound: 'Silence but the clock.',
      notes: 'Slow creep on the zoom, 50 to 75 mm over the shot. Hold on her eyes.',
      status: 'review', tags: ['maya'],
    },
    camera: { pos: [-1.2, 1.17, 2.75], target: [-1.2, 1.2, 4.2], lensMm: 50 },
    figures: [{ who: 'maya', at: [-1.2, 4.2], tone: 0.3, expression: 'worried', shadowSide: -1 }],
    move: 'in',
    inner: [W * 0.3, H * 0.14, W * 0.7, H * 0.82],
  },
  {
    file: 'night-kitchen-06-pantry-pov.jpg',
    patch: {
      durationMs: 3000, shotSize: 'POV', angle: 'dutch', lensMm: 24, cameraMove: 'handheld',
      action: 'MAYA\'S POV: the pantry door stands ajar. In the dark gap, something shifts.',
      dialogue: '', sound: 'A floorboard creaks. The fridge hum cuts out.',
      notes: 'Handheld, breathing. Dutch about 8 degrees. Shoot it with and without the shape in the gap.',
      status: 'draft', tags: ['pov', 'suspense'],
    },
    camera: { pos: [-1.0, 1.22, 3.0], target: [1.6, 1.0, 6.0], lensMm: 24, roll: -8 },
    figures: [],
    move: 'handheld',
    lurker: true,
    vignette: 0.55,
  },
  {
    file: 'night-kitchen-07-ots-grandpa.jpg',
    patch: {
      durationMs: 4500, shotSize: 'OTS', angle: 'eye level', lensMm: 50, cameraMove: 'static',
      action: 'Over Maya\'s shoulder: GRANDPA (70s), cardigan over pyjamas, steps out of the pantry, fork raised. Caught.',
      dialogue: 'GRANDPA\nI was... checking it was still fresh.', sound: '',
      notes: 'Keep Maya\'s shoulder soft and dark in the foreground. Grandpa lands on the moonlit side of frame.',
      status: 'review', tags: ['grandpa', 'maya'],
    },
    camera: { pos: [-2.72, 1.12, 3.3], target: [1.64, 1.42, 5.63], lensMm: 50 },
    figures: [
      { who: 'grandpa', at: [1.75, 5.35], pose: 'offer', tone: 0.38, expression: 'neutral', shadowSide: -1 },
      { who: 'maya', at: [-1.2, 4.2], view: 'back', tone: 0.62 },
    ],
    move: 'none',
  },
  {
    file: 'night-kitchen-08-grandpa-mcu.jpg',
    patch: {
      durationMs: 3000, shotSize: 'MCU', angle: 'low', lensMm: 40, cameraMove: 'pan',
      action: 'Guilt melts into a grin. Grandpa holds the fork out to her.',
      dialogue: 'GRANDPA\nOne slice. Our secret?', sound: '',
      notes: 'Pan with the fork as he offers it. His glasses catch the moon.',
      status: 'draft', tags: ['grandpa'],
    },
    camera: { pos: [1.05, 1.3, 3.7], target: [1.75, 1.55, 5.35], lensMm: 40 },
    figures: [{ who: 'grandpa', at: [1.75, 5.35], pose: 'offer', tone: 0.35, expression: 'smile', shadowSide: 1 }],
    move: 'pan-right',
    arrowY: H * 0.86,
  },
  {
    file: 'night-kitchen-09-sharing.jpg',
    patch: {
      durationMs: 5000, shotSize: 'MWS', angle: 'eye level', lensMm: 28, cameraMove: 'truck',
      action: 'Side by side at the table, in the square of moonlight, they eat straight from the plate.',
      dialogue: 'MAYA\n(mouth full)\nIt\'s really fresh.\n\nGRANDPA\nMm. Very important to check.', sound: 'Forks on china. The clock.',
      notes: 'Slow truck left to right along the table. The warmest frame of the sequence.',
      status: 'draft', tags: ['maya', 'grandpa', 'moonlight'],
    },
    camera: { pos: [0.0, 1.12, 1.25], target: [0.0, 0.98, 4.0], lensMm: 28 },
    figures: [
      { who: 'maya', at: [-0.4, 4.2], pose: 'sit', tone: 0.35, expression: 'smile', shadowSide: -1 },
      { who: 'grandpa', at: [0.42, 4.25], pose: 'sit', tone: 0.38, expression: 'smile', shadowSide: 1 },
    ],
    move: 'truck-right',
  },
  {
    file: 'night-kitchen-10-crane-up.jpg',
    patch: {
      durationMs: 4500, shotSize: 'EWS', angle: "bird's-eye", lensMm: 18, cameraMove: 'crane', transition: 'fade out',
      action: 'Crane up and away through the ceiling: two small figures at the table in a pale square of light, the dark house around them.',
      dialogue: '', sound: 'The clock ticks on. Music in.',
      notes: 'Cutaway set, or a top-down move finished in post. Hold the last frame a second before the fade.',
      status: 'draft', tags: ['moonlight'],
    },
    camera: { pos: [0.0, 6.2, 3.3], target: [0.0, 0.0, 3.31], lensMm: 18 },
    figures: [
      { who: 'maya', at: [-0.4, 4.2], pose: 'sit', tone: 0.4 },
      { who: 'grandpa', at: [0.42, 4.25], pose: 'sit', tone: 0.4 },
    ],
    move: 'out',
    inner: [W * 0.36, H * 0.3, W * 0.64, H * 0.7],
    cutaway: true,
  },
];

function horizon(sk: Sketch): void {
  const cam = sk.cam;
  const fwd = norm([cam.F[0], 0, cam.F[2]]);
  if (!Number.isFinite(fwd[0])) return;
  const side = norm(cross([0, 1, 0], fwd));
  const far = add(cam.pos, scale(fwd, 1000));
  const a = cam.project(add(far, scale(side, -2000)));
  const b = cam.project(add(far, scale(side, 2000)));
  if (a && b) sk.line2(a, b, 0.5, 0.35);
}

/** Draws one panel; `seed` keeps every pencil wobble the same from run to run. */
function drawShot(shot: Shot, seed: number): string {
  const cam = new Camera(shot.camera);
  const sk = new Sketch(cam, mulberry32(seed));
  if (shot.cutaway) roomCutaway(sk);
  else roomShell(sk);
  if (!shot.cutaway) {
    windowWall(sk);
    clock(sk);
    hallDoor(sk);
  }
  const lurker = shot.lurker
    ? (s: Sketch) => figure(s, { who: 'grandpa', at: [2.2, 6.4], tone: 0.93, silhouette: true })
    : null;
  if (!shot.cutaway) pantryDoor(sk, lurker);
  moonlight(sk, !shot.cutaway);

  if (!shot.cutaway && !shot.fridgeInterior && shot.patch.shotSize !== 'INSERT') horizon(sk);
  type Item = { depth: number; draw: () => void };
  const items: Item[] = [];
  const at = (p: V3, draw: () => void) => items.push({ depth: cam.depth(p), draw });
  at([-2.64, 0.9, 5.3], () => fridge(sk, shot.fridgeInterior));
  at([2.7, 0.9, 3.25], () => counters(sk));
  at([0, 0.6, 3.5], () => {
    table(sk);
    tableMoonlight(sk);
    cake(sk, shot.patch.shotSize === 'INSERT' || shot.patch.shotSize === 'MWS');
    milk(sk, -0.3, 3.35);
    if (shot.patch.shotSize === 'INSERT') fork(sk, [0.36, TABLE.y + 0.005, 3.1], [0.3, TABLE.y + 0.005, 3.26]);
  });
  for (const [x, z] of [[-0.4, 4.42], [0.42, 4.42]] as Floor[]) at([x, 0.5, z + 0.2], () => chair(sk, x, z, 1));
  if (!shot.cutaway) at([0, 1.6, 3.5], () => lamp(sk));
  for (const f of shot.figures) {
    const b = BUILDS[f.who];
    at([f.at[0], b.height * 0.85, f.at[1]], () => (shot.cutaway ? figureFromAbove(sk, f) : figure(sk, f)));
  }
  items.sort((a, b) => b.depth - a.depth);
  for (const it of items) if (it.depth > NEAR) it.draw();

  if (shot.fridgeInterior) fridgeFrame(sk);
  const v = sk.id('v');
  const strength = shot.vignette ?? 0.38;
  sk.def(`<radialGradient id="${v}" cx="50%" cy="50%" r="72%"><stop offset="0.55" stop-color="#1d1e24" stop-opacity="0"/><stop offset="1" stop-color="#1d1e24" stop-opacity="${strength}"/></radialGradient>`);
  sk.raw(`<rect width="${W}" height="${H}" fill="url(#${v})"/>`);
  moveNotation(sk, shot.move, shot.inner, shot.arrowY);
  return sk.svg();
}

/** From inside the fridge: its walls, a shelf edge and jars frame the shot. */
function fridgeFrame(sk: Sketch): void {
  const t = tone(0.62);
  const left: P2[] = [[0, 0], [95, 0], [70, H], [0, H]];
  const right: P2[] = [[W, 0], [W - 110, 0], [W - 80, H], [W, H]];
  for (const p of [left, right]) {
    sk.fill2(p, t);
    sk.hatch2(p, 70, 7, 0.6, 0.4);
    sk.line2(p[1], p[2], 1.6);
  }
  const shelf: P2[] = [[0, H - 70], [W, H - 58], [W, H], [0, H]];
  sk.fill2(shelf, tone(0.3));
  sk.line2(shelf[0], shelf[1], 1.6);
  sk.line2([0, H - 52], [W, H - 42], 0.8, 0.6);
  // A jam jar, a bottle and a juice carton on the shelf, in silhouette, a highlight on the glass.
  const base = H - 64;
  const jar = (cx: number, w: number, h: number) => {
    const body: P2[] = [[cx - w / 2, base], [cx - w / 2 - 3, base - h * 0.5], [cx - w / 2, base - h], [cx + w / 2, base - h], [cx + w / 2 + 3, base - h * 0.5], [cx + w / 2, base]];
    sk.fill2(body, tone(0.78), 1, true);
    sk.curve2(body, true, 1.1);
    const lid: P2[] = [[cx - w / 2 + 2, base - h], [cx - w / 2 + 2, base - h - 16], [cx + w / 2 - 2, base - h - 16], [cx + w / 2 - 2, base - h]];
    sk.fill2(lid, tone(0.55));
    for (let i = 0; i < 3; i++) sk.line2(lid[i], lid[i + 1], 1.1);
    sk.line2([cx - w / 2 + 9, base - h * 0.8], [cx - w / 2 + 9, base - h * 0.25], 2.4, 0.35);
  };
  const bottle = (cx: number, w: number, h: number) => {
    const p: P2[] = [[cx - w / 2, base], [cx - w / 2, base - h * 0.6], [cx - w / 6, base - h * 0.82], [cx - w / 6, base - h], [cx + w / 6, base - h],
      [cx + w / 6, base - h * 0.82], [cx + w / 2, base - h * 0.6], [cx + w / 2, base]];
    sk.fill2(p, tone(0.86));
    for (let i = 0; i < p.length - 1; i++) sk.line2(p[i], p[i + 1], 1.1);
    sk.line2([cx - w / 2 + 7, base - h * 0.55], [cx - w / 2 + 7, base - h * 0.12], 2.4, 0.35);
  };
  const carton = (cx: number, w: number, h: number) => {
    const p: P2[] = [[cx - w / 2, base], [cx - w / 2, base - h], [cx, base - h - 22], [cx + w / 2, base - h], [cx + w / 2, base]];
    sk.fill2(p, tone(0.5));
    for (let i = 0; i < p.length - 1; i++) sk.line2(p[i], p[i + 1], 1.1);
    sk.line2([cx - w / 2, base - h], [cx + w / 2, base - h], 0.8);
    sk.line2([cx - w / 2 + 8, base - h * 0.6], [cx + w / 2 - 8, base - h * 0.6], 0.7, 0.7);
  };
  jar(165, 78, 92);
  bottle(255, 44, 150);
  carton(W - 250, 70, 120);
  jar(W - 165, 64, 70);
  const top: P2[] = [[0, 0], [W, 0], [W, 34], [0, 46]];
  sk.fill2(top, tone(0.7));
  sk.line2(top[3], top[2], 1.4);
  // Cold light spilling out of the fridge onto her.
  const g = sk.id('f');
  sk.def(`<radialGradient id="${g}" cx="50%" cy="60%" r="60%"><stop offset="0" stop-color="#ffffff" stop-opacity="0.32"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient>`);
  sk.raw(`<rect width="${W}" height="${H}" fill="url(#${g})"/>`);
}

async function renderJpeg(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Building the file
// ---------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): { out: string; force: boolean; images: string | null } {
  let out: string | null = null;
  let force = false;
  let images: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') force = true;
    else if (a === '--images') images = argv[++i] ?? null;
    else if (a.startsWith('-')) throw new Error(`Unknown option ${a}`);
    else if (out === null) out = a;
    else throw new Error(`Unexpected argument ${a}`);
  }
  if (!out) throw new Error('Usage: make-sample <out.boardwright> [--force] [--images <dir>]');
  return { out: path.resolve(out), force, images };
}

async function main(): Promise<void> {
  const { out, force, images } = parseArgs(process.argv.slice(2));
  if (fs.existsSync(out) && !force) {
    process.stderr.write(`${out} already exists; pass --force to replace it.\n`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.sample`);
  const cleanup = () => {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
  };
  cleanup();

  const started = Date.now();
  const jpegs = await Promise.all(SHOTS.map((s, i) => renderJpeg(drawShot(s, 1000 + i))));
  if (images) {
    fs.mkdirSync(images, { recursive: true });
    SHOTS.forEach((s, i) => fs.writeFileSync(path.join(images, s.file), jpegs[i]));
  }

  let project: Project | null = null;
  try {
    project = Project.create(temp, { title: 'The Night Kitchen', aspectRatio: '2.39', fps: 24, defaultDurationMs: 2500 });
    updateProject(project, { styleNotes: STYLE_NOTES });
    const scene = createScene(project, { patch: SCENE });
    for (let i = 0; i < SHOTS.length; i++) {
      const panel = createPanel(project, { sceneId: scene.id, patch: SHOTS[i].patch });
      await setPanelImage(project, panel.id, jpegs[i], SHOTS[i].file);
    }
    // A new user's first undo should not unpick the sample: ship it with a clean history.
    project.db.exec("DELETE FROM history; DELETE FROM sqlite_sequence WHERE name = 'history';");
    project.db.exec('VACUUM');
    project.close();
    project = null;
    if (fs.existsSync(`${temp}-wal`) || fs.existsSync(`${temp}-shm`)) throw new Error('The sample still has a WAL after closing.');
    // A stale WAL beside the old file would be replayed into the new one: remove it first.
    for (const f of [`${out}-wal`, `${out}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(temp, out);
  } catch (e) {
    project?.close();
    cleanup();
    throw e;
  }
  const bytes = fs.statSync(out).size;
  const imageBytes = jpegs.reduce((s, j) => s + j.length, 0);
  process.stdout.write(
    `Wrote ${out}: ${SHOTS.length} panels, ${(bytes / 1024).toFixed(0)} KB (images ${(imageBytes / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`make-sample: ${(e as Error).message}\n`);
  process.exit(1);
});
