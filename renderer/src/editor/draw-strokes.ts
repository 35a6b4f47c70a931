import type { Stroke } from '../../../shared/domain/sketch';
import { inkColour, strokeBlurPx, strokeOpacity, strokeWidthPx } from '../../../shared/domain/sketch-style';
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
 * Renders strokes onto a transparent sketch canvas sized w x h CSS pixels (the context already
 * scaled for the device). Each ink stroke is drawn opaque on a scratch canvas and composited at its
 * opacity (so its own overlapping segments do not darken); the eraser cuts ink out.
 */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], w: number, h: number, dpr: number): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.restore();
  for (const s of strokes) {
    if (s.tool === 'eraser') {
      ctx.save();
      ctx.globalCompositeOperation = 'destination-out';
      drawSegments(ctx, s, s.points, 0, w, h);
      ctx.restore();
      continue;
    }
    scratch ??= document.createElement('canvas');
    if (scratch.width !== ctx.canvas.width || scratch.height !== ctx.canvas.height) {
      scratch.width = ctx.canvas.width;
      scratch.height = ctx.canvas.height;
    }
    const sc = scratch.getContext('2d')!;
    sc.setTransform(1, 0, 0, 1, 0, 0);
    sc.clearRect(0, 0, scratch.width, scratch.height);
    sc.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawStroke(sc, s, w, h);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = strokeOpacity(s);
    const blur = strokeBlurPx(s, w) * dpr;
    if (blur > 0.3) ctx.filter = `blur(${blur.toFixed(2)}px)`;
    ctx.drawImage(scratch, 0, 0);
    ctx.restore();
  }
}
