import sharp from 'sharp';
import type { PdfBoardOptions, PdfPreview } from '../../../../shared/domain/export';
import type { Project } from '../../project';
import { PrintImages, type PreparedImage } from './images/print-images';
import type { DrawOp } from './model';
import { planBoards } from './prepare';
import { pageSvg } from './render/svg-page';
import { fontBook } from './text/font-book';

/** Preview pages are this many pixels on their long side. */
const PREVIEW_PX = 1100;

/**
 * The first pages of the boards as PNG data URLs, drawn from the same page models as the PDF (fonts
 * as glyph outlines, pictures from thumbnails where they are big enough).
 */
export async function renderPreview(project: Project, options: PdfBoardOptions, pages: number): Promise<PdfPreview> {
  const plan = await planBoards(project, options);
  const { doc } = plan;
  const images = new PrintImages(project.db, project.path, plan.extra, { allowThumbnails: true, quality: 80 });
  const out: PdfPreview['pages'] = [];
  for (let i = 0; i < Math.min(pages, doc.pageCount); i++) {
    const page = doc.page(i);
    const scale = PREVIEW_PX / Math.max(page.width, page.height);
    const prepared = new Map<DrawOp, PreparedImage | null>();
    await Promise.all(
      page.ops.map(async (op) => {
        if (op.op === 'image') prepared.set(op, await images.get(op.key, Math.ceil(Math.max(op.w, op.h) * scale * 1.5)));
      }),
    );
    const png = await sharp(Buffer.from(pageSvg(page, fontBook(), prepared, scale))).png({ compressionLevel: 6 }).toBuffer({ resolveWithObject: true });
    out.push({ dataUrl: `data:image/png;base64,${png.data.toString('base64')}`, width: png.info.width, height: png.info.height });
  }
  void images.close();
  return { pages: out, pageCount: doc.pageCount, panelCount: doc.panelCount };
}
