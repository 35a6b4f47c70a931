import { visualPieces, type Direction } from '../../../../../shared/text/bidi';
import { printableEmoji } from './emoji';
import type { FontBook, FontRole } from './font-book';
import { measure, measureText, splitRuns } from './runs';
import { breakPieces } from './tokens';
import type { TextRun } from '../model';

/** A piece of styled text: a paragraph is a list of spans (e.g. a bold label, then plain text). */
export interface Span {
  text: string;
  role: FontRole;
  color: string;
  /** A field label ("Dialogue "): the paragraph's direction is taken from the text after it. */
  label?: boolean;
}

/** An unbreakable piece with its width at size 1 (em), and whether a forced line break follows. */
interface Token {
  text: string;
  space: string;
  role: FontRole;
  color: string;
  width: number;
  spaceWidth: number;
  breakAfter: boolean;
}

export interface Line {
  tokens: Token[];
  /** Width in em, trailing space excluded. */
  width: number;
  paragraph: number;
  /** A word too long for the line was cut in the middle here. */
  broken: boolean;
}

/** Measures a paragraph once; wrapping at any size then only adds widths. */
export function tokenize(book: FontBook, spans: Span[]): Token[] {
  const tokens: Token[] = [];
  for (const span of spans) {
    // Tabs print as spaces; other control characters have no glyph and are dropped.
    const clean = printableEmoji(book, span.role, span.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ''));
    const hardLines = clean.split('\n');
    hardLines.forEach((lineText, i) => {
      for (const p of breakPieces(lineText)) {
        tokens.push({
          text: p.text, space: p.space, role: span.role, color: span.color,
          width: measureText(book, span.role, p.text), spaceWidth: measureText(book, span.role, p.space), breakAfter: false,
        });
      }
      if (i < hardLines.length - 1) {
        if (tokens.length === 0 || tokens[tokens.length - 1].breakAfter) tokens.push({ text: '', space: '', role: span.role, color: span.color, width: 0, spaceWidth: 0, breakAfter: true });
        else tokens[tokens.length - 1].breakAfter = true;
      }
    });
  }
  return tokens;
}

/** Cuts a token wider than a line into pieces that fit, one code point at a time. */
function splitLong(book: FontBook, t: Token, maxWidth: number): Token[] {
  const out: Token[] = [];
  let text = '';
  for (const ch of t.text) {
    if (text && measureText(book, t.role, text + ch) > maxWidth) {
      out.push({ ...t, text, space: '', spaceWidth: 0, width: measureText(book, t.role, text), breakAfter: false });
      text = '';
    }
    text += ch;
  }
  out.push({ ...t, text, width: measureText(book, t.role, text) });
  return out;
}

/** Greedy line breaking of paragraphs at `maxWidth` em. */
export function wrap(book: FontBook, paragraphs: Token[][], maxWidth: number): Line[] {
  const lines: Line[] = [];
  paragraphs.forEach((tokens, paragraph) => {
    let line: Line = { tokens: [], width: 0, paragraph, broken: false };
    let pending = 0; // trailing space width of the line so far
    const push = () => {
      lines.push(line);
      line = { tokens: [], width: 0, paragraph, broken: false };
      pending = 0;
    };
    for (const token of tokens) {
      const pieces = token.width > maxWidth ? splitLong(book, token, maxWidth) : [token];
      if (pieces.length > 1) line.broken = true;
      for (const t of pieces) {
        if (line.tokens.length > 0 && line.width + pending + t.width > maxWidth) push();
        if (line.tokens.length === 0 && t.text === '' && !t.breakAfter) continue;
        line.tokens.push(t);
        line.width += pending + t.width;
        pending = t.spaceWidth;
        if (t.breakAfter) push();
      }
    }
    if (line.tokens.length > 0 || lines.length === 0 || lines[lines.length - 1].paragraph !== paragraph) push();
  });
  return lines;
}

/**
 * Turns a line's tokens into font runs at `size`, left to right as printed: the line is reordered by
 * the bidirectional algorithm for a paragraph of direction `dir` (wrapping happened in logical order),
 * and `suffix` (an ellipsis) is added at the logical end in the last token's style.
 */
export function lineRuns(book: FontBook, line: Line, size: number, suffix = '', dir: Direction = 'ltr'): { runs: TextRun[]; width: number } {
  const runs: TextRun[] = [];
  let x = 0;
  const styled: { text: string; role: FontRole; color: string }[] = [];
  line.tokens.forEach((t, i) => {
    const text = t.text + (i < line.tokens.length - 1 ? t.space : '');
    const last = styled[styled.length - 1];
    if (last && last.role === t.role && last.color === t.color) last.text += text;
    else styled.push({ text, role: t.role, color: t.color });
  });
  if (suffix) {
    const last = styled[styled.length - 1];
    if (last) last.text = last.text.replace(/\s+$/, '') + suffix;
  }
  for (const piece of visualPieces(styled, dir)) {
    const faceRuns = splitRuns(book, piece.span.role, piece.text);
    // A right-to-left piece's font runs follow each other from right to left.
    if (piece.rtl) faceRuns.reverse();
    for (const r of faceRuns) {
      const w = measure(r.face, r.text) * size;
      if (r.text) runs.push({ face: r.face.key, text: r.text, dx: x, color: piece.span.color, ...(piece.rtl ? { rtl: true } : {}) });
      x += w;
    }
  }
  return { runs, width: x };
}
