import type { ScreenPoint } from './camera';
import { INK, type Pen } from './pen';
import type { ShotSpec } from './shot';

export interface LabelAnchor {
  name: string;
  /** Screen point just above the head, and the head's radius in pixels. */
  above: ScreenPoint;
  head: ScreenPoint;
  headPx: number;
}

const textWidth = (text: string, size: number) => text.length * size * 0.68;

/** Character names in capitals over their heads, kept inside the frame and off each other. */
export function drawLabels(anchors: LabelAnchor[], pen: Pen): string {
  const size = Math.max(11, Math.min(30, pen.scale / 32));
  const placed: { x: number; y: number; w: number }[] = [];
  const out: string[] = [];
  for (const a of anchors) {
    const text = a.name.toUpperCase();
    const w = textWidth(text, size);
    const margin = size * 0.6;
    let x = a.above.x;
    let y = a.above.y - size * 0.3;
    let leader = false;
    if (a.headPx > pen.height * 0.13) {
      // A close shot: the name goes on the chest, under the chin, where it cannot be mistaken.
      y = Math.min(a.head.y + a.headPx * 1.7, pen.height - size * 2.2);
      x = a.head.x;
    } else if (y < size * 1.4) {
      // No room above the head: beside it, on the side with more room, with a leader line.
      leader = true;
      const room = { left: a.head.x - a.headPx * 1.1, right: pen.width - (a.head.x + a.headPx * 1.1) };
      const side = room.right >= room.left ? 1 : -1;
      x = a.head.x + side * (a.headPx * 1.1 + margin * 2 + w / 2);
      y = Math.max(size * 1.4, Math.min(a.head.y, pen.height * 0.7));
    }
    x = Math.min(pen.width - w / 2 - margin, Math.max(w / 2 + margin, x));
    y = Math.min(pen.height - size * 2.2, Math.max(size * 1.4, y));
    // Labels that would touch step up (or down, near the top) out of each other's way.
    for (const p of placed) {
      if (Math.abs(p.x - x) < (p.w + w) / 2 + size * 0.8 && Math.abs(p.y - y) < size * 1.2) y = p.y - size * 1.35 > size * 1.4 ? p.y - size * 1.35 : p.y + size * 1.35;
    }
    placed.push({ x, y, w });
    if (leader) out.push(leaderLine(pen, { x, y: y - size * 0.35 }, w, size, a));
    out.push(pen.text(x, y, text, size));
  }
  return out.join('');
}

/** A short line from a label set beside or below a head to the head's outline, so it is clear who is named. */
function leaderLine(pen: Pen, centre: { x: number; y: number }, w: number, size: number, a: LabelAnchor): string {
  const dx = a.head.x - centre.x;
  const dy = a.head.y - centre.y;
  const d = Math.hypot(dx, dy);
  if (d < a.headPx * 1.2 + w / 2) return '';
  // Start at the label's edge facing the head; end just outside the head.
  const t = Math.min((w / 2 + size * 0.3) / Math.max(1e-6, Math.abs(dx)), (size * 0.9) / Math.max(1e-6, Math.abs(dy)));
  const from = { x: centre.x + dx * Math.min(1, t), y: centre.y + dy * Math.min(1, t) };
  const to = { x: a.head.x - (dx / d) * a.headPx * 1.08, y: a.head.y - (dy / d) * a.headPx * 1.08 };
  if (Math.hypot(to.x - from.x, to.y - from.y) < size * 0.6) return '';
  return pen.line(from, to, INK.note, 0.6);
}

const ANGLE_NAMES: Record<string, string> = {
  'eye level': 'EYE LEVEL',
  high: 'HIGH ANGLE',
  low: 'LOW ANGLE',
  dutch: 'DUTCH',
  "bird's-eye": "BIRD'S-EYE",
  "worm's-eye": "WORM'S-EYE",
};

/**
 * The shot's description in the corner, as a storyboard artist pencils it: "MS · LOW ANGLE · 35 mm".
 * Only what the panel set is written: a default the sketch was drawn with is not a decision.
 */
export function drawCaption(shot: ShotSpec, pen: Pen, povOf: string | null): string {
  const size = Math.max(9, Math.min(22, pen.scale / 45));
  const parts: string[] = [];
  if (shot.given.size) parts.push(shot.size === 'POV' && povOf ? `POV ${povOf.toUpperCase()}` : shot.size);
  if (shot.given.angle) parts.push(ANGLE_NAMES[shot.angle]);
  if (shot.given.lens) parts.push(`${Math.round(shot.lensMm)} mm`);
  if (shot.cameraMove && shot.cameraMove !== 'static') parts.push(shot.cameraMove.toUpperCase());
  if (parts.length === 0) return '';
  return pen.text(size * 0.9, pen.height - size * 0.9, parts.join('  ·  '), size, INK.note, 'start', 'normal');
}

/** A point-of-view frame: the soft edge of the character's field of view. */
export function drawPovVignette(pen: Pen): string {
  const [w, h] = [pen.width, pen.height];
  return `<ellipse cx="${w / 2}" cy="${h / 2}" rx="${w * 0.56}" ry="${h * 0.6}" fill="none" stroke="${INK.set}" stroke-width="${Math.max(1, pen.weight * 0.6)}" stroke-dasharray="${pen.weight * 5} ${pen.weight * 4}"/>`;
}

/** Storyboard arrows for the camera move: pans and trucks across, tilts and cranes up, dollies and zooms at the corners. */
export function drawMove(move: string | null, pen: Pen): string {
  if (!move || move === 'static') return '';
  const [w, h] = [pen.width, pen.height];
  const weight = 1.6;
  if (move === 'pan') return arrow(pen, { x: w * 0.3, y: h * 0.1 }, { x: w * 0.7, y: h * 0.1 }, weight);
  if (move === 'truck') return arrow(pen, { x: w * 0.3, y: h * 0.84 }, { x: w * 0.7, y: h * 0.84 }, weight);
  if (move === 'tilt') return arrow(pen, { x: w * 0.94, y: h * 0.7 }, { x: w * 0.94, y: h * 0.3 }, weight);
  if (move === 'crane') return arrow(pen, { x: w * 0.06, y: h * 0.75 }, { x: w * 0.06, y: h * 0.25 }, weight);
  if (move === 'handheld') {
    const pts = Array.from({ length: 9 }, (_, i) => ({ x: w * (0.82 + i * 0.015), y: h * 0.08 + (i % 2 ? -1 : 1) * h * 0.015, depth: 1 }));
    return pen.polyline(pts, weight, INK.note);
  }
  const inward = move.endsWith(' in');
  if (move.startsWith('dolly') || move.startsWith('zoom')) {
    const corners = [[0.04, 0.07], [0.96, 0.07], [0.04, 0.93], [0.96, 0.93]];
    const out = corners.map(([cx, cy]) => {
      const outer = { x: w * cx, y: h * cy };
      const inner = { x: w * (cx + (0.5 - cx) * 0.22), y: h * (cy + (0.5 - cy) * 0.22) };
      return inward ? arrow(pen, outer, inner, weight) : arrow(pen, inner, outer, weight);
    });
    // A zoom also shows the frame it ends on.
    if (move.startsWith('zoom')) {
      const k = inward ? 0.62 : 1;
      out.push(`<rect x="${w * (0.5 - k * 0.35)}" y="${h * (0.5 - k * 0.35)}" width="${w * k * 0.7}" height="${h * k * 0.7}" fill="none" stroke="${INK.note}" stroke-width="${pen.weight}" stroke-dasharray="${pen.weight * 4} ${pen.weight * 3}"/>`);
    }
    return out.join('');
  }
  return '';
}

function arrow(pen: Pen, from: { x: number; y: number }, to: { x: number; y: number }, weight: number): string {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const head = pen.weight * 6;
  const wing = (side: number) => ({ x: to.x - head * Math.cos(angle + side * 0.45), y: to.y - head * Math.sin(angle + side * 0.45) });
  const [l, r] = [wing(1), wing(-1)];
  return (
    pen.line(from, to, INK.note, weight) +
    `<polygon points="${to.x.toFixed(1)},${to.y.toFixed(1)} ${l.x.toFixed(1)},${l.y.toFixed(1)} ${r.x.toFixed(1)},${r.y.toFixed(1)}" fill="${INK.note}"/>`
  );
}
