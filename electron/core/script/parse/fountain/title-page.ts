import type { TitleEntry } from '../model';
import { plainLine } from './inline';
import { HEADING } from './rules';

/**
 * The Fountain title page: `Key: value` lines at the very start, up to the first blank line. Keys
 * may contain spaces and may be any word (unknown keys are kept); a value may continue on indented
 * lines. The block counts as a title page only when every line
 * fits, no key looks like a scene heading, and it has a known key (Title, Credit, Author…) or two
 * keys with values: so a script that opens with `FADE IN:` or `Later: the house burns.` keeps it.
 */
const KNOWN = new Set(['title', 'credit', 'author', 'authors', 'source', 'draft date', 'date', 'contact', 'copyright', 'notes', 'revision']);
const KEY_LINE = /^([^\s:][^:]{0,59}):[ \t]*(.*)$/;
/** The spec asks for 3+ spaces or a tab; any indentation is accepted, as editors differ. */
const CONTINUATION = /^[ \t]+\S/;

export function splitTitlePage(text: string): { entries: TitleEntry[]; body: string } {
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl < 0 ? text.length : nl);
    if (line.trim() !== '') break;
    start = nl < 0 ? text.length : nl + 1;
  }
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = start;
  const m = blank.exec(text);
  const end = m ? m.index : text.length;
  const block = text.slice(start, end).split('\n');
  if (!KEY_LINE.test(block[0] ?? '')) return { entries: [], body: text };

  const entries: { key: string; lines: string[] }[] = [];
  for (const line of block) {
    const key = KEY_LINE.exec(line);
    if (key && !CONTINUATION.test(line)) {
      if (HEADING.test(line)) return { entries: [], body: text };
      entries.push({ key: key[1].trim(), lines: key[2].trim() ? [key[2].trim()] : [] });
    } else if (CONTINUATION.test(line) && entries.length) {
      entries[entries.length - 1].lines.push(line.trim());
    } else {
      return { entries: [], body: text };
    }
  }
  const known = entries.some((e) => KNOWN.has(e.key.toLowerCase()));
  const valued = entries.filter((e) => e.lines.length > 0).length >= 2;
  if (!known && !valued) return { entries: [], body: text };
  return {
    entries: entries.map((e) => ({ key: e.key, value: e.lines.map(plainLine).join('\n').trim() })),
    body: text.slice(end),
  };
}
