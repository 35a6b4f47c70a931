import type { FontBook, FontRole } from './font-book';

/** What prints for an emoji no bundled font draws: a visible "cannot print this" mark rather than an empty box. */
export const EMOJI_FALLBACK = '\ufffd';

const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** Anything this module changes: pictographs, presentation selectors, ZWJ, skin tones, tag characters. */
const EMOJI_PARTS = /[\p{Extended_Pictographic}\ufe0e\ufe0f\u200d\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

/**
 * Emoji made printable with a monochrome font: presentation selectors (U+FE0E/FE0F), skin-tone
 * modifiers and tag characters are dropped, a ZWJ sequence prints as its parts, and a pictograph no
 * font has (emoji newer than the bundled Symbola) becomes EMOJI_FALLBACK. ZWJ elsewhere (Arabic,
 * Indic) is kept: it changes how letters join.
 */
export function printableEmoji(book: FontBook, role: FontRole, text: string): string {
  if (!EMOJI_PARTS.test(text)) return text;
  let out = '';
  let afterPictograph = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const pictograph = PICTOGRAPH.test(ch);
    if (cp === 0xfe0e || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f)) continue;
    if (cp === 0x200d && afterPictograph) continue;
    out += pictograph && !book.covers(role, cp) ? EMOJI_FALLBACK : ch;
    afterPictograph = pictograph;
  }
  return out;
}
