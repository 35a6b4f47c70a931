import type { Dual } from './model';

/**
 * What both format readers produce: a flat stream in script order, all text already plain.
 * assemble.ts turns it into a Screenplay (scenes, dialogue blocks, lines, characters, warnings).
 */
export type Token =
  | { t: 'heading'; text: string; number: string | null; synopsis?: string; pageEighths?: number }
  | { t: 'synopsis'; text: string }
  | { t: 'action'; text: string; centered: boolean }
  /** A character cue as written, without `@` and `^`; the parts that follow belong to it. */
  | { t: 'cue'; cue: string; dual: Dual | null }
  | { t: 'parenthetical'; text: string }
  | { t: 'speech'; text: string }
  | { t: 'sung'; text: string }
  | { t: 'lyric'; text: string }
  | { t: 'transition'; text: string }
  | { t: 'note'; text: string }
  | { t: 'shot'; text: string }
  | { t: 'pagebreak' };

export interface ReadResult {
  titlePage: { key: string; value: string }[];
  tokens: Token[];
  warnings: string[];
}
