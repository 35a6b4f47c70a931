/**
 * Text-level passes before line classification: line endings, boneyard, notes.
 * Notes are replaced by placeholders (NOTE_OPEN index NOTE_CLOSE) so a multi-line note collapses
 * into one spot that the line classifier can lift out of whatever element holds it.
 */
import { MAX_NOTES, ScriptTooLong } from '../messages';

export const NOTE_OPEN = '\uE000';
export const NOTE_CLOSE = '\uE001';
export const NOTE_PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** CRLF and lone CR to LF; the private-use characters used as placeholders removed from the input. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\uE000\uE001]/g, '');
}

/** A blank line ends an element. A line of two or more spaces does not: it is Fountain's deliberate empty line. */
export const isBlankLine = (line: string) => line.trim() === '' && !/^ {2,}$/.test(line);

/**
 * Removes `/* … *\/` spans, across lines and inline. A span that fills its lines is removed with
 * its line break, so it leaves no blank line behind. An unclosed `/*` is kept as text (losing the rest
 * of the script to a typo is worse).
 */
export function removeBoneyard(text: string): string {
  if (text.indexOf('/*') < 0) return text;
  let out = '';
  let pos = 0;
  for (;;) {
    const open = text.indexOf('/*', pos);
    if (open < 0) break;
    const close = text.indexOf('*/', open + 2);
    if (close < 0) break;
    let end = close + 2;
    let start = open;
    // Whole-line check scans only the spaces next to the span, so many spans on one line stay linear.
    let a = open;
    while (a > pos && (text[a - 1] === ' ' || text[a - 1] === '\t')) a--;
    let b = end;
    while (b < text.length && (text[b] === ' ' || text[b] === '\t')) b++;
    if ((a === 0 || (a > pos && text[a - 1] === '\n')) && (b === text.length || text[b] === '\n')) {
      start = a;
      end = b === text.length ? b : b + 1;
    }
    out += text.slice(pos, start);
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * Replaces `[[notes]]` with placeholders; returns the note texts. A note may span lines but not a blank
 * line (an empty line inside a note is written as two spaces); otherwise `[[` is plain text.
 */
export function extractNotes(text: string): { text: string; notes: string[] } {
  if (text.indexOf('[[') < 0) return { text, notes: [] };
  const blanks: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (isBlankLine(line)) blanks.push(lineStart);
    lineStart += line.length + 1;
  }
  const notes: string[] = [];
  let out = '';
  let pos = 0;
  let b = 0;
  let nextClose = -2;
  for (;;) {
    const open = text.indexOf('[[', pos);
    if (open < 0) break;
    if (nextClose !== -1 && nextClose < open + 2) nextClose = text.indexOf(']]', open + 2);
    if (nextClose < 0) break;
    while (b < blanks.length && blanks[b] <= open) b++;
    if (b < blanks.length && blanks[b] < nextClose) {
      out += text.slice(pos, open + 2);
      pos = open + 2;
      continue;
    }
    const body = text
      .slice(open + 2, nextClose)
      .split('\n')
      .map((l) => l.trim())
      .join('\n')
      .trim();
    out += text.slice(pos, open);
    if (body) {
      if (notes.length >= MAX_NOTES) throw new ScriptTooLong(`over ${MAX_NOTES.toLocaleString('en')} notes`);
      out += `${NOTE_OPEN}${notes.length}${NOTE_CLOSE}`;
      notes.push(body);
    }
    pos = nextClose + 2;
  }
  return { text: out + text.slice(pos), notes };
}
