import type { Token } from '../tokens';
import { plainLine } from './inline';
import { isBlankLine, NOTE_OPEN } from './preprocess';
import { FORCED_HEADING, HEADING, isCue, isTransition, PAGE_BREAK, SCENE_NUMBER, SECTION, SYNOPSIS } from './rules';

/**
 * Classifies Fountain body lines (title page, boneyard and notes already handled) into tokens.
 *
 * Departures from the letter of the spec, chosen for real scripts:
 * - A scene heading needs a blank line (or the start, a page break, a section) before it but not
 *   after: "INT. HOUSE - DAY" directly followed by action is still a heading, and the next line starts
 *   a new paragraph (so a cue may follow it directly).
 * - Notes never break an element: a note inside action or dialogue is lifted out and placed right
 *   after the element; a note alone in its paragraph stands where it is.
 */
interface Line {
  text: string;
  notes: string[];
  noteOnly: boolean;
  blank: boolean;
}

const NO_NOTES: string[] = [];
const NOTE_IN_LINE = /[ \t]*\uE000(\d+)\uE001/g;

function toLines(body: string, notes: string[]): Line[] {
  return body.split('\n').map((text) => {
    if (text.indexOf(NOTE_OPEN) < 0) return { text, notes: NO_NOTES, noteOnly: false, blank: isBlankLine(text) };
    const found: string[] = [];
    const rest = text.replace(NOTE_IN_LINE, (_, i: string) => {
      found.push(notes[Number(i)]);
      return '';
    });
    const noteOnly = rest.trim() === '';
    return { text: noteOnly ? '' : rest, notes: found, noteOnly, blank: false };
  });
}

/** For each line: is the next line that is not a lone note blank (or the end, or a page break)? */
function blankAfter(lines: Line[]): boolean[] {
  const out = new Array<boolean>(lines.length);
  let next = true;
  for (let i = lines.length - 1; i >= 0; i--) {
    out[i] = next;
    const l = lines[i];
    if (!l.noteOnly) next = l.blank || PAGE_BREAK.test(l.text);
  }
  return out;
}

const actionLine = (text: string) => plainLine(text.replace(/\t/g, '    ').trimEnd());

function trimEmptyEnds(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b).join('\n');
}

export function readBlocks(body: string, notes: string[]): Token[] {
  const lines = toLines(body, notes);
  const nextBlank = blankAfter(lines);
  const out: Token[] = [];
  let pending: string[] = [];
  let para = true;
  let mode: 'none' | 'action' | 'centered' | 'lyric' | 'dialogue' = 'none';
  let buf: string[] = [];

  const flush = () => {
    if (buf.length) {
      const text = trimEmptyEnds(buf);
      if (text) {
        if (mode === 'lyric') out.push({ t: 'lyric', text });
        else out.push({ t: 'action', text, centered: mode === 'centered' });
      }
    }
    buf = [];
    mode = 'none';
  };
  const flushNotes = () => {
    for (const text of pending) out.push({ t: 'note', text });
    pending = [];
  };
  const startBuffer = (m: 'action' | 'centered' | 'lyric') => {
    if (mode !== m) {
      flush();
      mode = m;
    }
  };

  const classify = (i: number, text: string) => {
    const s = text.trim();
    if (mode === 'dialogue') {
      if (s === '') out.push({ t: 'speech', text: '' });
      else if (s.startsWith('(') && s.endsWith(')')) out.push({ t: 'parenthetical', text: plainLine(s) });
      else if (s.startsWith('~')) out.push({ t: 'sung', text: plainLine(s.slice(1).trim()) });
      else out.push({ t: 'speech', text: plainLine(s) });
      return;
    }
    if (PAGE_BREAK.test(text)) {
      flush();
      flushNotes();
      out.push({ t: 'pagebreak' });
      para = true;
      return;
    }
    if (SYNOPSIS.test(text)) {
      flush();
      const synopsis = plainLine(s.slice(1).trim());
      if (synopsis) out.push({ t: 'synopsis', text: synopsis });
      para = true;
      return;
    }
    if (para && SECTION.test(text)) {
      flush();
      return;
    }
    if (para && (FORCED_HEADING.test(text) || HEADING.test(text))) {
      flush();
      flushNotes();
      let heading = FORCED_HEADING.test(text) ? s.slice(1) : s;
      let number: string | null = null;
      const m = SCENE_NUMBER.exec(heading);
      if (m) {
        number = m[1];
        heading = heading.slice(0, m.index);
      }
      out.push({ t: 'heading', text: plainLine(heading.trim()), number });
      para = true;
      return;
    }
    const wasPara = para;
    para = false;
    if (s.length >= 2 && s.startsWith('>') && s.endsWith('<')) {
      startBuffer('centered');
      buf.push(plainLine(s.slice(1, -1).trim()));
      return;
    }
    if (s.startsWith('>')) {
      flush();
      const t = plainLine(s.slice(1).trim());
      if (t) out.push({ t: 'transition', text: t });
      return;
    }
    if (s.startsWith('~')) {
      startBuffer('lyric');
      buf.push(plainLine(s.slice(1).trim()));
      return;
    }
    const forcedAction = s.startsWith('!');
    if (wasPara && !forcedAction && !nextBlank[i]) {
      const forced = s.startsWith('@');
      const dual = s.endsWith('^');
      const cue = (forced ? s.slice(1) : s).slice(0, dual ? -1 : undefined).trim();
      if (cue && (forced || isCue(cue))) {
        flush();
        out.push({ t: 'cue', cue: plainLine(cue), dual: dual ? 'right' : null });
        mode = 'dialogue';
        return;
      }
    }
    if (wasPara && !forcedAction && nextBlank[i] && isTransition(s)) {
      flush();
      out.push({ t: 'transition', text: plainLine(s) });
      return;
    }
    if (wasPara) flush();
    startBuffer('action');
    buf.push(actionLine(forcedAction ? text.replace(/^(\s*)!/, '$1') : text));
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.noteOnly) {
      if (mode === 'none' && para && nextBlank[i]) {
        flushNotes();
        for (const text of l.notes) out.push({ t: 'note', text });
      } else pending.push(...l.notes);
      continue;
    }
    if (l.blank) {
      flush();
      flushNotes();
      para = true;
      continue;
    }
    classify(i, l.text);
    if (l.notes.length) pending.push(...l.notes);
  }
  flush();
  flushNotes();
  return out;
}
