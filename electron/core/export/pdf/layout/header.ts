import { INK, type Box, type DrawOp } from '../model';
import type { FontBook } from '../text/font-book';
import { fitLine } from '../text/fit';
import type { Span } from '../text/wrap';

export interface HeaderInfo {
  title: string;
  /** The scenes on the page: "SCENE 3" and its heading. */
  scenes: { number: number; heading: string }[];
  /** e.g. "Shot list" in place of scenes. */
  subtitle?: string;
  versionLabel: string;
  date: string;
  page: number;
  pageCount: number;
}

const TITLE = 11;
const SMALL = 8.5;
const SCENE = 9.5;

/** Project title and scene on the left; version, date and "Page n of N" on the right; a rule below. */
export function headerOps(book: FontBook, box: Box, info: HeaderInfo): DrawOp[] {
  const ops: DrawOp[] = [];
  const lineBox = (size: number) => (book.ascent + book.descent) * size;
  const leftW = box.w * 0.68;
  const rightW = box.w - leftW - 12;
  const rightX = box.x + box.w - rightW;
  ops.push(...fitLine(book, [{ text: info.title || 'Untitled', role: 'bold', color: INK.text }], { x: box.x, y: box.y, w: leftW, h: lineBox(TITLE) }, { size: TITLE, minSize: 8 }).ops);
  // Baselines: the title's, and 15 pt below it the scene line's; the right-hand column shares them.
  const b1 = box.y + book.ascent * TITLE;
  const b2 = b1 + 15;
  const second = b2 - book.ascent * SCENE;
  const spans: Span[] = [];
  if (info.subtitle) spans.push({ text: info.subtitle, role: 'bold', color: INK.accent });
  info.scenes.forEach((s, i) => {
    if (i > 0) spans.push({ text: '   ·   ', role: 'regular', color: INK.faint });
    spans.push({ text: `SCENE ${s.number}`, role: 'bold', color: INK.accent });
    if (s.heading.trim()) spans.push({ text: `  ${s.heading.trim()}`, role: 'regular', color: INK.text });
  });
  if (spans.length) ops.push(...fitLine(book, spans, { x: box.x, y: second, w: leftW, h: lineBox(SCENE) }, { size: SCENE, minSize: 7 }).ops);

  const meta = [info.versionLabel.trim(), info.date].filter(Boolean).join('   ·   ');
  const metaTop = b1 - book.ascent * SMALL;
  if (meta) ops.push(...fitLine(book, [{ text: meta, role: 'regular', color: INK.muted }], { x: rightX, y: metaTop, w: rightW, h: lineBox(SMALL) }, { size: SMALL, minSize: 6.5, align: 'right' }).ops);
  const pageTop = b2 - book.ascent * SMALL;
  ops.push(
    ...fitLine(book, [{ text: `Page ${info.page} of ${info.pageCount}`, role: 'regular', color: INK.text }], { x: rightX, y: pageTop, w: rightW, h: lineBox(SMALL) }, { size: SMALL, align: 'right' }).ops,
  );
  const ruleY = box.y + box.h;
  ops.push({ op: 'path', points: [[box.x, ruleY], [box.x + box.w, ruleY]], stroke: INK.text, lineWidth: 1 });
  return ops;
}

/** A hairline and one centred line of small text at the foot of the page. */
export function footerOps(book: FontBook, box: Box, text: string): DrawOp[] {
  const size = 7.5;
  const h = (book.ascent + book.descent) * size;
  return [
    { op: 'path', points: [[box.x, box.y], [box.x + box.w, box.y]], stroke: INK.rule, lineWidth: 0.6 },
    ...fitLine(book, [{ text, role: 'regular', color: INK.muted }], { x: box.x, y: box.y + 2.5, w: box.w, h }, { size, minSize: 6, align: 'center' }).ops,
  ];
}
