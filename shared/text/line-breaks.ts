/**
 * Line-break opportunities: after spaces, after hyphens and slashes between words, and around each
 * Chinese/Japanese/Korean character, except before closing punctuation and small kana or after opening
 * brackets (the basic Japanese kinsoku rules).
 */
export interface Piece {
  /** The unbreakable part. */
  text: string;
  /** Whitespace after it: a break may go here, and it is dropped at the end of a line. */
  space: string;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';
const isWide = (cp: number) =>
  (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x2fa1f);
const NO_BREAK_BEFORE = new Set([...'、。，．・：；？！ー」』）〕］｝〉》〙〗】ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜～,.;:!?)]}…']);
const NO_BREAK_AFTER = new Set([...'「『（〔［｛〈《〘〖【([{']);

export function breakPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let cur: Piece | null = null;
  let breakNext = false;
  for (const ch of text) {
    if (isSpace(ch)) {
      if (cur) cur.space += ch;
      else pieces.push((cur = { text: '', space: ch }));
      breakNext = false;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    const wide = isWide(cp);
    const last = cur?.text.slice(-1) ?? '';
    const canBreak = cur !== null && !NO_BREAK_BEFORE.has(ch) && !NO_BREAK_AFTER.has(last) && (breakNext || wide);
    if (!cur || cur.space !== '' || canBreak) pieces.push((cur = { text: ch, space: '' }));
    else cur.text += ch;
    breakNext = wide || ((ch === '-' || ch === '/' || ch === '—') && cur.text.length > 1);
  }
  return pieces;
}
