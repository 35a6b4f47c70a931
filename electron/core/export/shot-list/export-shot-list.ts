import fs from 'node:fs/promises';
import type { CsvColumn, ExportSummary, ShotListOptions } from '../../../../shared/domain/export';
import type { Project } from '../../project';
import { AtomicOutput } from '../../files/atomic-output';
import { exportContextCheck, requireExtension, writePdf, type ExportContext } from '../pdf/export-boards';
import { PrintImages } from '../pdf/images/print-images';
import { today } from '../pdf/prepare';
import { PdfPainter } from '../pdf/render/pdf-painter';
import { fontBook } from '../pdf/text/font-book';
import { shotListCsv } from './csv';
import { shotRows } from './rows';
import { shotListPages } from './table-layout';

/** Writes the shot list as CSV (atomically: the file appears whole or not at all). */
export async function exportShotListCsv(
  project: Project, target: string, options: Pick<ShotListOptions, 'selection'> & { columns?: readonly CsvColumn[] }, ctx: ExportContext = {},
): Promise<ExportSummary> {
  requireExtension(target, '.csv', 'A CSV export');
  const rows = shotRows(project.board(), options.selection);
  ctx.progress?.(0, rows.length);
  const written = await AtomicOutput.write(target, async (temp) => {
    await fs.writeFile(temp, shotListCsv(rows, options.columns), 'utf8');
    exportContextCheck(ctx);
  });
  ctx.progress?.(rows.length, rows.length);
  return { path: written, pages: 0, panels: rows.length };
}

/** Writes the shot list as a PDF table. */
export async function exportShotListPdf(project: Project, target: string, options: ShotListOptions, ctx: ExportContext = {}): Promise<ExportSummary> {
  requireExtension(target, '.pdf', 'A PDF export');
  const board = project.board();
  const rows = shotRows(board, options.selection);
  const footer = options.footer?.trim() ? options.footer.trim() : null;
  const pages = shotListPages(fontBook(), board.project.title, rows, { ...options, footer, date: options.date ?? today() });
  const written = await writePdf(target, { title: board.project.title, subject: 'Shot list' }, ctx, async (doc) => {
    const painter = new PdfPainter(doc, fontBook(), new PrintImages(project.db, null));
    for (let i = 0; i < pages.length; i++) {
      exportContextCheck(ctx);
      await painter.paint(pages[i]);
      ctx.progress?.(Math.round(((i + 1) / pages.length) * rows.length), rows.length);
    }
  });
  return { path: written, pages: pages.length, panels: rows.length };
}
