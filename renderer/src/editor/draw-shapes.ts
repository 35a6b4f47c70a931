import type { Stroke } from '../../../shared/domain/sketch';
import { textLines, textSizePx } from '../../../shared/domain/sketch-text';
import { inkColour } from '../../../shared/domain/sketch-style';
import { burnInFont } from '../timeline/burn-in-fonts';

type Shape = Pick<Stroke, 'tool' | 'size' | 'color' | 'points' | 'text'>;

/** A fill: its closed outline filled opaque in its colour (nonzero, as the core draws it), in frame pixels. */
export function drawFill(ctx: CanvasRenderingContext2D, s: Shape, w: number, h: number): void {
  if (s.points.length < 3) return;
  ctx.fillStyle = inkColour(s);
  ctx.beginPath();
  s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * w, y * h) : ctx.lineTo(x * w, y * h)));
  ctx.closePath();
  ctx.fill('nonzero');
}

/** A text in the bundled fonts the core sets it in (see sketch-text), opaque in its colour. */
export function drawText(ctx: CanvasRenderingContext2D, s: Shape, w: number, h: number): void {
  ctx.fillStyle = inkColour(s);
  ctx.font = burnInFont('regular', textSizePx(s, w));
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const line of textLines(s, w, h)) ctx.fillText(line.text, line.x, line.y);
}
