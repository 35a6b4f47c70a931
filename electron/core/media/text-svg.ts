import { BURN_IN_FONTS } from '../../../shared/domain/burn-in-layout';
import type { Stroke } from '../../../shared/domain/sketch';
import { textLines, textSizePx } from '../../../shared/domain/sketch-text';
import { paragraphDirection, visualPieces } from '../../../shared/text/bidi';
import { FontBook, locateFontsDir } from '../export/pdf/text/font-book';
import { splitRuns } from '../export/pdf/text/runs';

/**
 * Text strokes as glyph outlines from the bundled fonts (fontkit), never through librsvg's fontconfig:
 * the fonts the panel editor's canvas sets them in (the burn-ins' regular chain), on any machine.
 */
let book: FontBook | null = null;
const fonts = () => (book ??= new FontBook(locateFontsDir(), { regular: BURN_IN_FONTS.regular, bold: BURN_IN_FONTS.bold, italic: BURN_IN_FONTS.regular }));

const num = (n: number) => String(Math.round(n * 100) / 100);

/** The glyph outlines of a text stroke on a width x height frame: one SVG path element per glyph, placed. */
export function textPaths(stroke: Pick<Stroke, 'size' | 'points' | 'text'>, width: number, height: number): string[] {
  const size = textSizePx(stroke, width);
  const out: string[] = [];
  for (const line of textLines(stroke, width, height)) {
    if (!line.text) continue;
    let x = line.x;
    for (const piece of visualPieces([{ text: line.text }], paragraphDirection(line.text))) {
      const runs = splitRuns(fonts(), 'regular', piece.text);
      if (piece.rtl) runs.reverse();
      for (const run of runs) {
        const font = run.face.font;
        const k = size / font.unitsPerEm;
        const shaped = font.layout(run.text, [], undefined, undefined, piece.rtl ? 'rtl' : 'ltr');
        shaped.glyphs.forEach((g, i) => {
          const pos = shaped.positions[i];
          const d = g.path.toSVG();
          if (d) out.push(`<path transform="translate(${num(x + pos.xOffset * k)} ${num(line.y - pos.yOffset * k)}) scale(${k} ${-k})" d="${d}"/>`);
          x += pos.xAdvance * k;
        });
      }
    }
  }
  return out;
}

/** A text stroke as an SVG group in its colour and opacity. */
export function textSvg(stroke: Stroke, width: number, height: number, colour: string, opacity: number): string {
  const paths = textPaths(stroke, width, height);
  if (paths.length === 0) return '';
  const alpha = opacity < 1 ? ` opacity="${num(opacity)}"` : '';
  return `<g${alpha} fill="${colour}">${paths.join('')}</g>`;
}
