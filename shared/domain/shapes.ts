import type { Stroke } from './sketch';

/**
 * The shape tools as pure geometry: each turns a drag (start, end, the path between) into the stroke it
 * stores. Points are normalised 0..1 across the frame like every stroke's; `aspect` (frame width over
 * height) lets angles, squares and circles be true on screen. Inside, geometry runs in "width units"
 * (y scaled by 1/aspect) so one unit is the frame width both ways.
 */
export type ShapeStroke = Omit<Stroke, 'id'>;
/** A point (x, y normalised; anything after, such as a pressure, is ignored). */
export type Pt = readonly [number, number, ...number[]];

export interface ShapeStyle {
  color: string;
  /** Nominal size as a fraction of the frame width (the pen's size; arrows scale their body with it). */
  size: number;
  opacity: number;
}

/** Pressure of every point of a shape: a mouse's, so the pen draws it at its nominal width. */
const PRESSURE = 0.5;
/** Straight lines snap to multiples of this angle with Shift. */
export const SNAP_DEGREES = 15;
/** Points around an ellipse (the outline is a closed polyline). */
export const ELLIPSE_POINTS = 72;

const toUnits = ([x, y]: Pt, aspect: number): [number, number] => [x, y / aspect];
const fromUnits = ([x, y]: Pt, aspect: number): [number, number, number] => [round(x), round(y * aspect), PRESSURE];
const round = (n: number) => Math.round(n * 1e5) / 1e5;

const pen = (style: ShapeStyle, points: [number, number, number][]): ShapeStroke => ({ tool: 'pen', color: style.color, size: style.size, opacity: style.opacity, points });

/** A straight line; with `snap` its angle is the nearest multiple of 15 degrees (length kept). */
export function lineShape(start: Pt, end: Pt, aspect: number, snap: boolean, style: ShapeStyle): ShapeStroke {
  const a = toUnits(start, aspect);
  let b = toUnits(end, aspect);
  if (snap) {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const step = (SNAP_DEGREES * Math.PI) / 180;
    const angle = Math.round(Math.atan2(b[1] - a[1], b[0] - a[0]) / step) * step;
    b = [a[0] + len * Math.cos(angle), a[1] + len * Math.sin(angle)];
  }
  return pen(style, [fromUnits(a, aspect), fromUnits(b, aspect)]);
}

/** The far corner of a drag's box; with `square` the box is square on screen (the larger side wins). */
function boxCorner(a: [number, number], b: [number, number], square: boolean): [number, number] {
  if (!square) return b;
  const side = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
  return [a[0] + side * (Math.sign(b[0] - a[0]) || 1), a[1] + side * (Math.sign(b[1] - a[1]) || 1)];
}

/** A rectangle from one corner to the other, as a closed pen outline (the first corner repeated last). */
export function rectShape(start: Pt, end: Pt, aspect: number, square: boolean, style: ShapeStyle): ShapeStroke {
  const a = toUnits(start, aspect);
  const b = boxCorner(a, toUnits(end, aspect), square);
  const corners: [number, number][] = [a, [b[0], a[1]], b, [a[0], b[1]], a];
  return pen(style, corners.map((p) => fromUnits(p, aspect)));
}

/** The ellipse inscribed in the drag's box (a circle with `circle`), as a closed pen outline. */
export function ellipseShape(start: Pt, end: Pt, aspect: number, circle: boolean, style: ShapeStyle): ShapeStroke {
  const a = toUnits(start, aspect);
  const b = boxCorner(a, toUnits(end, aspect), circle);
  const [cx, cy, rx, ry] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, Math.abs(b[0] - a[0]) / 2, Math.abs(b[1] - a[1]) / 2];
  const points: [number, number, number][] = [];
  for (let i = 0; i <= ELLIPSE_POINTS; i++) {
    const t = (i % ELLIPSE_POINTS) / ELLIPSE_POINTS * Math.PI * 2;
    points.push(fromUnits([cx + rx * Math.cos(t), cy + ry * Math.sin(t)], aspect));
  }
  return pen(style, points);
}

/**
 * Arrow proportions relative to the stroke size: the body (shaft) is 6 sizes wide, the head 2.6
 * bodies wide and 2.2 bodies long (the head never takes more than 60% of the arrow).
 */
export const ARROW = { body: 6, headWidth: 2.6, headLength: 2.2, maxHeadShare: 0.6 } as const;
/** A drag that bows away from its chord by more than this share of its length makes a curved arrow. */
const CURVE_MIN_BOW = 0.06;
const CURVE_SAMPLES = 24;

/**
 * The centre line of an arrow from start to end, in width units: straight, or when the drag path bows
 * away from the straight line, the quadratic curve through the path's farthest point.
 */
export function arrowSpine(start: Pt, end: Pt, path: readonly Pt[], aspect: number): [number, number][] {
  const a = toUnits(start, aspect);
  const b = toUnits(end, aspect);
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  let far: [number, number] | null = null;
  let bow = 0;
  if (len > 0) {
    for (const p of path) {
      const q = toUnits(p, aspect);
      const d = Math.abs((b[0] - a[0]) * (a[1] - q[1]) - (a[0] - q[0]) * (b[1] - a[1])) / len;
      if (d > bow) [bow, far] = [d, q];
    }
  }
  if (!far || bow < CURVE_MIN_BOW * len) return [a, b];
  // The control point that puts the curve's midpoint (t = 1/2) on the farthest point of the path.
  const c: [number, number] = [2 * far[0] - (a[0] + b[0]) / 2, 2 * far[1] - (a[1] + b[1]) / 2];
  const out: [number, number][] = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const t = i / CURVE_SAMPLES;
    const u = 1 - t;
    out.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
  }
  return out;
}

/**
 * The closed outline of a fat arrow along a spine (width units): the body's left edge to the head,
 * the head's tip at the spine's end, back along the right edge. The first point is repeated last.
 */
export function arrowOutline(spine: readonly [number, number][], size: number): [number, number][] {
  const total = spine.slice(1).reduce((s, p, i) => s + Math.hypot(p[0] - spine[i][0], p[1] - spine[i][1]), 0);
  const body = ARROW.body * size;
  const headLength = Math.min(ARROW.headLength * body, ARROW.maxHeadShare * total);
  const headHalf = (ARROW.headWidth * body) / 2;
  // Where the head starts: the point headLength before the tip, walking back along the spine.
  const tip = spine[spine.length - 1];
  let shaft: [number, number][] = [...spine];
  let back = headLength;
  while (shaft.length > 1) {
    const p = shaft[shaft.length - 2];
    const q = shaft[shaft.length - 1];
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d >= back) {
      const k = d > 0 ? back / d : 0;
      shaft[shaft.length - 1] = [q[0] + (p[0] - q[0]) * k, q[1] + (p[1] - q[1]) * k];
      break;
    }
    back -= d;
    shaft = shaft.slice(0, -1);
  }
  if (shaft.length < 2) shaft = [spine[0], shaft[0] ?? spine[0]];
  // The head lies along the spine's final direction, its base centred headLength behind the tip; the
  // shaft's last point moves onto that base so the body runs straight into the head.
  const [ex, ey] = [tip[0] - spine[spine.length - 2][0], tip[1] - spine[spine.length - 2][1]];
  const elen = Math.hypot(ex, ey) || 1;
  const [ux, uy] = [ex / elen, ey / elen];
  const base: [number, number] = [tip[0] - ux * headLength, tip[1] - uy * headLength];
  shaft[shaft.length - 1] = base;
  const [nx, ny] = [-uy, ux];
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  const normal = (i: number): [number, number] => {
    if (i === shaft.length - 1) return [nx, ny];
    const p = shaft[Math.max(0, i - 1)];
    const q = shaft[Math.min(shaft.length - 1, i + 1)];
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]) || 1;
    return [-(q[1] - p[1]) / d, (q[0] - p[0]) / d];
  };
  shaft.forEach((p, i) => {
    const [mx, my] = normal(i);
    left.push([p[0] + mx * body / 2, p[1] + my * body / 2]);
    right.push([p[0] - mx * body / 2, p[1] - my * body / 2]);
  });
  const outline: [number, number][] = [
    ...left,
    [base[0] + nx * headHalf, base[1] + ny * headHalf],
    [tip[0], tip[1]],
    [base[0] - nx * headHalf, base[1] - ny * headHalf],
    ...right.reverse(),
  ];
  outline.push(outline[0]);
  return outline;
}

/**
 * A camera-move arrow, drawn OUTLINED as storyboards do: the arrow's outline as a pen line.
 * A character-move arrow is SOLID: the same outline as a 'fill' polygon.
 */
export function arrowShape(kind: 'camera' | 'character', start: Pt, end: Pt, path: readonly Pt[], aspect: number, style: ShapeStyle): ShapeStroke {
  const outline = arrowOutline(arrowSpine(start, end, path, aspect), style.size).map((p) => fromUnits(p, aspect));
  if (kind === 'camera') return pen(style, outline);
  return { tool: 'fill', color: style.color, size: style.size, opacity: style.opacity, points: outline };
}
