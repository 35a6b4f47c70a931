import type { Panel } from '../../../shared/domain/board';
import { formatSeconds } from '../util/format';
import { measureText } from '../util/measure';
import { fitText, font, roundRect, text } from './canvas-2d';
import { cardPicture } from './card-picture';
import type { CardMetrics, Rect } from './layout';
import { canvasTheme as t, STATUS_COLORS } from './theme';
import type { ThumbnailStatus } from './thumbnails';

/** How much a card draws: everything, or (zoomed far out) only the picture, status, shot number and duration. */
export type CardDetail = 'full' | 'low';

export interface CardLook {
  panel: Panel;
  width: number;
  height: number;
  metrics: CardMetrics;
  selected: boolean;
  hover: boolean;
  detail: CardDetail;
  image: ImageBitmap | null;
  status: ThumbnailStatus | 'none';
}

/** Room around the card in its bitmap, for the selection glow. */
export const CARD_PAD = 4;

const SHOT_FONT = font(700, 13);
const BADGE_FONT = font(600, 10);
const DURATION_FONT = font(500, 12);
const NOTE_SIZE = 13;
const LABELS = { empty: 'No image', loading: 'Loading…', error: 'Image unavailable' } as const;

/** The shot size and lens of a panel, as short labels. */
function badgeLabels(panel: Panel): string[] {
  const labels: string[] = [];
  if (panel.shotSize) labels.push(panel.shotSize.toUpperCase());
  if (panel.lensMm) labels.push(`${Number(panel.lensMm.toFixed(1))}mm`);
  return labels;
}

function caption(panel: Panel): { text: string; italic: boolean } {
  if (panel.action.trim()) return { text: panel.action.trim().replace(/\s+/g, ' '), italic: false };
  if (panel.dialogue.trim()) return { text: `“${panel.dialogue.trim().replace(/\s+/g, ' ')}”`, italic: true };
  return { text: '', italic: false };
}

/** The empty frame: a small landscape glyph and a label. */
function placeholder(ctx: CanvasRenderingContext2D, frame: Rect, state: keyof typeof LABELS): void {
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2 - 8;
  const w = 30;
  const h = 22;
  const compact = frame.height < 70;
  if (state !== 'loading' && !compact) {
    const x = cx - w / 2;
    const y = cy - h / 2;
    ctx.strokeStyle = ctx.fillStyle = t.placeholderInk;
    ctx.lineWidth = 1.5;
    ctx.lineJoin = 'round';
    roundRect(ctx, x, y, w, h, 3);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(x + w - 9, y + 7, 2.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    const pts = [4, h - 4, 11, 10, 16, 15, 20, 11, w - 4, h - 4];
    ctx.moveTo(x + pts[0], y + pts[1]);
    for (let i = 2; i < pts.length; i += 2) ctx.lineTo(x + pts[i], y + pts[i + 1]);
    ctx.stroke();
  }
  const labelY = compact || state === 'loading' ? frame.y + frame.height / 2 - 6 : cy + h / 2 + 8;
  text(ctx, LABELS[state], cx, labelY, font(400, 11), t.faint, 11, 'center');
}

/**
 * Draws a panel card in card coordinates (0,0 at its top-left): its picture letterboxed in the
 * project's frame (or its framing crop filling it), a status stripe, shot number, shot size and lens
 * badges, duration, a note marker and the first line of its action (or dialogue).
 */
export function drawCard(ctx: CanvasRenderingContext2D, c: CardLook): void {
  const { panel, width: w, height: h, metrics, selected, hover } = c;
  const full = c.detail === 'full';
  if (selected) {
    ctx.strokeStyle = t.accentGlow;
    ctx.lineWidth = 4;
    roundRect(ctx, -3, -3, w + 6, h + 6, 9);
    ctx.stroke();
  }
  roundRect(ctx, 0, 0, w, h, 6);
  ctx.fillStyle = t.card;
  ctx.fill();
  ctx.strokeStyle = selected ? t.accent : hover ? t.cardHover : t.cardBorder;
  ctx.lineWidth = selected ? 2 : 1;
  ctx.stroke();
  ctx.fillStyle = STATUS_COLORS[panel.status];
  roundRect(ctx, selected ? 1 : 0.5, 10, 3, h - 20, [0, 2, 2, 0]);
  ctx.fill();
  drawCardPicture(ctx, c);

  const left = 12;
  const right = w - 10;
  const duration = formatSeconds(panel.durationMs);
  const durationWidth = measureText(duration, DURATION_FONT);
  text(ctx, panel.shotNumber, left, metrics.metaY, SHOT_FONT, t.text, 13);
  text(ctx, duration, right - 1, metrics.metaY + 1, DURATION_FONT, t.muted, 12, 'right');
  if (!full) return;
  let x = left + measureText(panel.shotNumber, SHOT_FONT) + 8;
  for (const label of badgeLabels(panel)) {
    const bw = Math.ceil(measureText(label, BADGE_FONT)) + 10;
    if (x + bw > right - durationWidth - 8) break;
    ctx.fillStyle = t.badge;
    roundRect(ctx, x, metrics.metaY - 1, bw, 16, 3);
    ctx.fill();
    text(ctx, label, x + bw / 2, metrics.metaY - 1 + 3, BADGE_FONT, t.badgeText, 10, 'center');
    x += bw + 4;
  }
  if (panel.omitted) omittedTag(ctx, c);
  const cap = caption(panel);
  if (cap.text) {
    const capFont = font(400, 11, cap.italic);
    text(ctx, fitText(cap.text, capFont, right - left), left, metrics.captionY, capFont, t.faint, 11);
  }
}

/** Omitted panels (cut from the script, dropped by the editor) say so across their picture. */
function omittedTag(ctx: CanvasRenderingContext2D, c: CardLook): void {
  const f = c.metrics.frame;
  const label = 'OMITTED';
  const w = Math.ceil(measureText(label, BADGE_FONT)) + 14;
  ctx.fillStyle = 'rgba(20, 21, 24, 0.85)';
  roundRect(ctx, f.x + (f.width - w) / 2, f.y + f.height / 2 - 10, w, 20, 4);
  ctx.fill();
  text(ctx, label, f.x + f.width / 2, f.y + f.height / 2 - 6, BADGE_FONT, t.text, 10, 'center');
}

/** A panel that plays a motion clip: a play mark and the clip's length in the picture's corner. */
function clipMark(ctx: CanvasRenderingContext2D, c: CardLook): void {
  const f = c.metrics.frame;
  const label = `${(c.panel.clip!.durationMs / 1000).toFixed(1)} s`;
  const w = Math.ceil(measureText(label, BADGE_FONT)) + 24;
  const x = f.x + f.width - w - 5;
  const y = f.y + f.height - 21;
  ctx.fillStyle = 'rgba(20, 21, 24, 0.8)';
  roundRect(ctx, x, y, w, 16, 3);
  ctx.fill();
  ctx.fillStyle = t.text;
  ctx.beginPath();
  ctx.moveTo(x + 6, y + 4);
  ctx.lineTo(x + 13, y + 8);
  ctx.lineTo(x + 6, y + 12);
  ctx.closePath();
  ctx.fill();
  text(ctx, label, x + 17, y + 3, BADGE_FONT, t.text, 10);
}

/**
 * The card's picture frame alone: the picture (or its placeholder) and the note marker. Redrawn on
 * its own when a thumbnail arrives, so the card's text is not measured and drawn again.
 */
export function drawCardPicture(ctx: CanvasRenderingContext2D, c: CardLook): void {
  const { panel, image } = c;
  const frame = c.metrics.frame;
  // The card's own ground first, so a redraw over an earlier picture starts from the same pixels.
  ctx.fillStyle = t.card;
  ctx.fillRect(frame.x, frame.y, frame.width, frame.height);
  ctx.fillStyle = image ? t.letterbox : t.placeholder;
  roundRect(ctx, frame.x, frame.y, frame.width, frame.height, 3);
  ctx.fill();
  if (image) {
    const p = cardPicture(panel, frame, image.width, image.height);
    if (p) ctx.drawImage(image, p.source.x, p.source.y, p.source.w, p.source.h, p.dest.x, p.dest.y, p.dest.width, p.dest.height);
  } else if (c.detail === 'full') {
    placeholder(ctx, frame, c.status === 'none' ? 'empty' : c.status === 'error' ? 'error' : 'loading');
  }
  if (panel.clip && c.detail === 'full') clipMark(ctx, c);
  if (panel.notes.trim()) {
    const nx = frame.x + frame.width - NOTE_SIZE;
    ctx.fillStyle = t.note;
    ctx.beginPath();
    ctx.moveTo(nx, frame.y);
    ctx.lineTo(nx + NOTE_SIZE, frame.y);
    ctx.lineTo(nx + NOTE_SIZE, frame.y + NOTE_SIZE);
    ctx.closePath();
    ctx.fill();
  }
}
