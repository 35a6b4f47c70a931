/** A character cue split into the name and its extensions: "HANS (on the radio)" -> HANS + "(on the radio)". */
export interface Cue {
  name: string;
  extension: string | null;
  /** Name and extension as printed, whitespace collapsed. */
  cue: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function splitCue(raw: string): Cue {
  const text = collapse(raw);
  const paren = text.indexOf('(');
  const name = paren < 0 ? text : text.slice(0, paren).trim();
  if (!name) return { name: text, extension: null, cue: text };
  const extension = paren < 0 ? null : text.slice(paren).trim() || null;
  return { name, extension, cue: extension ? `${name} ${extension}` : name };
}

const CONTINUED = /^\(\s*(?:cont(?:['’]?d|\.|inued|inuing)?|more)\s*\)$/i;

/** The extensions worth keeping on a board: (V.O.), (O.S.), (on the radio); (CONT'D) and (MORE) are pagination. */
export function meaningfulExtension(extension: string | null): string | null {
  if (!extension) return null;
  const groups = extension.match(/\([^()]*\)|[^()]+/g) ?? [];
  const kept = groups.map((g) => g.trim()).filter((g) => g && !CONTINUED.test(g));
  return kept.length ? kept.join(' ') : null;
}
