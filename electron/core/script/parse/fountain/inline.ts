/**
 * Fountain inline markup to plain text: emphasis markers (`*italic*`, `**bold**`, `***bold italic***`,
 * `_underline_`) removed, `\` escapes resolved. Works on one line (emphasis never crosses lines).
 * Like Markdown, an opener must be followed and a closer preceded by a non-space, so
 * "He dialed *69 and then *23" keeps its asterisks. Linear time: a closer looks back at most
 * LOOKBACK unmatched openers.
 */
const LOOKBACK = 32;
const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\u00a0';
const isPunct = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);

interface Run {
  piece: number;
  ch: string;
  len: number;
}

export function plainLine(line: string): string {
  if (line.indexOf('*') < 0 && line.indexOf('_') < 0 && line.indexOf('\\') < 0) return line;
  const pieces: string[] = [];
  const openers: Run[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === '\\' && i + 1 < line.length && isPunct(line[i + 1])) {
      pieces.push(line[i + 1]);
      i += 2;
      continue;
    }
    if (c !== '*' && c !== '_') {
      let j = i + 1;
      while (j < line.length && line[j] !== '*' && line[j] !== '_' && line[j] !== '\\') j++;
      pieces.push(line.slice(i, j));
      i = j;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] === c) j++;
    const run: Run = { piece: pieces.length, ch: c, len: j - i };
    pieces.push(line.slice(i, j));
    const canOpen = !isSpace(line[j]);
    const canClose = !isSpace(line[i - 1]);
    let closed = false;
    if (canClose) {
      for (let k = openers.length - 1; k >= Math.max(0, openers.length - LOOKBACK); k--) {
        const o = openers[k];
        if (o.ch === run.ch && o.len === run.len) {
          pieces[o.piece] = '';
          pieces[run.piece] = '';
          openers.length = k;
          closed = true;
          break;
        }
      }
    }
    if (!closed && canOpen) {
      openers.push(run);
      if (openers.length > LOOKBACK * 4) openers.splice(0, openers.length - LOOKBACK); // older ones can never match
    }
    i = j;
  }
  return pieces.join('');
}

/** plainLine on every line of a multi-line text. */
export const plainText = (text: string) => (text.indexOf('\n') < 0 ? plainLine(text) : text.split('\n').map(plainLine).join('\n'));
