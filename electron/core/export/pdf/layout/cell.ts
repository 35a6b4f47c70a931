import type { Panel } from '../../../../../shared/domain/board';
import { stillFraming } from '../../../../../shared/domain/animatic-frame';
import type { BoardField } from '../../../../../shared/domain/export';
import { INK, type Box, type DrawOp } from '../model';
import type { FontBook } from '../text/font-book';
import { fitLine, fitText } from '../text/fit';
import { measureText } from '../text/runs';
import { moveMark, moveOps } from './camera-move';
import { clipMarkOps } from './clip-mark';
import { cameraFacts, formatDuration, panelParagraphs, panelPicture } from './panel-text';

/** Print resolution panel pictures are prepared at. */
export const PRINT_DPI = 200;

export interface CellContext {
  book: FontBook;
  placement: 'below' | 'beside';
  fields: ReadonlySet<BoardField>;
  /** The project's frame aspect ratio, width / height. */
  aspect: number;
  /** One panel on the page: its frame is allowed to grow larger. */
  single: boolean;
}

interface Sizes {
  base: number;
  min: number;
  number: number;
  meta: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const LINE_HEIGHT = 1.25;

function sizesFor(textWidth: number): Sizes {
  const base = Math.round(clamp(textWidth / 25, 7, 10.5) * 2) / 2;
  return { base, min: Math.max(5.5, base * 0.7), number: base * 1.5, meta: base * 0.92 };
}

/**
 * The panel picture letterboxed into a frame of the project's aspect ratio (or its framing crop
 * filling it), with its border and camera-move mark.
 */
function frameOps(ctx: CellContext, panel: Panel, f: Box, sizes: Sizes): DrawOp[] {
  const ops: DrawOp[] = [];
  const picture = panelPicture(panel);
  if (picture) {
    // A framing crop (e.g. the centre, after a change of aspect ratio) fills the frame, as on the board.
    const framing = stillFraming(panel.framing);
    const px = Math.ceil((Math.max(f.w, f.h) / 72) * PRINT_DPI / Math.min(1, framing?.w ?? 1, framing?.h ?? 1));
    ops.push({ op: 'image', key: `sha:${picture}`, x: f.x, y: f.y, w: f.w, h: f.h, px, background: INK.letterbox, ...(framing ? { framing } : {}) });
  } else {
    ops.push({ op: 'rect', ...f, fill: INK.empty });
    const size = sizes.meta;
    const lineBox = (ctx.book.ascent + ctx.book.descent) * size;
    ops.push(...fitLine(ctx.book, [{ text: 'No picture', role: 'regular', color: INK.faint }], { x: f.x + 4, y: f.y + f.h - lineBox - 4, w: f.w - 8, h: lineBox }, { size, align: 'center' }).ops);
  }
  // Arrows have their own switch: the move can be named in the text without marks over the picture.
  const mark = ctx.fields.has('arrows') ? moveMark(panel.cameraMove) : null;
  if (mark) ops.push(...moveOps(mark, f));
  if (panel.clip) ops.push(...clipMarkOps(ctx.book, panel.clip, f, sizes.meta));
  ops.push({ op: 'rect', ...f, stroke: INK.frame, lineWidth: 0.75 });
  return ops;
}

/** Shot number (left), camera facts (middle) and duration (right) on one baseline. Returns its height. */
function metaRow(ctx: CellContext, panel: Panel, box: Box, sizes: Sizes, ops: DrawOp[]): number {
  const { book, fields } = ctx;
  const lineBox = (size: number) => (book.ascent + book.descent) * size;
  const height = lineBox(sizes.number);
  const baseline = box.y + book.ascent * sizes.number;
  const metaTop = baseline - book.ascent * sizes.meta;
  let left = box.x;
  let right = box.x + box.w;
  if (fields.has('shot')) {
    const r = fitLine(book, [{ text: panel.shotNumber, role: 'bold', color: INK.text }], { x: left, y: box.y, w: box.w * 0.45, h: height }, { size: sizes.number, minSize: sizes.meta });
    ops.push(...r.ops);
    left += Math.min(box.w * 0.45, measureText(book, 'bold', panel.shotNumber) * r.size) + sizes.base * 0.9;
  }
  if (fields.has('duration')) {
    const text = formatDuration(panel.durationMs);
    const w = measureText(book, 'regular', text) * sizes.meta;
    ops.push(...fitLine(book, [{ text, role: 'regular', color: INK.muted }], { x: right - w - 1, y: metaTop, w: w + 1, h: lineBox(sizes.meta) }, { size: sizes.meta, align: 'right' }).ops);
    right -= w + sizes.base * 0.9;
  }
  const facts = cameraFacts(panel, fields);
  if (facts && right - left > sizes.meta * 2) {
    ops.push(...fitLine(book, [{ text: facts, role: 'regular', color: INK.muted }], { x: left, y: metaTop, w: right - left, h: lineBox(sizes.meta) }, { size: sizes.meta, minSize: sizes.min }).ops);
  }
  return fields.has('shot') || fields.has('duration') || facts ? height : 0;
}

/** Light ruled lines for handwritten notes in the space the text leaves empty. */
function ruledLines(box: Box, pitch: number): DrawOp[] {
  const ops: DrawOp[] = [];
  for (let y = box.y + pitch; y <= box.y + box.h - 4; y += pitch) {
    ops.push({ op: 'path', points: [[box.x, y], [box.x + box.w, y]], stroke: INK.hairline, lineWidth: 0.6 });
  }
  return ops;
}

/** Text stacked under the meta row, shrunk or cut to the box. */
function textOps(ctx: CellContext, panel: Panel, box: Box, sizes: Sizes, ops: DrawOp[]): number {
  const paragraphs = panelParagraphs(panel, ctx.fields);
  if (paragraphs.length === 0 || box.h <= 0) return 0;
  const r = fitText(ctx.book, paragraphs, box, { size: sizes.base, minSize: sizes.min, lineHeight: LINE_HEIGHT, paragraphGap: 0.35, align: 'start' });
  ops.push(...r.ops);
  return r.height;
}

/** Everything one panel prints inside its cell; nothing is drawn outside `cell`. */
export function layoutCell(ctx: CellContext, panel: Panel, cell: Box): DrawOp[] {
  const ops: DrawOp[] = [];
  const hasText = panelParagraphs(panel, ctx.fields).length > 0 || ctx.placement === 'beside';
  if (ctx.placement === 'below') {
    const sizes = sizesFor(cell.w);
    const metaH = (ctx.book.ascent + ctx.book.descent) * sizes.number;
    const minText = hasText ? (ctx.book.ascent + ctx.book.descent + 2 * LINE_HEIGHT) * sizes.base + 4 : 0;
    let fw = cell.w;
    let fh = fw / ctx.aspect;
    const maxH = cell.h - metaH - 5 - minText;
    if (fh > maxH) {
      fh = Math.max(maxH, 10);
      fw = fh * ctx.aspect;
    }
    const frame = { x: cell.x + (cell.w - fw) / 2, y: cell.y, w: fw, h: fh };
    ops.push(...frameOps(ctx, panel, frame, sizes));
    const metaTop = frame.y + fh + 5;
    const used = metaRow(ctx, panel, { x: cell.x, y: metaTop, w: cell.w, h: metaH }, sizes, ops);
    const textTop = metaTop + (used ? used + 3 : 0);
    const textH = textOps(ctx, panel, { x: cell.x, y: textTop, w: cell.w, h: cell.y + cell.h - textTop }, sizes, ops);
    // Tall cells (one-row layouts) keep a lot of paper free: rule it for notes on set.
    const free = { x: cell.x, y: textTop + textH + 8, w: cell.w, h: cell.y + cell.h - (textTop + textH + 8) };
    if (free.h >= cell.h * 0.4) ops.push(...ruledLines(free, Math.max(14, sizes.base * 2)));
    return ops;
  }
  // Beside: the frame on the left, the text column on its right.
  let fw = Math.min(cell.w * (ctx.single ? 0.64 : 0.58), cell.h * ctx.aspect);
  let fh = fw / ctx.aspect;
  if (fh > cell.h) {
    fh = cell.h;
    fw = fh * ctx.aspect;
  }
  const gap = Math.max(12, cell.w * 0.02);
  const column = { x: cell.x + fw + gap, y: cell.y, w: cell.w - fw - gap, h: cell.h };
  const sizes = sizesFor(column.w);
  ops.push(...frameOps(ctx, panel, { x: cell.x, y: cell.y, w: fw, h: fh }, sizes));
  const metaH = metaRow(ctx, panel, { x: column.x, y: column.y, w: column.w, h: cell.h }, sizes, ops);
  const rule = column.y + metaH + 4;
  if (metaH) ops.push({ op: 'path', points: [[column.x, rule], [column.x + column.w, rule]], stroke: INK.rule, lineWidth: 0.6 });
  const textTop = rule + 6;
  const textH = textOps(ctx, panel, { ...column, y: textTop, h: cell.y + cell.h - textTop }, sizes, ops);
  const pitch = Math.max(14, sizes.base * 2);
  const freeTop = textTop + textH + (textH ? 6 : 0);
  if (cell.y + cell.h - freeTop >= pitch) ops.push(...ruledLines({ x: column.x, y: freeTop, w: column.w, h: cell.y + cell.h - freeTop }, pitch));
  const under = { x: cell.x, y: cell.y + fh + 10, w: fw, h: cell.h - fh - 10 };
  if (under.h >= pitch * 3) ops.push(...ruledLines(under, pitch));
  return ops;
}
