import type * as fontkit from 'fontkit';
import type { Face } from './font-book';

/** Glyphs of a run in drawing order (left to right), with fontkit's positions, in font units. */
export interface ShapedRun {
  glyphs: fontkit.Glyph[];
  positions: fontkit.GlyphPosition[];
  advanceWidth: number;
}

const cache = new WeakMap<Face, Map<string, fontkit.GlyphRun>>();

/** One word (or space) shaped by fontkit: Arabic joining forms, Indic and Thai reordering, marks, kerning. */
function shapeWord(face: Face, word: string, rtl: boolean): fontkit.GlyphRun {
  let words = cache.get(face);
  if (!words) cache.set(face, (words = new Map()));
  const key = (rtl ? '<' : '>') + word;
  let run = words.get(key);
  if (!run) {
    run = face.font.layout(word, [], undefined, undefined, rtl ? 'rtl' : 'ltr');
    if (words.size > 5000) words.clear();
    words.set(key, run);
  }
  return run;
}

/**
 * Shapes `text` (logical order) in `face`; a right-to-left run comes back in visual order. Shaping
 * never crosses a space in the scripts we print, so words are shaped (and cached) one at a time and
 * put in line order, reversed for right-to-left.
 */
export function shapeRun(face: Face, text: string, rtl: boolean): ShapedRun {
  const words = text.split(/( +)/).filter(Boolean).map((w) => shapeWord(face, w, rtl));
  if (rtl) words.reverse();
  const out: ShapedRun = { glyphs: [], positions: [], advanceWidth: 0 };
  for (const w of words) {
    out.glyphs.push(...w.glyphs);
    out.positions.push(...w.positions);
    out.advanceWidth += w.advanceWidth;
  }
  return out;
}
