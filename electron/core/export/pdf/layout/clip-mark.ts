/**
 * The mark on a panel that plays a motion clip (its picture is the clip's first frame): a small dark
 * tag in the frame's top-left corner with a play triangle and the clip's length, "CLIP 5.0 s", so a
 * reader knows the printed frame moves on screen.
 */
import type { PanelClip } from '../../../../../shared/domain/clip';
import type { Box, DrawOp } from '../model';
import type { FontBook } from '../text/font-book';
import { fitLine } from '../text/fit';
import { measureText } from '../text/runs';

type Pt = [number, number];

/** A rectangle with rounded corners as a polygon (the page model has no curves). */
function roundedRect(b: Box, r: number): Pt[] {
  const pts: Pt[] = [];
  const corners: [number, number, number][] = [
    [b.x + b.w - r, b.y + r, -Math.PI / 2], [b.x + b.w - r, b.y + b.h - r, 0], [b.x + r, b.y + b.h - r, Math.PI / 2], [b.x + r, b.y + r, Math.PI],
  ];
  for (const [cx, cy, a0] of corners) {
    for (let i = 0; i <= 4; i++) {
      const a = a0 + (i / 4) * (Math.PI / 2);
      pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
    }
  }
  return pts;
}

export function clipLabel(clip: Pick<PanelClip, 'durationMs'>): string {
  return `CLIP ${(clip.durationMs / 1000).toFixed(1)} s`;
}

/** The tag, sized to the frame (`size` is the cell's small text size); left out when the frame is too small to hold it. */
export function clipMarkOps(book: FontBook, clip: Pick<PanelClip, 'durationMs'>, f: Box, size: number): DrawOp[] {
  const text = clipLabel(clip);
  const fontSize = Math.max(5, Math.min(8, size * 0.8, f.h / 9));
  const pad = fontSize * 0.45;
  const glyph = fontSize * 0.75;
  const textW = measureText(book, 'bold', text) * fontSize;
  const lineH = (book.ascent + book.descent) * fontSize;
  const tag: Box = { x: f.x + pad * 1.5, y: f.y + pad * 1.5, w: pad + glyph + pad * 0.9 + textW + pad * 1.2, h: lineH + pad };
  if (tag.w > f.w * 0.8) return [];
  const gx = tag.x + pad;
  const gy = tag.y + tag.h / 2;
  const triangle: Pt[] = [[gx, gy - glyph / 2], [gx + glyph * 0.87, gy], [gx, gy + glyph / 2]];
  return [
    { op: 'path', points: roundedRect(tag, Math.min(tag.h / 2, fontSize * 0.4)), closed: true, fill: '#111318', opacity: 0.78 },
    { op: 'path', points: triangle, closed: true, fill: '#ffffff' },
    ...fitLine(book, [{ text, role: 'bold', color: '#ffffff' }], { x: gx + glyph + pad * 0.9, y: tag.y + pad / 2, w: textW + 1, h: lineH }, { size: fontSize }).ops,
  ];
}
