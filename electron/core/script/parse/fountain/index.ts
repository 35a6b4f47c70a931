import { MAX_SCRIPT_LINES, ScriptTooLong } from '../messages';
import type { ReadResult } from '../tokens';
import { readBlocks } from './blocks';
import { extractNotes, normaliseText, removeBoneyard } from './preprocess';
import { splitTitlePage } from './title-page';

/** Fountain 1.1 text to the shared token stream (see tokens.ts). Never throws on any text. */
export function readFountain(text: string): ReadResult {
  const normal = normaliseText(text.replace(/^\uFEFF/, ''));
  let lines = 0;
  for (let i = normal.indexOf('\n'); i >= 0; i = normal.indexOf('\n', i + 1)) {
    if (++lines > MAX_SCRIPT_LINES) throw new ScriptTooLong(`over ${MAX_SCRIPT_LINES.toLocaleString('en')} lines`);
  }
  const clean = removeBoneyard(normal);
  const { entries, body } = splitTitlePage(clean);
  const { text: noted, notes } = extractNotes(body);
  return { titlePage: entries, tokens: readBlocks(noted, notes), warnings: [] };
}
