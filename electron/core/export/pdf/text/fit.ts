import type { Box, TextOp } from '../model';
import { paragraphDirection, type Direction } from '../../../../../shared/text/bidi';
import type { FontBook } from './font-book';
import { measureText } from './runs';
import { lineRuns, tokenize, wrap, type Line, type Span } from './wrap';

export interface FitOptions {
  /** Preferred font size; text shrinks from here when it does not fit. */
  size: number;
  /** Smallest size before text is cut short with an ellipsis. */
  minSize?: number;
  /** Baseline-to-baseline distance as a multiple of the size. */
  lineHeight?: number;
  /** Extra space between paragraphs, as a multiple of the size. */
  paragraphGap?: number;
  /** 'start' is left for left-to-right paragraphs and right for right-to-left ones (Hebrew, Arabic). */
  align?: 'left' | 'center' | 'right' | 'start';
  maxLines?: number;
}

export interface FitResult {
  ops: TextOp[];
  size: number;
  /** True when some text did not fit and an ellipsis ends the last line. */
  truncated: boolean;
  /** Height used, from the box top to the bottom of the last line's descenders. */
  height: number;
}

const ELLIPSIS = '\u2026';
const STEP = 0.5;

/**
 * Lays paragraphs out inside a box: wrapped to its width, shrunk step by step down to `minSize`
 * until they fit its height, then cut with an ellipsis. Every glyph's line box (ascent to descent
 * of the tallest font in use) stays inside the box: text never overflows or overlaps what is below.
 */
export function fitText(book: FontBook, paragraphs: Span[][], box: Box, opts: FitOptions): FitResult {
  const lh = opts.lineHeight ?? 1.25;
  const gap = opts.paragraphGap ?? 0.3;
  const minSize = Math.min(opts.minSize ?? opts.size, opts.size);
  const written = paragraphs.filter((p) => p.some((s) => s.text.trim() !== ''));
  const tokens = written.map((p) => tokenize(book, p));
  const dirs = written.map(spansDirection);
  const empty: FitResult = { ops: [], size: opts.size, truncated: false, height: 0 };
  if (tokens.length === 0 || box.w <= 0 || box.h <= 0) return { ...empty, truncated: tokens.length > 0 };

  const heightOf = (lines: Line[], size: number) => {
    if (lines.length === 0) return 0;
    let h = (book.ascent + book.descent) * size;
    for (let i = 1; i < lines.length; i++) h += (lh + (lines[i].paragraph !== lines[i - 1].paragraph ? gap : 0)) * size;
    return h;
  };
  let size = opts.size;
  let lines = wrap(book, tokens, box.w / size);
  // Shrink while the text is too tall, has too many lines, or had to cut a word in two.
  const tooBig = () => heightOf(lines, size) > box.h || (opts.maxLines !== undefined && lines.length > opts.maxLines) || lines.some((l) => l.broken);
  while (size - STEP >= minSize - 1e-6 && tooBig()) {
    size -= STEP;
    lines = wrap(book, tokens, box.w / size);
  }
  const { kept, cut } = budgetLines(lines, opts.maxLines, (ls) => heightOf(ls, size) <= box.h + 1e-6);
  const truncated = kept.length < lines.length;
  if (kept.length === 0) return { ...empty, size, truncated };

  const ops: TextOp[] = [];
  let baseline = box.y + book.ascent * size;
  kept.forEach((original, i) => {
    if (i > 0) baseline += (lh + (original.paragraph !== kept[i - 1].paragraph ? gap : 0)) * size;
    let line = original;
    let suffix = '';
    if (cut.has(original)) {
      suffix = ELLIPSIS;
      line = trimToFit(book, line, box.w / size, measureText(book, line.tokens[line.tokens.length - 1]?.role ?? 'regular', ELLIPSIS));
    }
    const dir = dirs[original.paragraph];
    const { runs, width } = lineRuns(book, line, size, suffix, dir);
    const align = opts.align === 'start' ? (dir === 'rtl' ? 'right' : 'left') : opts.align;
    const x = align === 'right' ? box.x + box.w - width : align === 'center' ? box.x + (box.w - width) / 2 : box.x;
    ops.push({ op: 'text', x, y: baseline, size, runs });
  });
  return { ops, size, truncated, height: heightOf(kept, size) };
}

/** A paragraph's direction, from its text after any labels (from the labels when it has nothing else). */
function spansDirection(spans: Span[]): Direction {
  const content = spans.filter((s) => !s.label).map((s) => s.text).join('');
  return paragraphDirection(content.trim() ? content : spans.map((s) => s.text).join(''));
}

/**
 * Chooses which lines to keep when not all fit: the longest paragraph gives up lines first, so the
 * dialogue and notes under a long action still show their opening words; then whole paragraphs go
 * from the end. `cut` holds the last kept line of every shortened paragraph (it gets an ellipsis).
 */
function budgetLines(lines: Line[], maxLines: number | undefined, fits: (lines: Line[]) => boolean): { kept: Line[]; cut: Set<Line> } {
  const byParagraph = new Map<number, Line[]>();
  for (const l of lines) byParagraph.set(l.paragraph, [...(byParagraph.get(l.paragraph) ?? []), l]);
  const budget = new Map([...byParagraph].map(([p, ls]) => [p, ls.length]));
  const pick = () => [...byParagraph.keys()].flatMap((p) => byParagraph.get(p)!.slice(0, budget.get(p)));
  const ok = (ls: Line[]) => fits(ls) && (maxLines === undefined || ls.length <= maxLines);
  let kept = pick();
  while (!ok(kept)) {
    let longest = -1;
    for (const [p, n] of budget) if (n > 1 && (longest < 0 || n > budget.get(longest)!)) longest = p;
    if (longest < 0) {
      // Every paragraph is down to one line: drop paragraphs from the end.
      const last = [...budget.keys()].filter((p) => budget.get(p)! > 0).pop();
      if (last === undefined) break;
      budget.set(last, 0);
    } else budget.set(longest, budget.get(longest)! - 1);
    kept = pick();
  }
  const cut = new Set<Line>();
  const paragraphsKept = [...byParagraph.keys()].filter((p) => budget.get(p)! > 0);
  for (const p of paragraphsKept) if (budget.get(p)! < byParagraph.get(p)!.length) cut.add(byParagraph.get(p)![budget.get(p)! - 1]);
  // A paragraph dropped entirely: the last kept line says there is more.
  if (paragraphsKept.length < byParagraph.size && kept.length > 0) cut.add(kept[kept.length - 1]);
  return { kept, cut };
}

/** Drops tokens (then characters) from the end of a line until an ellipsis fits after it. */
function trimToFit(book: FontBook, line: Line, maxWidth: number, ellipsis: number): Line {
  const tokens = [...line.tokens];
  const widthOf = (ts: typeof tokens) => ts.reduce((w, t, i) => w + t.width + (i < ts.length - 1 ? t.spaceWidth : 0), 0);
  while (tokens.length > 1 && widthOf(tokens) + ellipsis > maxWidth) tokens.pop();
  if (tokens.length === 1 && widthOf(tokens) + ellipsis > maxWidth) {
    const t = tokens[0];
    const chars = [...t.text];
    while (chars.length > 0 && measureText(book, t.role, chars.join('')) + ellipsis > maxWidth) chars.pop();
    tokens[0] = { ...t, text: chars.join(''), width: measureText(book, t.role, chars.join('')) };
  }
  return { ...line, tokens, width: widthOf(tokens) };
}

/** One line, never wrapped: shrinks to minSize, then ends in an ellipsis. */
export function fitLine(book: FontBook, spans: Span[], box: Box, opts: FitOptions): FitResult {
  return fitText(book, [spans], box, { ...opts, maxLines: 1 });
}
