import type { Box, DrawOp } from '../model';

type Pt = [number, number];

/** How a camera move is drawn over its frame. */
export type MoveMark = 'pan' | 'truck' | 'tilt' | 'crane' | 'dolly-in' | 'dolly-out' | 'zoom-in' | 'zoom-out' | 'handheld';

/** Recognises the inspector's moves (and free text like "slow push in") as a mark, or null for none/static. */
export function moveMark(move: string | null): MoveMark | null {
  const m = (move ?? '').toLowerCase();
  if (!m || m.includes('static') || m.includes('locked')) return null;
  if (m.includes('handheld') || m.includes('hand-held') || m.includes('shaky')) return 'handheld';
  if (m.includes('zoom')) return m.includes('out') ? 'zoom-out' : 'zoom-in';
  if (m.includes('dolly') || m.includes('push') || m.includes('pull')) return m.includes('out') || m.includes('pull') ? 'dolly-out' : 'dolly-in';
  if (m.includes('truck') || m.includes('track')) return 'truck';
  if (m.includes('pan')) return 'pan';
  if (m.includes('tilt')) return 'tilt';
  if (m.includes('crane') || m.includes('pedestal') || m.includes('boom')) return 'crane';
  return null;
}

/** White strokes over a dark halo, so the mark reads on light and dark pictures alike. */
function stroke(points: Pt[], width: number, dash?: [number, number]): DrawOp[] {
  return [
    { op: 'path', points, stroke: '#000000', lineWidth: width + 1.8, opacity: 0.45, dash },
    { op: 'path', points, stroke: '#ffffff', lineWidth: width, dash },
  ];
}

function head(tip: Pt, from: Pt, size: number): DrawOp[] {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const p = (da: number): Pt => [tip[0] - size * Math.cos(a + da), tip[1] - size * Math.sin(a + da)];
  const tri: Pt[] = [tip, p(0.45), p(-0.45)];
  return [
    { op: 'path', points: tri, closed: true, fill: '#000000', stroke: '#000000', lineWidth: 1.8, opacity: 0.45 },
    { op: 'path', points: tri, closed: true, fill: '#ffffff' },
  ];
}

/** An arrow along `points` (a line or a sampled curve) with its head at the last point. */
function arrow(points: Pt[], width: number, headSize: number): DrawOp[] {
  const tip = points[points.length - 1];
  const before = points[points.length - 2];
  const len = Math.hypot(tip[0] - before[0], tip[1] - before[1]) || 1;
  const k = Math.min(1, (headSize * 0.8) / len);
  const shaftEnd: Pt = [tip[0] - (tip[0] - before[0]) * k, tip[1] - (tip[1] - before[1]) * k];
  return [...stroke([...points.slice(0, -1), shaftEnd], width), ...head(tip, before, headSize)];
}

/** A gentle arc from a to b bulging by `bulge` (a pan or tilt turns; a truck or crane travels straight). */
function arc(a: Pt, b: Pt, bulge: Pt, steps = 14): Pt[] {
  const pts: Pt[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const s = Math.sin(Math.PI * t);
    pts.push([a[0] + (b[0] - a[0]) * t + bulge[0] * s, a[1] + (b[1] - a[1]) * t + bulge[1] * s]);
  }
  return pts;
}

/** The vector mark for a camera move, drawn over the picture in `f`. */
export function moveOps(mark: MoveMark, f: Box): DrawOp[] {
  const cx = f.x + f.w / 2;
  const cy = f.y + f.h / 2;
  const unit = Math.min(f.w, f.h);
  const width = Math.max(1.2, unit / 45);
  const headSize = Math.max(5, unit / 9);
  switch (mark) {
    case 'pan':
      return arrow(arc([f.x + f.w * 0.22, cy], [f.x + f.w * 0.78, cy], [0, -f.h * 0.08]), width, headSize);
    case 'truck':
      return arrow([[f.x + f.w * 0.22, cy], [f.x + f.w * 0.78, cy]], width, headSize);
    case 'tilt':
      return arrow(arc([cx, f.y + f.h * 0.8], [cx, f.y + f.h * 0.2], [f.w * 0.05, 0]), width, headSize);
    case 'crane':
      return arrow([[cx, f.y + f.h * 0.8], [cx, f.y + f.h * 0.2]], width, headSize);
    case 'dolly-in':
    case 'dolly-out':
    case 'zoom-in':
    case 'zoom-out': {
      const inward = mark.endsWith('-in');
      const zoom = mark.startsWith('zoom');
      const ops: DrawOp[] = [];
      const inner = { w: f.w * 0.34, h: f.h * 0.34 };
      if (zoom) {
        const r: Pt[] = [[cx - inner.w / 2, cy - inner.h / 2], [cx + inner.w / 2, cy - inner.h / 2], [cx + inner.w / 2, cy + inner.h / 2], [cx - inner.w / 2, cy + inner.h / 2], [cx - inner.w / 2, cy - inner.h / 2]];
        ops.push(...stroke(r, width * 0.8, [width * 2.5, width * 2]));
      }
      for (const [sx, sy] of [[-1, -1], [1, -1], [1, 1], [-1, 1]] as const) {
        const outer: Pt = [cx + sx * f.w * 0.4, cy + sy * f.h * 0.38];
        const near: Pt = zoom ? [cx + (sx * inner.w) / 2, cy + (sy * inner.h) / 2] : [cx + sx * f.w * 0.12, cy + sy * f.h * 0.12];
        ops.push(...arrow(inward ? [outer, near] : [near, outer], width, headSize * 0.8));
      }
      return ops;
    }
    case 'handheld': {
      const w = f.w * 0.16;
      const x0 = f.x + f.w - w - f.w * 0.05;
      const y0 = f.y + f.h * 0.12;
      const pts: Pt[] = [];
      for (let i = 0; i <= 24; i++) pts.push([x0 + (w * i) / 24, y0 + Math.sin((i / 24) * Math.PI * 4) * unit * 0.035]);
      return stroke(pts, width);
    }
  }
}
