import type { ScriptElement } from './model';

/**
 * Printed-line estimate at standard screenplay widths (Courier 12, characters per line), used for a
 * scene's lineCount and page length. An estimate for the preview, not a pagination engine.
 */
const WIDTH = { action: 61, heading: 58, dialogue: 35, parenthetical: 25, lyric: 35, transition: 61 };
export const LINES_PER_PAGE = 55;

function wrapped(text: string, width: number): number {
  let n = 0;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const len = (nl < 0 ? text.length : nl) - start;
    n += len > width ? Math.ceil(len / width) : 1;
    if (nl < 0) return n;
    start = nl + 1;
  }
}

/** Lines the element prints, without the blank line before it. Notes do not print. */
export function printedLines(el: ScriptElement): number {
  switch (el.kind) {
    case 'action':
    case 'shot':
      return wrapped(el.text, WIDTH.action);
    case 'transition':
      return wrapped(el.text, WIDTH.transition);
    case 'lyric':
      return wrapped(el.text, WIDTH.lyric);
    case 'note':
      return 0;
    case 'dialogue': {
      let n = 1;
      for (const p of el.parts) n += wrapped(p.text, p.kind === 'parenthetical' ? WIDTH.parenthetical : WIDTH.dialogue);
      return n;
    }
  }
}

export function headingLines(heading: string | null): number {
  return heading === null ? 0 : wrapped(heading, WIDTH.heading);
}

export const eighthsFromLines = (lines: number) => Math.max(1, Math.round((lines / LINES_PER_PAGE) * 8));

/** FDX SceneProperties Length: "1 1/8" -> 9, "3/8" -> 3, "2" -> 16; null when unreadable. */
export function parseEighths(length: string): number | null {
  const m = /^\s*(?:(\d{1,4})(?:\s+|$))?(?:(\d{1,3})\s*\/\s*8)?\s*$/.exec(length);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const n = Number(m[1] ?? 0) * 8 + Number(m[2] ?? 0);
  return n > 0 ? n : null;
}
