import type PDFDocument from 'pdfkit';
import type { DrawOp, PageModel } from '../model';
import type { Face, FontBook } from '../text/font-book';
import type { PreparedImage, PrintImages } from '../images/print-images';
import { placePicture } from './picture-placement';
import { shapeRun } from '../text/shaping';
import { writeGlyphs } from './pdf-glyphs';

type Doc = InstanceType<typeof PDFDocument> & { openImage(src: Buffer): { width: number; height: number } };
type ImageOp = Extract<DrawOp, { op: 'image' }>;

/** Draws page models into a pdfkit document: fonts registered once, each picture embedded once. */
export class PdfPainter {
  private readonly doc: Doc;
  private readonly embedded = new Map<string, { width: number; height: number }>();
  private readonly faces: Map<string, Face>;

  constructor(
    doc: InstanceType<typeof PDFDocument>,
    book: FontBook,
    private readonly images: PrintImages,
  ) {
    this.doc = doc as Doc;
    // pdfkit accepts a fontkit font object as a font source (it embeds a subset of the glyphs used).
    for (const face of book.allFaces()) this.doc.registerFont(face.key, face.font as unknown as Buffer);
    this.faces = new Map(book.allFaces().map((f) => [f.key, f]));
  }

  /** Starts downscaling the pictures of a page that will be drawn soon. */
  prefetch(page: PageModel): void {
    for (const op of page.ops) if (op.op === 'image') void this.images.get(op.key, op.px);
  }

  async paint(page: PageModel): Promise<void> {
    const imageOps = page.ops.filter((o): o is ImageOp => o.op === 'image');
    const prepared = await Promise.all(imageOps.map((o) => this.images.get(o.key, o.px)));
    const byOp = new Map(imageOps.map((o, i) => [o, prepared[i]]));
    const doc = this.doc;
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    for (const op of page.ops) {
      switch (op.op) {
        case 'rect':
          if (op.fill) doc.rect(op.x, op.y, op.w, op.h).fill(op.fill);
          if (op.stroke) doc.lineWidth(op.lineWidth ?? 1).rect(op.x, op.y, op.w, op.h).stroke(op.stroke);
          break;
        case 'path':
          this.path(op);
          break;
        case 'image':
          this.image(op, byOp.get(op) ?? null);
          break;
        case 'text':
          for (const r of op.runs) {
            const face = this.faces.get(r.face);
            if (face) writeGlyphs(doc, r.face, op.size, r.color, op.x + r.dx, op.y, shapeRun(face, r.text, r.rtl === true));
          }
          break;
      }
    }
  }

  private path(op: Extract<DrawOp, { op: 'path' }>): void {
    const doc = this.doc;
    doc.save();
    if (op.opacity !== undefined) doc.opacity(op.opacity);
    doc.lineJoin('round').lineCap('round').lineWidth(op.lineWidth ?? 1);
    if (op.dash) doc.dash(op.dash[0], { space: op.dash[1] });
    // One content-stream write for the whole outline (pdfkit would write one line per point).
    const n = (v: number) => Math.round(v * 100) / 100;
    const [first, ...rest] = op.points;
    doc.addContent(`${n(first[0])} ${n(first[1])} m ${rest.map((p) => `${n(p[0])} ${n(p[1])} l`).join(' ')}${op.closed ? ' h' : ''}`);
    if (op.fill && op.stroke) doc.fillAndStroke(op.fill, op.stroke);
    else if (op.fill) doc.fill(op.fill);
    else if (op.stroke) doc.stroke(op.stroke);
    doc.restore();
  }

  private image(op: ImageOp, img: PreparedImage | null): void {
    const doc = this.doc;
    if (!img) {
      doc.rect(op.x, op.y, op.w, op.h).fill(op.background === '#ffffff' ? '#ffffff' : '#eef0f3');
      return;
    }
    const place = placePicture(op, img.width, img.height);
    if (!place || place.bars) doc.rect(op.x, op.y, op.w, op.h).fill(op.background);
    if (!place) return;
    const id = `${op.key}@${op.px}`;
    let pdfImage = this.embedded.get(id);
    if (!pdfImage) {
      pdfImage = doc.openImage(img.data);
      this.embedded.set(id, pdfImage);
    }
    const { image: r, clip } = place;
    if (clip) doc.save().rect(clip.x, clip.y, clip.w, clip.h).clip();
    doc.image(pdfImage as never, r.x, r.y, { width: r.w, height: r.h });
    if (clip) doc.restore();
  }
}
