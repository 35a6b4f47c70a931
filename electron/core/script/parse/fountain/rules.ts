/** Line patterns of Fountain 1.1 (fountain.io/syntax) shared by the title page and block readers. */

/** INT, EXT, EST, INT./EXT, INT/EXT, I/E followed by `.` or a space, any case. */
export const HEADING = /^\s*(?:INT\.?\/EXT|INT\/EXT|I\/E|INT|EXT|EST)[. ]/i;
/** One leading `.` then a letter or digit (so `...` stays action). */
export const FORCED_HEADING = /^\s*\.(?=[\p{L}\p{N}])/u;
/** `#1A#`, `#I-1-A#`, `#1.#` at the end of a heading. */
export const SCENE_NUMBER = /\s*#([\p{L}\p{N}.-]+)#\s*$/u;
export const PAGE_BREAK = /^\s*={3,}\s*$/;
export const SECTION = /^\s*#/;
export const SYNOPSIS = /^\s*=(?!=)/;

/**
 * Transitions besides the spec's "ends in TO:". fountain-js also takes these three; FADE IN: opens
 * nearly every script and is a transition to a reader, not board action.
 */
export const KNOWN_TRANSITIONS = new Set(['FADE OUT.', 'FADE TO BLACK.', 'CUT TO BLACK.', 'FADE IN:', 'FADE IN.', 'FADE IN']);

const hasUpper = /\p{Lu}/u;
const hasLower = /\p{Ll}/u;

/** All caps: at least one upper-case letter, no lower-case one (`R2D2` yes, `23` no). */
export const isAllCaps = (s: string) => hasUpper.test(s) && !hasLower.test(s);

/** A transition by the spec: upper case, ending in `TO:`; or one of KNOWN_TRANSITIONS. */
export const isTransition = (s: string) => isAllCaps(s) && (s.endsWith('TO:') || KNOWN_TRANSITIONS.has(s.replace(/\s+/g, ' ')));

/** A character cue: the name (before any `(` extension, which may be lower case) is all caps. `^` already removed. */
export function isCue(s: string): boolean {
  const paren = s.indexOf('(');
  const name = (paren < 0 ? s : s.slice(0, paren)).trim();
  if (!name || !isAllCaps(name)) return false;
  if (paren >= 0 && !s.trimEnd().endsWith(')')) return false;
  return true;
}
