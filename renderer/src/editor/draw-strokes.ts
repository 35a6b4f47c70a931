import type { Stroke } from '../../../shared/domain/sketch';
import { isLineTool } from '../../../shared/domain/sketch';
import { TOOL_STYLE, inkColour, strokeOpacity, strokeWidthPx } from '../../../shared/domain/sketch-style';
import { BRUSH_PASSES, strokeOutlinePath } from '../../../shared/domain/stroke-outline';
import { drawFill, drawText } from './draw-shapes';

type Point = [number, number, number];

/**
 * Draws segments [from, to) of a stroke's points with round caps, each as wide as its pressure
 * says, in frame pixels (w x h). A single point is a dot.
 */
export function drawSegments(ctx: CanvasRenderingContext2D, stroke: Pick<Stroke, 'tool' | 'size' | 'color'>, points: readonly Point[], from: number, w: number, h: number): void {
  ctx.strokeStyle = ctx.fillStyle = inkColour(stroke);
  ctx.lineCap = 'round';
  if (points.length === 1 && from === 0) {
    const [x, y, p] = points[0];
    ctx.beginPath();
    ctx.arc(x * w, y * h, strokeWidthPx(stroke, p, w) / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  for (let k = Math.max(1, from); k < points.length; k++) {
    const [x0, y0, p0] = points[k - 1];
    const [x1, y1, p1] = points[k];
    ctx.lineWidth = (strokeWidthPx(stroke, p0, w) + strokeWidthPx(stroke, p1, w)) / 2;
    ctx.beginPath();
    ctx.moveTo(x0 * w, y0 * h);
    ctx.lineTo(x1 * w, y1 * h);
    ctx.stroke();
  }
}

/** Draws a whole stroke opaque, in frame pixels: a fill's polygon, a text's words, or a line's segments. */
export function drawStroke(ctx: CanvasRenderingContext2D, s: Pick<Stroke, 'tool' | 'size' | 'color' | 'points' | 'text'>, w: number, h: number): void {
  if (s.tool === 'fill') drawFill(ctx, s, w, h);
  else if (s.tool === 'text') drawText(ctx, s, w, h);
  else drawSegments(ctx, s, s.points, 0, w, h);
}

let scratch: HTMLCanvasElement | null = null;

/**
 * Renders strokes onto a transparent sketch canvas of w x h CSS pixels at `dpr` device pixels each,
 * from scratch. The eraser cuts ink out.
 */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], w: number, h: number, dpr: number): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
  for (const s of strokes) drawFinished(ctx, s, w, h, dpr);
}

/**
 * Draws one saved stroke over what the canvas holds, as the core flattens it: a pen, pencil or eraser
 * stroke is one filled outline (so a translucent stroke does not darken where it crosses itself), a
 * brush its nested soft-edged outlines composited together at the stroke's opacity.
 */
export function drawFinished(ctx: CanvasRenderingContext2D, s: Stroke, w: number, h: number, dpr: number): void {
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  if (!isLineTool(s.tool)) {
    ctx.globalAlpha = strokeOpacity(s);
    drawStroke(ctx, s, w, h);
  } else if (TOOL_STYLE[s.tool].softness > 0) {
    drawSoft(ctx, s, w, h, dpr);
  } else {
    const pts = s.points.map(([x, y, p]) => ({ x: x * w, y: y * h, w: strokeWidthPx(s, p, w) }));
    if (s.tool === 'eraser') ctx.globalCompositeOperation = 'destination-out';
    else ctx.globalAlpha = strokeOpacity(s);
    ctx.fillStyle = inkColour(s);
    ctx.fill(new Path2D(strokeOutlinePath(pts)), 'nonzero');
  }
  ctx.restore();
}

/** A soft (brush) stroke: its passes drawn together on a scratch canvas, inside its own box only, then laid on at its opacity. */
function drawSoft(ctx: CanvasRenderingContext2D, s: Stroke, w: number, h: number, dpr: number): void {
  const pts = s.points.map(([x, y, p]) => ({ x: x * w, y: y * h, w: strokeWidthPx(s, p, w) }));
  const pad = Math.max(...pts.map((p) => p.w)) / 2 + 2;
  const x0 = Math.max(0, Math.floor((Math.min(...pts.map((p) => p.x)) - pad) * dpr));
  const y0 = Math.max(0, Math.floor((Math.min(...pts.map((p) => p.y)) - pad) * dpr));
  const x1 = Math.min(ctx.canvas.width, Math.ceil((Math.max(...pts.map((p) => p.x)) + pad) * dpr));
  const y1 = Math.min(ctx.canvas.height, Math.ceil((Math.max(...pts.map((p) => p.y)) + pad) * dpr));
  if (x1 <= x0 || y1 <= y0) return;
  scratch ??= document.createElement('canvas');
  if (scratch.width < x1 - x0 || scratch.height < y1 - y0) {
    scratch.width = Math.max(scratch.width, x1 - x0);
    scratch.height = Math.max(scratch.height, y1 - y0);
  }
  const sc = scratch.getContext('2d')!;
  sc.setTransform(1, 0, 0, 1, 0, 0);
  sc.clearRect(0, 0, x1 - x0, y1 - y0);
  sc.setTransform(dpr, 0, 0, dpr, -x0, -y0);
  sc.fillStyle = inkColour(s);
  for (const [scale, alpha] of BRUSH_PASSES) {
    sc.globalAlpha = alpha;
    sc.fill(new Path2D(strokeOutlinePath(scale === 1 ? pts : pts.map((p) => ({ ...p, w: p.w * scale })))), 'nonzero');
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = strokeOpacity(s);
  ctx.drawImage(scratch, 0, 0, x1 - x0, y1 - y0, x0, y0, x1 - x0, y1 - y0);
}
