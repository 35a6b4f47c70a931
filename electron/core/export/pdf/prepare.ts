import sharp from 'sharp';
import { aspectValue } from '../../../../shared/domain/project';
import { MAX_COLS, MAX_PANELS_PER_PAGE, MAX_ROWS, type PdfBoardOptions } from '../../../../shared/domain/export';
import { CoreError } from '../../errors';
import type { Project } from '../../project';
import { BoardDocument } from './layout/board-document';
import { selectPanels } from './selection';
import { fontBook } from './text/font-book';

/** Today as YYYY-MM-DD in local time (what the person exporting sees on their calendar). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Fills defaults and rejects what no page can hold. */
export function normalizeOptions(o: PdfBoardOptions): PdfBoardOptions {
  const { cols, rows } = o.grid;
  if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1 || cols > MAX_COLS || rows > MAX_ROWS || cols * rows > MAX_PANELS_PER_PAGE) {
    throw new CoreError('BAD_INPUT', `A page holds 1x1 up to 4x3 panels (at most ${MAX_PANELS_PER_PAGE}); ${cols}x${rows} is not a layout.`);
  }
  return { ...o, footer: o.footer?.trim() ? o.footer.trim() : null, date: o.date ?? today(), versionLabel: o.versionLabel ?? '' };
}

export interface BoardPlan {
  doc: BoardDocument;
  /** Pictures that are not in the project (the cover logo), by image key. */
  extra: Map<string, Buffer>;
  title: string;
}

/** Reads the board, applies the selection and builds the document model; throws clear errors first. */
export async function planBoards(project: Project, options: PdfBoardOptions): Promise<BoardPlan> {
  const opts = normalizeOptions(options);
  const board = project.board();
  const scenes = selectPanels(board, opts.selection);
  const extra = new Map<string, Buffer>();
  const logo = opts.cover?.logoBase64;
  if (logo) {
    const bytes = Buffer.from(logo, 'base64');
    const meta = await sharp(bytes).metadata().catch(() => null);
    if (!meta?.width || !meta.height) throw new CoreError('NOT_AN_IMAGE', 'The cover logo is not an image Boardwright can read (use PNG or JPEG).');
    extra.set('logo', bytes);
  }
  const doc = new BoardDocument(fontBook(), {
    title: board.project.title, aspect: aspectValue(board.project.aspectRatio), scenes, options: opts, date: opts.date!, hasLogo: extra.has('logo'),
  });
  return { doc, extra, title: board.project.title };
}
