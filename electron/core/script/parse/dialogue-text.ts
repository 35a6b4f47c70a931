import { meaningfulExtension } from './cue';
import type { ScriptElement } from './model';

type Dialogue = Extract<ScriptElement, { kind: 'dialogue' }>;

/**
 * The text a board's Dialogue field gets, in the form the sample project and the PDF export use:
 * "MAYA\n(whispering)\nDon't creak." The cue keeps meaningful extensions ("BOB (V.O.)") and drops
 * pagination ones ((CONT'D), (MORE)). Lyric lines are printed as they are.
 */
export function dialogueText(el: Dialogue): string {
  const ext = meaningfulExtension(el.extension);
  const out = [ext ? `${el.character} ${ext}` : el.character];
  for (const p of el.parts) out.push(p.text);
  return out.join('\n').trim();
}

/** Several speeches on one board (e.g. both sides of dual dialogue), separated by a blank line as in the sample project. */
export function joinDialogue(els: Dialogue[]): string {
  return els.map(dialogueText).join('\n\n');
}
