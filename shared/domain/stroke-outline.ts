/**
 * The outline of a pen, pencil, brush or eraser stroke as one SVG path (also a Canvas Path2D): the
 * same geometry for the core's flattening and the editor's canvas, so the two draw alike.
 */
const num = (n: number) => (Math.round(n * 100) / 100).toString();

export interface PxPoint {
  x: number;
  y: number;
  /** Line width at this point. */
  w: number;
}

/** Consecutive segments turning more sharply than this (cosine between them) get a round join. */
const SHARP_TURN = 0.5;

/**
 * The outline of a stroke whose width follows the pressure: closed ribbons (left edge forward,
 * right edge back), split at sharp turns, with round caps and joins, all turning the same way so the
 * nonzero fill draws their union: the stroke's opacity applies once even where it crosses itself.
 * One filled path per stroke rasterises several times faster than a round-capped line per segment.
 */
export function strokeOutlinePath(input: PxPoint[]): string {
  const pts = input.filter((p, i) => i === 0 || Math.hypot(p.x - input[i - 1].x, p.y - input[i - 1].y) > 0.01);
  if (pts.length === 1) return circlePath(pts[0]);
  // Unit left normals of the segments.
  const seg = pts.slice(1).map((b, i) => {
    const a = pts[i];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    return [-(b.y - a.y) / len, (b.x - a.x) / len] as const;
  });
  const parts = [circlePath(pts[0])];
  let left: string[] = [];
  let right: string[] = [];
  const edge = (p: PxPoint, nx: number, ny: number) => {
    left.push(`${num(p.x + nx * p.w / 2)} ${num(p.y + ny * p.w / 2)}`);
    right.push(`${num(p.x - nx * p.w / 2)} ${num(p.y - ny * p.w / 2)}`);
  };
  const flush = () => {
    parts.push(`M${left.join('L')}L${right.reverse().join('L')}Z`);
    left = [];
    right = [];
  };
  edge(pts[0], seg[0][0], seg[0][1]);
  for (let i = 1; i < pts.length - 1; i++) {
    const [ax, ay] = seg[i - 1];
    const [bx, by] = seg[i];
    const cos = ax * bx + ay * by;
    if (cos < SHARP_TURN) {
      // End this ribbon square on the incoming segment, round the corner, start anew on the outgoing one.
      edge(pts[i], ax, ay);
      flush();
      parts.push(circlePath(pts[i]));
      edge(pts[i], bx, by);
      continue;
    }
    // A mitred joint: the mean normal, lengthened so the width across each segment stays the same.
    const mx = ax + bx;
    const my = ay + by;
    const scale = 1 / (Math.hypot(mx, my) * Math.sqrt((1 + cos) / 2));
    edge(pts[i], mx * scale, my * scale);
  }
  const last = seg[seg.length - 1];
  edge(pts[pts.length - 1], last[0], last[1]);
  flush();
  parts.push(circlePath(pts[pts.length - 1]));
  return parts.join('');
}

/** A full circle, drawn the same way round as the ribbons (so the nonzero fill adds them up). */
function circlePath({ x, y, w }: PxPoint): string {
  const r = num(w / 2);
  return `M${num(x + w / 2)} ${num(y)}A${r} ${r} 0 1 0 ${num(x - w / 2)} ${num(y)}A${r} ${r} 0 1 0 ${num(x + w / 2)} ${num(y)}Z`;
}

/**
 * The brush's soft edge: nested passes from the full width down to a solid core, each a little more
 * opaque, so the edge fades out smoothly (smoothstep). A blur filter per stroke is many times slower.
 */
export const BRUSH_PASSES: [scale: number, opacity: number][] = (() => {
  const rings = 7;
  const passes: [number, number][] = [];
  let covered = 0;
  for (let k = 1; k <= rings; k++) {
    const t = k / rings;
    const target = t * t * (3 - 2 * t);
    passes.push([1 - 0.5 * (k - 1) / (rings - 1), k === rings ? 1 : 1 - (1 - target) / (1 - covered)]);
    covered = target;
  }
  return passes;
})();

