import { add, dot, norm, sub, type Camera, type ScreenPoint, type V3 } from './camera';
import type { Pen } from './pen';

/** A blocking mannequin: where it stands, where it faces, how it holds itself. */
export interface Figure {
  name: string | null;
  /** Ground point between the feet, metres. */
  at: V3;
  /** Facing direction on the ground, radians (0 faces +z). */
  yaw: number;
  height: number;
  pose: Pose;
  /** Main subject, someone else in the shot, or the over-the-shoulder foreground. */
  role: 'subject' | 'other' | 'foreground';
}

export const POSES = ['neutral', 'gesture', 'hips', 'crossed', 'reach', 'walk'] as const;
export type Pose = (typeof POSES)[number];

type Joints = Record<string, V3>;

/** Joint positions for a 1.75 m figure facing +z (x to its left-hand side as seen from the front). */
function joints(pose: Pose): Joints {
  const j: Joints = {
    head: [0, 1.63, 0.01], neck: [0, 1.47, 0], shL: [-0.19, 1.43, 0], shR: [0.19, 1.43, 0],
    waL: [-0.14, 1.12, 0], waR: [0.14, 1.12, 0], hipL: [-0.11, 0.95, 0], hipR: [0.11, 0.95, 0],
    knL: [-0.1, 0.5, 0.02], knR: [0.1, 0.5, 0.02], anL: [-0.11, 0.08, 0], anR: [0.11, 0.08, 0],
    toL: [-0.13, 0.03, 0.14], toR: [0.13, 0.03, 0.14],
    elL: [-0.24, 1.15, 0], elR: [0.24, 1.15, 0], haL: [-0.27, 0.88, 0.04], haR: [0.27, 0.88, 0.04],
  };
  if (pose === 'gesture') Object.assign(j, { elR: [0.27, 1.22, 0.17], haR: [0.29, 1.38, 0.4] });
  if (pose === 'hips') Object.assign(j, { elL: [-0.37, 1.16, -0.03], haL: [-0.16, 1.0, 0.03], elR: [0.37, 1.16, -0.03], haR: [0.16, 1.0, 0.03] });
  if (pose === 'crossed') Object.assign(j, { elL: [-0.23, 1.17, 0.1], haL: [0.13, 1.25, 0.15], elR: [0.23, 1.17, 0.11], haR: [-0.13, 1.27, 0.16] });
  if (pose === 'reach') Object.assign(j, { elR: [0.43, 1.37, 0.06], haR: [0.68, 1.35, 0.12] });
  if (pose === 'walk') {
    Object.assign(j, {
      knL: [-0.1, 0.52, 0.14], anL: [-0.11, 0.1, 0.2], toL: [-0.12, 0.03, 0.34],
      knR: [0.1, 0.48, -0.08], anR: [0.11, 0.12, -0.26], toR: [0.12, 0.02, -0.14],
      elL: [-0.23, 1.15, -0.12], haL: [-0.25, 0.9, -0.2], elR: [0.23, 1.15, 0.12], haR: [0.25, 0.92, 0.22],
    });
  }
  return j;
}

/** [from, to, radius in metres] for each limb. */
const LIMBS: [string, string, number][] = [
  ['hipL', 'knL', 0.075], ['knL', 'anL', 0.056], ['anL', 'toL', 0.04],
  ['hipR', 'knR', 0.075], ['knR', 'anR', 0.056], ['anR', 'toR', 0.04],
  ['shL', 'elL', 0.046], ['elL', 'haL', 0.038], ['shR', 'elR', 0.046], ['elR', 'haR', 0.038],
  ['neck', 'head', 0.048],
];

interface Part {
  depth: number;
  svg: string;
}

/** Draws a figure back to front (far limbs, torso, near limbs, head); returns SVG and the head's screen box. */
export function drawFigure(cam: Camera, fig: Figure, pen: Pen, tone: string): { svg: string; head: ScreenPoint | null; headPx: number } {
  const k = fig.height / 1.75;
  const [c, s] = [Math.cos(fig.yaw), Math.sin(fig.yaw)];
  const world = (p: V3): V3 => add(fig.at, [(p[0] * c + p[2] * s) * k, p[1] * k, (-p[0] * s + p[2] * c) * k]);
  const j = joints(fig.pose);
  const w: Record<string, V3> = Object.fromEntries(Object.entries(j).map(([n, p]) => [n, world(p)]));
  const parts: Part[] = [];

  for (const [a, b, r] of LIMBS) {
    const seg = cam.segment(w[a], w[b]);
    if (!seg) continue;
    const depth = (seg[0].depth + seg[1].depth) / 2;
    parts.push({ depth, svg: pen.limb(seg[0], seg[1], r * k * cam.pxPerMetre(depth), tone) });
  }
  const torso = ['shL', 'shR', 'waR', 'hipR', 'hipL', 'waL'].map((n) => cam.project(w[n]));
  if (torso.every(Boolean)) {
    const pts = torso as ScreenPoint[];
    const depth = pts.reduce((sum, p) => sum + p.depth, 0) / pts.length;
    parts.push({ depth: depth + 0.02, svg: pen.shape(pts, tone) });
  }
  const head = cam.project(w.head);
  let headPx = 0;
  if (head) {
    headPx = 0.115 * k * cam.pxPerMetre(head.depth);
    const detailed = headPx > cam.height * 0.07;
    parts.push({ depth: head.depth - 0.05, svg: pen.head(head, headPx, tone) + faceLines(cam, w.head, 0.115 * k, fig.yaw, pen, detailed) });
  }
  parts.sort((x, y) => y.depth - x.depth);
  return { svg: parts.map((p) => p.svg).join(''), head, headPx };
}

/**
 * The storyboard artist's head construction: a centre line and an eye line on the visible half of
 * the head, so the direction the character faces reads at a glance; in close shots, eyes, nose and mouth.
 */
function faceLines(cam: Camera, centre: V3, r: number, yaw: number, pen: Pen, detailed: boolean): string {
  const toCam = norm(sub(cam.position, centre));
  const point = (lat: number, lon: number): { p: ScreenPoint | null; visible: boolean } => {
    const dir: V3 = [Math.cos(lat) * Math.sin(yaw + lon), Math.sin(lat), Math.cos(lat) * Math.cos(yaw + lon)];
    return { p: cam.project(add(centre, [dir[0] * r, dir[1] * r * 1.1, dir[2] * r])), visible: dot(dir, toCam) > 0.05 };
  };
  const arc = (samples: { p: ScreenPoint | null; visible: boolean }[], weight: number) => {
    const pts = samples.filter((x) => x.visible && x.p).map((x) => x.p as ScreenPoint);
    return pts.length >= 2 ? pen.polyline(pts, weight) : '';
  };
  const span = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
  const guides = detailed ? 0.35 : 0.6;
  let svg = arc(span(-1.2, 1.2, 13).map((t) => point(t, 0)), guides) + arc(span(-1.2, 1.2, 13).map((t) => point(-0.12, t)), guides);
  if (detailed) {
    for (const side of [-1, 1]) {
      // An almond for each eye (upper lid heavier), and the pupil.
      const lon = span(side * 0.24, side * 0.54, 6);
      svg += arc(lon.map((t) => point(-0.05, t)), 1.1) + arc(lon.map((t) => point(-0.12, t)), 0.6);
      const pupil = point(-0.085, side * 0.39);
      if (pupil.visible && pupil.p) svg += pen.dot(pupil.p, Math.max(1, cam.pxPerMetre(pupil.p.depth) * r * 0.028));
    }
    svg += arc([point(-0.15, 0.02), point(-0.42, 0.06), point(-0.46, -0.04)], 0.9);
    svg += arc(span(-0.22, 0.22, 5).map((t) => point(-0.66, t)), 0.9);
  }
  return svg;
}

/** A hatched ellipse of shadow on the ground under a figure. */
export function groundShadow(cam: Camera, fig: Figure, pen: Pen): string {
  const pts: ScreenPoint[] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * Math.PI * 2;
    const p = cam.project(add(fig.at, [Math.cos(a) * 0.38 * (fig.height / 1.75), 0, Math.sin(a) * 0.24]));
    if (!p) return '';
    pts.push(p);
  }
  return pen.hatched(pts);
}
