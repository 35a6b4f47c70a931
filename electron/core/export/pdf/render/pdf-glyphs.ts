import type PDFDocument from 'pdfkit';
import type { ShapedRun } from '../text/shaping';

/** The parts of pdfkit's embedded font (a fontkit subset being built) that writing glyphs by id needs. */
interface EmbeddedFont {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

type Doc = InstanceType<typeof PDFDocument> & {
  _font: EmbeddedFont;
  page: InstanceType<typeof PDFDocument>['page'] & { fonts: Record<string, unknown>; height: number };
};

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * Writes already shaped glyphs at baseline (x, y), top-left origin, in the registered font `face`.
 * pdfkit's own text() shapes word by word in logical order, which scrambles right-to-left lines; here
 * the glyphs (visual order, joining forms chosen) go into the content stream as they are, each mapped
 * back to its characters so text extraction and search still read the words.
 */
export function writeGlyphs(pdf: InstanceType<typeof PDFDocument>, face: string, size: number, color: string, x: number, y: number, run: ShapedRun): void {
  if (run.glyphs.length === 0) return;
  const doc = pdf as Doc;
  doc.font(face).fillColor(color);
  const font = doc._font;
  doc.page.fonts[font.id] ??= font.ref();
  const k = size / 1000; // glyph space (1/1000 em) to points
  const base = doc.page.height - y;
  const ops: string[] = ['BT', `/${font.id} ${num(size)} Tf`];
  let pen = 0; // in 1/1000 em
  let array: string[] | null = null;
  const flush = () => {
    if (array) ops.push(`[${array.join(' ')}] TJ`);
    array = null;
  };
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i];
    const gid = font.subset.includeGlyph(glyph.id);
    font.widths[gid] ??= glyph.advanceWidth * font.scale;
    font.unicode[gid] ??= glyph.codePoints;
    const hex = `<${gid.toString(16).padStart(4, '0')}>`;
    const dx = pos.xOffset * font.scale;
    const dy = pos.yOffset * font.scale;
    // A glyph moved off the pen (a vowel mark) is placed on its own; the next glyph starts a new array.
    if (dx || dy || !array) {
      flush();
      ops.push(`1 0 0 1 ${num(x + (pen + dx) * k)} ${num(base + dy * k)} Tm`);
      array = [];
    }
    array!.push(hex);
    const advance = pos.xAdvance * font.scale;
    const adjust = font.widths[gid] - advance;
    if (Math.abs(adjust) > 1e-3) array!.push(num(adjust));
    if (dx || dy) flush();
    pen += advance;
  });
  flush();
  ops.push('ET');
  // pdfkit draws with a top-left origin; text is written in PDF's own bottom-left space.
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  doc.addContent(ops.join('\n'));
  doc.restore();
}
