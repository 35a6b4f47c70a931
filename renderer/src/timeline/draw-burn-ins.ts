import type { Timeline } from '../../../shared/domain/animatic';
import { BURN_INS, segmentAt, timecode } from '../../../shared/domain/animatic';
import { BURN_IN_LAYOUT as L, captionTexts, placeCaptions, placeShot, type BurnInRole, type PlacedText, type Rect } from '../../../shared/domain/burn-in-layout';
import { paragraphDirection } from '../../../shared/text/bidi';
import { burnInFont, burnInFontsReady, measureBurnIn, timecodeFont } from './burn-in-fonts';

function box(ctx: CanvasRenderingContext2D, r: Rect, radius: number, alpha: number): void {
  ctx.fillStyle = `rgba(0,0,0,${alpha})`;
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, radius);
  ctx.fill();
}

/** Text placed by the shared layout; the canvas orders bidi runs itself, from each line's own direction. */
function drawPlaced(ctx: CanvasRenderingContext2D, t: PlacedText, role: BurnInRole): void {
  box(ctx, t.box, t.radius, t.alpha);
  ctx.fillStyle = '#fff';
  ctx.font = burnInFont(role, t.size);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  for (const line of t.lines) {
    ctx.direction = paragraphDirection(line.text);
    ctx.fillText(line.text, line.x, line.baseline);
  }
  ctx.direction = 'ltr';
}

/**
 * All burn-ins the export can make, placed as the exporter places them: shot number top left, timecode
 * top right, dialogue and sound captions at the bottom. Drawn once the export's fonts are loaded.
 */
export function drawBurnIns(ctx: CanvasRenderingContext2D, t: Timeline, frame: number, pic: Rect, onFonts: () => void): void {
  const seg = segmentAt(t, frame);
  if (!seg || !burnInFontsReady(onFonts)) return;
  if (seg.shotNumber) drawPlaced(ctx, placeShot(pic, seg.shotNumber, measureBurnIn), 'bold');
  const margin = pic.h * L.margin;
  const size = Math.max(8, pic.h * L.timecodeFont);
  const pad = size * 0.3;
  ctx.font = timecodeFont(size);
  const tc = timecode(frame, t.rate);
  const tcW = ctx.measureText(tc).width;
  box(ctx, { x: pic.x + pic.w - margin - tcW - pad * 2, y: pic.y + margin, w: tcW + pad * 2, h: size + pad * 2 }, Math.max(2, (size + pad * 2) * 0.12), 0.55);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(tc, pic.x + pic.w - margin - pad, pic.y + margin + pad + size / 2);
  for (const c of placeCaptions(pic, captionTexts(seg, BURN_INS), measureBurnIn)) drawPlaced(ctx, c, 'regular');
}
