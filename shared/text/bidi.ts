import bidiFactory from 'bidi-js';

/** Unicode bidirectional algorithm (UAX #9) for printed text: paragraph direction, then visual order per line. */
export type Direction = 'ltr' | 'rtl';

const bidi = bidiFactory();

/**
 * Characters that can make anything right-to-left: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
 * Mandaic and their presentation forms, the RTL historic scripts, and RLM/ALM and the RTL embedding,
 * override and isolate controls. Text without any is left-to-right throughout, and skips the algorithm.
 */
const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u061c\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export const hasRtl = (text: string): boolean => RTL_CHARS.test(text);

/** Two UTF-16 units of the same bidi class, standing in for a character outside the BMP. */
const STAND_IN: Record<string, string> = { L: 'aa', R: '\u05d0\u05d0', AL: '\u0627\u0627', EN: '00', AN: '\u0660\u0660', NSM: '\u0300\u0300', BN: '\u200b\u200b' };

/**
 * bidi-js classifies UTF-16 units, so both halves of an emoji would count as strong left-to-right
 * letters; each astral character is replaced, index for index, by stand-ins of its own class.
 */
const forBidi = (text: string) => text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, (pair) => STAND_IN[bidi.getBidiCharTypeName(pair)] ?? '!!');

/** A paragraph's direction from its first strong character (rules P2-P3); left-to-right when it has none. */
export function paragraphDirection(text: string): Direction {
  if (!hasRtl(text)) return 'ltr';
  return bidi.getEmbeddingLevels(forBidi(text), 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr';
}

/** A stretch of a line in visual order: `text` is logical (mirrored where right-to-left), to be shaped in `rtl` direction. */
export interface VisualPiece<T> {
  span: T;
  text: string;
  rtl: boolean;
}

/**
 * Reorders one line of a paragraph of direction `dir` for display (rules L1-L2), keeping each span's
 * style: returns pieces from left to right. Each piece stays in logical order inside; a right-to-left
 * piece's glyphs are reversed by shaping it right-to-left, so Arabic joins and marks stay in place.
 * Mirrored characters (brackets) are swapped in right-to-left pieces.
 */
export function visualPieces<T extends { text: string }>(spans: T[], dir: Direction): VisualPiece<T>[] {
  const full = spans.map((s) => s.text).join('');
  if (dir === 'ltr' && !hasRtl(full)) return spans.filter((s) => s.text).map((span) => ({ span, text: span.text, rtl: false }));
  const base = dir === 'rtl' ? 1 : 0;
  const levels = bidi.getEmbeddingLevels(forBidi(full), dir).levels.slice();
  // L1: whitespace at the end of the line takes the paragraph's level.
  for (let i = full.length - 1; i >= 0 && /\s/.test(full[i]); i--) levels[i] = base;
  const mirrored = bidi.getMirroredCharactersMap(full, levels);

  const pieces: (VisualPiece<T> & { level: number })[] = [];
  let offset = 0;
  for (const span of spans) {
    let current: (VisualPiece<T> & { level: number }) | null = null;
    for (const ch of span.text) {
      const level = levels[offset];
      const out = mirrored.get(offset) ?? ch;
      offset += ch.length;
      if (current && current.level === level) current.text += out;
      else pieces.push((current = { span, text: out, rtl: (level & 1) === 1, level }));
    }
  }
  // L2: from the highest level down to the lowest odd one, reverse every run of pieces at that level or above.
  const max = Math.max(base, ...pieces.map((p) => p.level));
  const minOdd = Math.min(...pieces.map((p) => p.level | 1));
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < pieces.length; i++) {
      if (pieces[i].level < level) continue;
      let j = i;
      while (j + 1 < pieces.length && pieces[j + 1].level >= level) j++;
      pieces.splice(i, j - i + 1, ...pieces.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return pieces.map(({ span, text, rtl }) => ({ span, text, rtl }));
}
