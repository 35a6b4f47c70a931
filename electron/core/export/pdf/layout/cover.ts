import { INK, type DrawOp, type PageModel } from '../model';
import type { FontBook } from '../text/font-book';
import { fitText } from '../text/fit';
import { footerOps } from './header';
import { MARGIN, pageFrame } from './geometry';
import { formatDuration } from './panel-text';
import type { Orientation, PaperSize } from '../../../../../shared/domain/export';

export interface CoverInfo {
  paper: PaperSize;
  orientation: Orientation;
  title: string;
  credits: string;
  versionLabel: string;
  date: string;
  hasLogo: boolean;
  scenes: number;
  shots: number;
  runningMs: number;
  footer: string | null;
}

/** The cover: logo, title, "Storyboards", version and date, credits, and what the boards hold. */
export function coverPage(book: FontBook, info: CoverInfo): PageModel {
  const frame = pageFrame(info.paper, info.orientation, info.footer !== null);
  const { width, height } = frame;
  const ops: DrawOp[] = [];
  const inner = { x: MARGIN * 2, w: width - MARGIN * 4 };
  const lineBox = (size: number) => (book.ascent + book.descent) * size;
  let y = height * (info.hasLogo ? 0.12 : 0.24);
  if (info.hasLogo) {
    const w = Math.min(220, inner.w);
    const h = height * 0.16;
    ops.push({ op: 'image', key: 'logo', x: (width - w) / 2, y, w, h, px: Math.ceil(((Math.max(w, h) / 72) * 200)), background: '#ffffff' });
    y += h + height * 0.06;
  }
  const text = (s: string, role: 'regular' | 'bold', color: string, size: number, maxLines: number, minSize = size) => {
    const r = fitText(book, [[{ text: s, role, color }]], { x: inner.x, y, w: inner.w, h: lineBox(size) + (maxLines - 1) * 1.15 * size }, { size, minSize, lineHeight: 1.15, align: 'center', maxLines });
    ops.push(...r.ops);
    y += r.height;
  };
  text(info.title || 'Untitled', 'bold', INK.text, 34, 2, 20);
  y += 10;
  text('Storyboards', 'regular', INK.muted, 15, 1);
  const meta = [info.versionLabel.trim(), info.date].filter(Boolean).join('   ·   ');
  y += 6;
  text(meta, 'regular', INK.muted, 10.5, 1);
  y += 22;
  ops.push({ op: 'path', points: [[width / 2 - 36, y], [width / 2 + 36, y]], stroke: INK.accent, lineWidth: 1.5 });
  y += 22;
  const credits = info.credits.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const bottom = height - MARGIN - 60;
  if (credits.length > 0 && bottom > y) {
    const r = fitText(book, credits.map((c) => [{ text: c, role: 'regular' as const, color: INK.text }]), { x: inner.x, y, w: inner.w, h: bottom - y }, { size: 12, minSize: 8, lineHeight: 1.5, paragraphGap: 0, align: 'center' });
    ops.push(...r.ops);
  }
  const stats = `${info.scenes} scene${info.scenes === 1 ? '' : 's'}   ·   ${info.shots} shot${info.shots === 1 ? '' : 's'}   ·   ${formatDuration(info.runningMs)} running time`;
  ops.push(...fitText(book, [[{ text: stats, role: 'regular', color: INK.muted }]], { x: inner.x, y: height - MARGIN - 40, w: inner.w, h: lineBox(9) }, { size: 9, align: 'center', maxLines: 1 }).ops);
  if (frame.footer && info.footer) ops.push(...footerOps(book, frame.footer, info.footer));
  return { width, height, ops };
}
