import { SHOT_LIST_COLUMNS, type ShotListOptions } from '../../../../shared/domain/export';
import { INK, type Box, type DrawOp, type PageModel } from '../pdf/model';
import { pageFrame } from '../pdf/layout/geometry';
import { footerOps, headerOps } from '../pdf/layout/header';
import { formatDuration } from '../pdf/layout/panel-text';
import type { FontBook, FontRole } from '../pdf/text/font-book';
import { fitText } from '../pdf/text/fit';
import type { Span } from '../pdf/text/wrap';
import type { ShotRow } from './rows';

type Column = (typeof SHOT_LIST_COLUMNS)[number];

/** Relative column widths: the three text columns take most of the page. */
const WIDTHS: Record<Column, number> = {
  Scene: 4.5, Shot: 5.5, Size: 5.5, Angle: 7, Lens: 5, Move: 7.5, Duration: 5, Description: 22, Dialogue: 17.5, Notes: 13.5, Status: 7,
};
const HEAD_LABEL: Partial<Record<Column, string>> = { Duration: 'Dur.' };
const STATUS_COLOR: Record<string, string> = { approved: '#15803d', review: '#b45309', draft: INK.muted };
const SIZE = 8;
const HEAD_SIZE = 7;
const PAD_X = 4;
const PAD_Y = 3.5;

function cellValue(r: ShotRow, c: Column): { text: string; role: FontRole; color: string } {
  const plain = (text: string, role: FontRole = 'regular', color: string = INK.text) => ({ text, role, color });
  switch (c) {
    case 'Scene': return plain(String(r.scene), 'regular', INK.muted);
    case 'Shot': return plain(r.shot, 'bold');
    case 'Size': return plain(r.size);
    case 'Angle': return plain(r.angle);
    case 'Lens': return plain(r.lensMm ? `${r.lensMm}mm` : '');
    case 'Move': return plain(r.move);
    case 'Duration': return plain(formatDuration(r.durationMs));
    case 'Description': return plain(r.description);
    case 'Dialogue': return plain(r.dialogue, 'italic');
    case 'Notes': return plain(r.notes, 'regular', INK.muted);
    case 'Status': return plain(r.status, 'regular', STATUS_COLOR[r.status] ?? INK.muted);
  }
}

const shift = (ops: DrawOp[], dy: number): DrawOp[] =>
  ops.map((o) => (o.op === 'path' ? { ...o, points: o.points.map(([x, y]) => [x, y + dy] as [number, number]) } : { ...o, y: o.y + dy }));

interface Block {
  height: number;
  /** Ops laid out with the block's top at y = 0. */
  ops: DrawOp[];
}

/**
 * The shot list as a table: a header row repeated on every page, a band per scene (repeated with
 * "(continued)" when a scene runs over a page), wrapped cells, rows never split across pages.
 */
export function shotListPages(book: FontBook, title: string, rows: ShotRow[], options: ShotListOptions & { date: string }): PageModel[] {
  const frame = pageFrame(options.paper, options.orientation, options.footer !== null);
  const body = frame.body;
  const total = Object.values(WIDTHS).reduce((a, b) => a + b, 0);
  const cols: (Box & { c: Column })[] = [];
  let x = body.x;
  for (const c of SHOT_LIST_COLUMNS) {
    const w = (WIDTHS[c] / total) * body.w;
    cols.push({ c, x, y: 0, w, h: 0 });
    x += w;
  }
  const lineBox = (size: number) => (book.ascent + book.descent) * size;

  const headRow: Block = (() => {
    const h = lineBox(HEAD_SIZE) + 2 * PAD_Y;
    const ops: DrawOp[] = [{ op: 'rect', x: body.x, y: 0, w: body.w, h, fill: INK.tint }];
    for (const col of cols) {
      const label = (HEAD_LABEL[col.c] ?? col.c).toUpperCase();
      ops.push(...fitText(book, [[{ text: label, role: 'bold', color: INK.muted }]], { x: col.x + PAD_X, y: PAD_Y, w: col.w - 2 * PAD_X, h: lineBox(HEAD_SIZE) }, { size: HEAD_SIZE, minSize: 5.5, maxLines: 1 }).ops);
    }
    ops.push({ op: 'path', points: [[body.x, h], [body.x + body.w, h]], stroke: INK.text, lineWidth: 0.8 });
    return { height: h, ops };
  })();

  const sceneBand = (r: ShotRow, continued: boolean): Block => {
    const h = lineBox(8.5) + 2 * PAD_Y + 4;
    const spans: Span[] = [{ text: `SCENE ${r.scene}`, role: 'bold', color: INK.accent }, { text: `  ${r.sceneHeading}`, role: 'bold', color: INK.text }];
    if (continued) spans.push({ text: '  (continued)', role: 'bold', color: INK.faint });
    return { height: h, ops: fitText(book, [spans], { x: body.x + PAD_X, y: PAD_Y + 4, w: body.w - 2 * PAD_X, h: lineBox(8.5) }, { size: 8.5, minSize: 6.5, maxLines: 1 }).ops };
  };

  const maxRow = body.h - headRow.height - sceneBand(rows[0], true).height;
  const rowBlock = (r: ShotRow): Block => {
    const ops: DrawOp[] = [];
    let h = 0;
    for (const col of cols) {
      const v = cellValue(r, col.c);
      const fit = fitText(book, [[v]], { x: col.x + PAD_X, y: PAD_Y, w: col.w - 2 * PAD_X, h: maxRow - 2 * PAD_Y }, { size: SIZE, minSize: SIZE - 1.5, lineHeight: 1.22, align: 'start' });
      ops.push(...fit.ops);
      h = Math.max(h, fit.height);
    }
    const height = Math.max(h, lineBox(SIZE)) + 2 * PAD_Y;
    ops.push({ op: 'path', points: [[body.x, height], [body.x + body.w, height]], stroke: INK.hairline, lineWidth: 0.6 });
    return { height, ops };
  };

  const pages: DrawOp[][] = [];
  let ops: DrawOp[] = [];
  let y = 0;
  const place = (b: Block) => {
    ops.push(...shift(b.ops, y));
    y += b.height;
  };
  const newPage = (r: ShotRow | null) => {
    ops = [];
    pages.push(ops);
    y = body.y;
    place(headRow);
    if (r) place(sceneBand(r, true));
  };
  newPage(null);
  let lastScene = -1;
  for (const r of rows) {
    const block = rowBlock(r);
    const band = r.scene !== lastScene ? sceneBand(r, false) : null;
    if (y + (band?.height ?? 0) + block.height > body.y + body.h) newPage(band ? null : r);
    if (band) place(band);
    place(block);
    lastScene = r.scene;
  }
  return pages.map((pageOps, i) => {
    const all = headerOps(book, frame.header, { title, scenes: [], subtitle: 'SHOT LIST', versionLabel: options.versionLabel, date: options.date, page: i + 1, pageCount: pages.length });
    all.push(...pageOps);
    if (frame.footer && options.footer) all.push(...footerOps(book, frame.footer, options.footer));
    return { width: frame.width, height: frame.height, ops: all };
  });
}
