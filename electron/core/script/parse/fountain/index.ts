import type { ReadResult } from '../tokens';
import { readBlocks } from './blocks';
import { extractNotes, normaliseText, removeBoneyard } from './preprocess';
import { splitTitlePage } from './title-page';

/** Fountain 1.1 text to the shared token stream (see tokens.ts). Never throws on any text. */
export function readFountain(text: string): ReadResult {
  const clean = removeBoneyard(normaliseText(text.replace(/^\uFEFF/, '')));
  const { entries, body } = splitTitlePage(clean);
  const { text: noted, notes } = extractNotes(body);
  return { titlePage: entries, tokens: readBlocks(noted, notes), warnings: [] };
}
