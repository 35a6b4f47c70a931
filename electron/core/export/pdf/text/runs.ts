import type { Face, FontBook, FontRole } from './font-book';

/** A piece of text drawn in one font. */
export interface FaceRun {
  face: Face;
  text: string;
}

/** Spaces, combining marks, variation selectors and joiners stay in the font of the text around them. */
const isAttached = (cp: number): boolean =>
  cp === 0x20 || cp === 0xa0 || (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
  (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) || cp === 0x200c || cp === 0x200d;

/**
 * Splits text into runs by the font that has each character's glyph: Latin in Noto Sans, then
 * DejaVu for symbols, the Indic and Thai fonts, and Droid Sans Fallback for Chinese, Japanese and Korean.
 */
export function splitRuns(book: FontBook, role: FontRole, text: string): FaceRun[] {
  const runs: FaceRun[] = [];
  let current: FaceRun | null = null;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face: Face = current && isAttached(cp) && current.face.font.hasGlyphForCodePoint(cp) ? current.face : book.faceFor(role, cp);
    if (current && current.face === face) current.text += ch;
    else {
      current = { face, text: ch };
      runs.push(current);
    }
  }
  return runs;
}

const advances = new WeakMap<Face, Map<number, number>>();
const shaped = new WeakMap<Face, Map<string, number>>();

/**
 * Width of `text` in `face` at size 1. Simple scripts add up advance widths (no kerning: never less
 * than what is drawn, so measured text always fits); complex scripts are shaped.
 */
export function measure(face: Face, text: string): number {
  const unit = 1 / face.font.unitsPerEm;
  if (face.complex) {
    let cache = shaped.get(face);
    if (!cache) shaped.set(face, (cache = new Map()));
    let w = cache.get(text);
    if (w === undefined) {
      w = face.font.layout(text).advanceWidth * unit;
      if (cache.size > 5000) cache.clear();
      cache.set(text, w);
    }
    return w;
  }
  let cache = advances.get(face);
  if (!cache) advances.set(face, (cache = new Map()));
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
    let a = cache.get(cp);
    if (a === undefined) {
      a = face.font.glyphForCodePoint(cp).advanceWidth * unit;
      cache.set(cp, a);
    }
    width += a;
  }
  return width;
}

/** Width of text in a role at size 1, across its fallback fonts. */
export function measureText(book: FontBook, role: FontRole, text: string): number {
  let w = 0;
  for (const r of splitRuns(book, role, text)) w += measure(r.face, r.text);
  return w;
}
