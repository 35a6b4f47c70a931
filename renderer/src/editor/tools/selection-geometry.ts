import { isLineTool, type Stroke } from '../../../../shared/domain/sketch';
import { TOOL_STYLE } from '../../../../shared/domain/sketch-style';
import { TEXT_LINE_HEIGHT } from '../../../../shared/domain/sketch-text';

/**
 * The selection tool's geometry, in normalised frame coordinates (x across the frame's width, y down
 * its height, 0..1 on the frame, −1..2 stored). `aspect` is the frame's width / height: rotation and
 * the stroke-width factor are worked out in square (pixel) units, so a circle stays a circle.
 */

type Point = [number, number, number];
/** An affine map of frame points: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Affine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
/** What a drag on the selection's box does: move it (inside), scale from a corner, or rotate. */
export type Handle = 'nw' | 'ne' | 'se' | 'sw' | 'rotate';

export const IDENTITY: Affine = [1, 0, 0, 1, 0, 0];
/** Stored coordinates stay in −1..2 of the frame; sizes within what the API takes. */
const MIN_XY = -1;
const MAX_XY = 2;
const MIN_SIZE = 1e-4;
const MAX_SIZE = 0.5;
/** A text's advance per letter, as a fraction of its letter height (as the stroke eraser reckons it). */
const LETTER_WIDTH = 0.6;
const SNAP = Math.PI / 12;

export const translate = (dx: number, dy: number): Affine => [1, 0, 0, 1, dx, dy];
export const scaleAbout = (sx: number, sy: number, ox: number, oy: number): Affine => [sx, 0, 0, sy, ox - sx * ox, oy - sy * oy];

/** A turn by `angle` radians (clockwise on screen, y pointing down) about (cx, cy), as the eye sees it on a frame of this aspect. */
export function rotateAbout(angle: number, cx: number, cy: number, aspect: number): Affine {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const [a, b, c, d] = [cos, sin * aspect, -sin / aspect, cos];
  return [a, b, c, d, cx - a * cx - c * cy, cy - b * cx - d * cy];
}

/** `second` after `first`. */
export function compose(second: Affine, first: Affine): Affine {
  const [a2, b2, c2, d2, e2, f2] = second;
  const [a1, b1, c1, d1, e1, f1] = first;
  return [a2 * a1 + c2 * b1, b2 * a1 + d2 * b1, a2 * c1 + c2 * d1, b2 * c1 + d2 * d1, a2 * e1 + c2 * f1 + e2, b2 * e1 + d2 * f1 + f2];
}

export const apply = (m: Affine, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** How much a map enlarges lengths on average (the square root of its area factor): what a stroke's width is multiplied by. */
export const lengthFactor = (m: Affine) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));

export const isIdentity = (m: Affine, eps = 1e-9) => m.every((v, i) => Math.abs(v - IDENTITY[i]) <= eps);

/** The box a text note takes: its letter height per line, about 0.6 em per letter across. */
export function textBox(s: Pick<Stroke, 'points' | 'size' | 'text'>, aspect: number): Box {
  const [x, y] = s.points[0] ?? [0, 0];
  const lines = (s.text ?? '').split('\n');
  const letters = Math.max(1, ...lines.map((l) => l.length));
  return { x0: x, y0: y, x1: x + s.size * LETTER_WIDTH * letters, y1: y + s.size * aspect * (1 + (lines.length - 1) * TEXT_LINE_HEIGHT) };
}

/** The box a stroke's ink covers: a line's points widened by half its widest width, a fill's outline, a text's box. */
export function strokeBox(s: Stroke, aspect: number): Box {
  if (s.tool === 'text') return textBox(s, aspect);
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const style = isLineTool(s.tool) ? TOOL_STYLE[s.tool].widthScale : 0;
  for (const [x, y, p] of s.points) {
    // Half the width at this point, as a fraction of the frame's width (strokeWidthPx over the width).
    const half = (s.size * style * (0.35 + 1.3 * Math.min(1, Math.max(0, p)))) / 2;
    box.x0 = Math.min(box.x0, x - half);
    box.x1 = Math.max(box.x1, x + half);
    box.y0 = Math.min(box.y0, y - half * aspect);
    box.y1 = Math.max(box.y1, y + half * aspect);
  }
  return box;
}

/** The box around several strokes, or null for none. */
export function selectionBox(strokes: readonly Stroke[], aspect: number): Box | null {
  if (strokes.length === 0) return null;
  return strokes.map((s) => strokeBox(s, aspect)).reduce((a, b) => ({ x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) }));
}

const clampXY = (v: number) => Math.round(Math.min(MAX_XY, Math.max(MIN_XY, v)) * 1e5) / 1e5;
const clampSize = (v: number) => Math.min(MAX_SIZE, Math.max(MIN_SIZE, Math.round(v * 1e7) / 1e7));

/**
 * A stroke moved, scaled or rotated by `m`: its points mapped and its width scaled with it. A text
 * note is set upright in one corner point, so it cannot turn: its middle follows the map and its
 * letters grow or shrink with it, but stay level.
 */
export function transformStroke(s: Stroke, m: Affine, aspect: number): Stroke {
  const k = lengthFactor(m);
  const size = k === 1 ? s.size : clampSize(s.size * k);
  if (s.tool === 'text') {
    const before = textBox(s, aspect);
    const [cx, cy] = apply(m, (before.x0 + before.x1) / 2, (before.y0 + before.y1) / 2);
    const after = textBox({ ...s, size }, aspect);
    const [, , p] = s.points[0];
    return { ...s, size, points: [[clampXY(cx - (after.x1 - after.x0) / 2), clampXY(cy - (after.y1 - after.y0) / 2), p]] };
  }
  const points = s.points.map(([x, y, p]): Point => {
    const [nx, ny] = apply(m, x, y);
    return [clampXY(nx), clampXY(ny), p];
  });
  return { ...s, size, points };
}

const CORNERS: Record<Exclude<Handle, 'rotate'>, { at: (b: Box) => [number, number]; opposite: (b: Box) => [number, number] }> = {
  nw: { at: (b) => [b.x0, b.y0], opposite: (b) => [b.x1, b.y1] },
  ne: { at: (b) => [b.x1, b.y0], opposite: (b) => [b.x0, b.y1] },
  se: { at: (b) => [b.x1, b.y1], opposite: (b) => [b.x0, b.y0] },
  sw: { at: (b) => [b.x0, b.y1], opposite: (b) => [b.x1, b.y0] },
};

/** Where a corner handle sits (normalised). */
export const cornerAt = (handle: Exclude<Handle, 'rotate'>, box: Box) => CORNERS[handle].at(box);

export interface TransformDrag {
  /** 'move' for a drag inside the box, else the handle dragged. */
  kind: 'move' | Handle;
  /** The selection's box when the drag began. */
  box: Box;
  /** The pointer where the drag began and where it is now (normalised). */
  start: readonly [number, number];
  now: readonly [number, number];
  /** Shift: a scale keeps the proportions, a turn snaps to 15°. */
  shift: boolean;
}

/** The map a drag on the selection makes: a move, a scale about the opposite corner, or a turn about the box's middle. */
export function dragTransform(drag: TransformDrag, aspect: number): Affine {
  const { box, start, now } = drag;
  if (drag.kind === 'move') return translate(now[0] - start[0], now[1] - start[1]);
  if (drag.kind === 'rotate') {
    const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
    // Angles in square units: x counts the frame's width, y its height.
    const from = Math.atan2(start[1] - cy, (start[0] - cx) * aspect);
    const to = Math.atan2(now[1] - cy, (now[0] - cx) * aspect);
    let angle = to - from;
    if (drag.shift) angle = Math.round(angle / SNAP) * SNAP;
    return rotateAbout(angle, cx, cy, aspect);
  }
  const [ax, ay] = CORNERS[drag.kind].opposite(box);
  const [hx, hy] = CORNERS[drag.kind].at(box);
  // The corner follows the pointer, offset as it was when grabbed.
  const [px, py] = [now[0] - (start[0] - hx), now[1] - (start[1] - hy)];
  const ratio = (to: number, from: number) => (Math.abs(from) < 1e-9 ? null : to / from);
  let sx = ratio(px - ax, hx - ax);
  let sy = ratio(py - ay, hy - ay);
  if (drag.shift || sx === null || sy === null) {
    // Proportions kept: the larger change wins (a flat box, a straight line, scales by its length).
    const s = sx === null ? (sy ?? 1) : sy === null ? sx : Math.abs(sx) >= Math.abs(sy) ? sx : sy;
    sx = sy = s;
  }
  return scaleAbout(sx, sy, ax, ay);
}

/** How far above the box's top edge the rotate handle sits, in frame pixels at zoom 1. */
export const ROTATE_GAP = 22;

/**
 * Where the rotate handle sits, in frame pixels: above the middle of the box's top edge, or below
 * its bottom edge when there is no room above in the frame (or just inside its top when neither fits).
 */
export function rotateHandleAt(box: Box, w: number, h: number, unit = 1): { x: number; y: number; edge: number } {
  const gap = ROTATE_GAP * unit;
  const x = ((box.x0 + box.x1) / 2) * w;
  if (box.y0 * h - gap >= 0) return { x, y: box.y0 * h - gap, edge: box.y0 * h };
  if (box.y1 * h + gap <= h) return { x, y: box.y1 * h + gap, edge: box.y1 * h };
  return { x, y: Math.max(0, box.y0 * h) + gap, edge: Math.max(0, box.y0 * h) };
}

/**
 * What the pointer at frame pixel (px, py) is on: a handle (within `grip` pixels), inside the box,
 * or nothing. `w` x `h` is the frame in pixels; `grip` and the rotate handle's gap scale with `unit`
 * (1 / the view's zoom), so they keep their size on screen.
 */
export function handleAt(box: Box, px: number, py: number, w: number, h: number, grip: number, unit = 1): Handle | 'inside' | null {
  const near = (x: number, y: number) => Math.hypot(px - x * w, py - y * h) <= grip * unit;
  const turn = rotateHandleAt(box, w, h, unit);
  if (Math.hypot(px - turn.x, py - turn.y) <= grip * unit) return 'rotate';
  for (const handle of ['nw', 'ne', 'se', 'sw'] as const) if (near(...cornerAt(handle, box))) return handle;
  const pad = (grip * unit) / 2;
  return px >= box.x0 * w - pad && px <= box.x1 * w + pad && py >= box.y0 * h - pad && py <= box.y1 * h + pad ? 'inside' : null;
}
