/**
 * Caption wrapping shared by the animatic player (canvas measureText) and the exporter (fontkit): both
 * measure with the same bundled fonts and break with the same rules, so they break at the same places.
 */
import { breakPieces } from './line-breaks';

/** Width of a string in em (at font size 1). */
export type Measure = (text: string) => number;

export const ELLIPSIS = '\u2026';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const splitGraphemes = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);

/** Control characters other than line breaks draw nothing (and no box). */
function clean(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u2028\u2029]/g, (c) => (c === '\t' ? ' ' : '\n'))
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Greedy breaking of one explicit line at `maxWidth` em; a piece wider than a line is cut between graphemes. */
function wrapLine(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  let space = '';
  for (const piece of breakPieces(text)) {
    if (piece.text === '') {
      space += piece.space;
      continue;
    }
    const candidate = line ? line + space + piece.text : piece.text;
    if (measure(candidate) <= maxWidth) line = candidate;
    else {
      if (line) lines.push(line);
      line = '';
      for (const g of splitGraphemes(piece.text)) {
        if (line && measure(line + g) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += g;
      }
    }
    space = piece.space;
  }
  if (line) lines.push(line);
  return lines;
}

/** The last kept line with an ellipsis: whole words (or CJK characters) dropped until it fits, graphemes only within a single word. */
function withEllipsis(line: string, maxWidth: number, measure: Measure): string {
  const trim = (s: string) => s.replace(/[\s.,;:、。，]+$/u, '');
  const fits = (s: string) => measure(trim(s) + ELLIPSIS) <= maxWidth;
  const pieces = breakPieces(line).map((p) => p.text + p.space);
  while (pieces.length > 1 && !fits(pieces.join(''))) pieces.pop();
  let parts = splitGraphemes(trim(pieces.join('')));
  while (parts.length > 0 && !fits(parts.join(''))) parts = parts.slice(0, -1);
  return trim(parts.join('')) + ELLIPSIS;
}

/**
 * Wraps a caption into at most `maxLines` lines no wider than `maxWidth` em: explicit line breaks are
 * kept (a character cue stays on its own line), blank lines are dropped, and text that does not fit ends
 * the last line with an ellipsis.
 */
export function wrapCaption(text: string, maxWidth: number, maxLines: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const hard of clean(text)) {
    lines.push(...wrapLine(hard, maxWidth, measure));
    if (lines.length > maxLines) break;
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1], maxWidth, measure);
  return kept;
}
