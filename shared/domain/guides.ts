/**
 * Composition guides for a frame: pure geometry in normalised frame coordinates (0..1 across and
 * 0..1 down, whatever the frame's aspect), no DOM.
 */

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GuideRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The cinema and TV shapes a board is often framed for. */
export const SAFE_ASPECTS = [
  { id: '2.39', label: '2.39:1', value: 2.39 },
  { id: '1.85', label: '1.85:1', value: 1.85 },
  { id: '16:9', label: '16:9', value: 16 / 9 },
] as const;
export type SafeAspectId = (typeof SAFE_ASPECTS)[number]['id'];

/** Horizon of the default perspective grids, as a fraction of the frame's height. */
export const DEFAULT_HORIZON = 1 / 3;
export const DEFAULT_ONE_POINT: Point = { x: 0.5, y: DEFAULT_HORIZON };
export const DEFAULT_TWO_POINT: [Point, Point] = [
  { x: -0.15, y: DEFAULT_HORIZON },
  { x: 1.15, y: DEFAULT_HORIZON },
];

/** The rule of thirds: two verticals and two horizontals. */
export function thirds(): Segment[] {
  return [1 / 3, 2 / 3].flatMap((t) => [
    { x1: t, y1: 0, x2: t, y2: 1 },
    { x1: 0, y1: t, x2: 1, y2: t },
  ]);
}

/** A cross through the centre, `arm` of the frame's height long each way (in screen-square terms). */
export function centreCross(aspect: number, arm = 0.06): Segment[] {
  const ax = arm / aspect;
  return [
    { x1: 0.5 - ax, y1: 0.5, x2: 0.5 + ax, y2: 0.5 },
    { x1: 0.5, y1: 0.5 - arm, x2: 0.5, y2: 0.5 + arm },
  ];
}

/** Corner to corner. */
export function diagonals(): Segment[] {
  return [
    { x1: 0, y1: 0, x2: 1, y2: 1 },
    { x1: 1, y1: 0, x2: 0, y2: 1 },
  ];
}

/** The largest rectangle of `target` aspect that fits a frame of `frame` aspect, centred. */
export function safeFrame(frame: number, target: number): GuideRect {
  if (target >= frame) {
    const height = frame / target;
    return { x: 0, y: (1 - height) / 2, width: 1, height };
  }
  const width = target / frame;
  return { x: (1 - width) / 2, y: 0, width, height: 1 };
}

/** A centred rectangle `fraction` of the frame across and down (action safe 0.9, title safe 0.8). */
export function insetSafe(fraction: number): GuideRect {
  const m = (1 - fraction) / 2;
  return { x: m, y: m, width: fraction, height: fraction };
}

/**
 * Clips the segment to the frame (Liang–Barsky); null when none of it is inside.
 */
export function clipToFrame(s: Segment): Segment | null {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1],
    [dx, 1 - s.x1],
    [-dy, s.y1],
    [dy, 1 - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  if (t1 - t0 < 1e-9) return null;
  return { x1: s.x1 + t0 * dx, y1: s.y1 + t0 * dy, x2: s.x1 + t1 * dx, y2: s.y1 + t1 * dy };
}

/**
 * Rays from a vanishing point, evenly spaced in angle as seen on screen (the frame's aspect taken
 * into account), each clipped to the frame. A point inside the frame sends rays all round; one
 * outside sends them across the angle the frame fills as seen from it.
 */
export function vanishingRays(vp: Point, aspect: number, count: number): Segment[] {
  // Work in "square" units (x scaled by the aspect) so angles are the ones seen on screen.
  const corners = [
    [0, 0],
    [aspect, 0],
    [aspect, 1],
    [0, 1],
  ].map(([x, y]) => Math.atan2(y - vp.y, x - vp.x * aspect));
  const inside = vp.x > 0 && vp.x < 1 && vp.y > 0 && vp.y < 1;
  let from = 0;
  let span = 2 * Math.PI;
  if (!inside) {
    const towards = Math.atan2(0.5 - vp.y, (0.5 - vp.x) * aspect);
    const rel = corners.map((a) => Math.atan2(Math.sin(a - towards), Math.cos(a - towards)));
    from = towards + Math.min(...rel);
    span = Math.max(...rel) - Math.min(...rel);
  }
  const far = 4 * (1 + aspect) + Math.hypot(vp.x * aspect, vp.y) + Math.hypot(vp.x, vp.y) * aspect;
  const out: Segment[] = [];
  for (let i = 0; i < count; i++) {
    const a = from + (span * (i + (inside ? 0 : 0.5))) / count;
    const ray = { x1: vp.x, y1: vp.y, x2: vp.x + (Math.cos(a) * far) / aspect, y2: vp.y + Math.sin(a) * far };
    const clipped = clipToFrame(ray);
    if (clipped) out.push(clipped);
  }
  return out;
}

/** The horizon through a height, across the frame. */
export function horizon(y: number): Segment[] {
  return y >= 0 && y <= 1 ? [{ x1: 0, y1: y, x2: 1, y2: y }] : [];
}

/** One-point perspective: rays from the vanishing point and the horizon through it. */
export function onePoint(vp: Point, aspect: number, count = 24): Segment[] {
  return [...horizon(vp.y), ...vanishingRays(vp, aspect, count)];
}

/** Two-point perspective: rays from two vanishing points on one horizon. */
export function twoPoint(left: Point, right: Point, aspect: number, count = 14): Segment[] {
  return [...horizon(left.y), ...vanishingRays(left, aspect, count), ...vanishingRays({ x: right.x, y: left.y }, aspect, count)];
}
