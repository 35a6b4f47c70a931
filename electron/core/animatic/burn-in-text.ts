import { BURN_IN_FONTS, type BurnInRole, type PlacedText } from '../../../shared/domain/burn-in-layout';
import { paragraphDirection, visualPieces } from '../../../shared/text/bidi';
import { FontBook, locateFontsDir } from '../export/pdf/text/font-book';
import { splitRuns, type FaceRun } from '../export/pdf/text/runs';

/**
 * Burn-in text drawn as glyph outlines from the bundled fonts (fontkit), never through librsvg's
 * fontconfig: the same fonts, shaping and kerning the player's canvas uses, on any machine.
 */
let book: FontBook | null = null;

function burnInBook(): FontBook {
  book ??= new FontBook(locateFontsDir(), { regular: BURN_IN_FONTS.regular, bold: BURN_IN_FONTS.bold, italic: BURN_IN_FONTS.regular });
  return book;
}

/**
 * splitRuns, with spaces in the first font that has them, as browsers pick fonts: Hebrew words in
 * DejaVu Sans keep Noto Sans's narrower spaces between them in the player, so they do here too.
 */
function faceRuns(role: BurnInRole, text: string): FaceRun[] {
  const b = burnInBook();
  const space = b.faceFor(role, 0x20);
  return splitRuns(b, role, text).flatMap((r) =>
    r.face === space ? [r] : r.text.split(/( +)/).filter(Boolean).map((t) => ({ face: t.startsWith(' ') ? space : r.face, text: t })),
  );
}

const widths = new Map<string, number>();

/** Width in em of text in a role's fonts, shaped (kerning and ligatures, as the browser measures). */
export function measureBurnIn(role: BurnInRole, text: string): number {
  const key = `${role}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    w = 0;
    for (const r of faceRuns(role, text)) w += r.face.font.layout(r.text).advanceWidth / r.face.font.unitsPerEm;
    if (widths.size > 20_000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The SVG of placed burn-in text, shifted by (-dx, -dy): a black box, then each line's glyphs in visual
 * order (bidi runs, right-to-left ones reversed by fontkit), each glyph outline defined once.
 */
export function burnInSvg(t: PlacedText, role: BurnInRole, dx: number, dy: number): string {
  const defs = new Map<string, string>();
  const uses: string[] = [];
  for (const line of t.lines) {
    let x = line.x - dx;
    const y = line.baseline - dy;
    for (const run of visualPieces([{ text: line.text }], paragraphDirection(line.text))) {
      const runs = faceRuns(role, run.text);
      if (run.rtl) runs.reverse();
      for (const fr of runs) {
        const font = fr.face.font;
        const k = t.size / font.unitsPerEm;
        const shaped = font.layout(fr.text, [], undefined, undefined, run.rtl ? 'rtl' : 'ltr');
        shaped.glyphs.forEach((g, i) => {
          const pos = shaped.positions[i];
          const id = `${fr.face.key}-${g.id}`;
          if (!defs.has(id)) defs.set(id, g.path.toSVG());
          if (defs.get(id)) uses.push(`<use href="#${id}" transform="translate(${num(x + pos.xOffset * k)} ${num(y - pos.yOffset * k)}) scale(${k} ${-k})"/>`);
          x += pos.xAdvance * k;
        });
      }
    }
  }
  const paths = [...defs].filter(([, d]) => d).map(([id, d]) => `<path id="${id}" d="${d}"/>`);
  const b = t.box;
  return (
    `<rect x="${num(b.x - dx)}" y="${num(b.y - dy)}" width="${num(b.w)}" height="${num(b.h)}" rx="${num(t.radius)}" fill="#000" fill-opacity="${t.alpha}"/>` +
    `<defs>${paths.join('')}</defs><g fill="#fff">${uses.join('')}</g>`
  );
}

/** Characters none of the burn-in fonts has (drawn as the primary font's box); joiners and selectors draw nothing. */
export function missingGlyphs(role: BurnInRole, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    if (!burnInBook().faceFor(role, cp).font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}
