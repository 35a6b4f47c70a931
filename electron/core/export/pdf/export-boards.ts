import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { ExportSummary, PdfBoardOptions } from '../../../../shared/domain/export';
import { CoreError } from '../../errors';
import { AtomicOutput } from '../../files/atomic-output';
import type { Project } from '../../project';
import type { PrintCache } from './images/print-cache';
import { PrintImages } from './images/print-images';
import type { PageModel } from './model';
import { planBoards } from './prepare';
import type { BoardDocument } from './layout/board-document';
import { PdfPainter } from './render/pdf-painter';
import { fontBook } from './text/font-book';
import { APP_VERSION } from '../../version';

/** Progress and cancellation, as the TaskRunner provides them (the CLI passes its own). */
export interface ExportContext {
  progress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Where print-size copies are cached between exports (default: the user's cache folder). */
  cache?: PrintCache;
  /** false: JPEGs decode as before shrink-on-load (the benchmark's baseline). */
  shrinkOnLoad?: boolean;
}

/** Pages laid out and pictures downscaled ahead of the page being written. */
const LOOKAHEAD = 3;

/** Throws CANCELLED when the user has cancelled. */
export function exportContextCheck(ctx: ExportContext): void {
  if (ctx.signal?.aborted) throw new CoreError('CANCELLED', 'The export was cancelled.');
}

export function requireExtension(target: string, ext: string, what: string): void {
  if (path.extname(target).toLowerCase() !== ext) throw new CoreError('BAD_INPUT', `${what} goes to a file ending in ${ext}, not "${path.basename(target)}".`);
}

/**
 * Streams a pdfkit document to `target` through an AtomicOutput: the file appears whole when the
 * last page is written, and a cancelled or failed export leaves nothing behind.
 */
export async function writePdf(
  target: string,
  meta: { title: string; subject: string },
  ctx: ExportContext,
  draw: (doc: InstanceType<typeof PDFDocument>) => Promise<void>,
): Promise<string> {
  return AtomicOutput.write(target, async (temp) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      font: null as unknown as string, // no default Helvetica: every font is embedded from assets/fonts
      compress: true,
      info: { Title: meta.title, Subject: meta.subject, Creator: `Boardwright ${APP_VERSION}` },
    });
    const out = fs.createWriteStream(temp);
    doc.pipe(out);
    try {
      await draw(doc);
      exportContextCheck(ctx);
      doc.end();
      await finished(out);
    } catch (e) {
      doc.unpipe(out);
      out.destroy();
      await once(out, 'close').catch(() => undefined);
      throw e;
    }
  });
}

/** Writes the PDF boards for `options` to `target`. */
export async function exportPdfBoards(project: Project, target: string, options: PdfBoardOptions, ctx: ExportContext = {}): Promise<ExportSummary> {
  requireExtension(target, '.pdf', 'A PDF export');
  const plan = await planBoards(project, options);
  const images = new PrintImages(project.db, project.path, plan.extra, { cache: ctx.cache, shrinkOnLoad: ctx.shrinkOnLoad });
  try {
    const written = await writePdf(target, { title: plan.title, subject: 'Storyboards' }, ctx, (doc) => writePages(doc, plan.doc, images, ctx));
    return { path: written, pages: plan.doc.pageCount, panels: plan.doc.panelCount };
  } finally {
    void images.close();
  }
}

/**
 * Lays out and paints the pages one at a time, a few pages of pictures downscaling ahead of the
 * page being written, yielding to the event loop between pages.
 */
async function writePages(doc: InstanceType<typeof PDFDocument>, board: BoardDocument, images: PrintImages, ctx: ExportContext): Promise<void> {
  const painter = new PdfPainter(doc, fontBook(), images);
  const ahead: PageModel[] = [];
  let next = 0;
  let done = 0;
  const total = board.panelCount;
  ctx.progress?.(0, total);
  for (let i = 0; i < board.pageCount; i++) {
    exportContextCheck(ctx);
    while (ahead.length < LOOKAHEAD && next < board.pageCount) {
      const page = board.page(next++);
      painter.prefetch(page);
      ahead.push(page);
    }
    await painter.paint(ahead.shift()!);
    done += board.panelsOn(i);
    ctx.progress?.(done, total);
    await new Promise((r) => setImmediate(r));
    // A slow disk: let the file catch up before producing more.
    while (doc.readableLength > 16 * 1024 * 1024) await new Promise((r) => setTimeout(r, 5));
  }
}
