/**
 * Screenplay transitions on the board. Boardwright's transitions live on the panel they lead into
 * ('cut', 'dissolve', 'fade in'), and 'fade out' on the panel that fades. What the board has no
 * word for (WIPE TO:, IRIS OUT., SMASH CUT TO:) is kept as text in the panel's notes.
 */
export type BoardTransition = 'cut' | 'dissolve' | 'fade in' | 'fade out';

export interface TransitionEffect {
  /** Set on the next panel (the cut into it). */
  into: BoardTransition | null;
  /** Set on the previous panel (it fades out). */
  outOf: 'fade out' | null;
  /** Kept in the notes of the next panel: the script's own words, where the board's name says less. */
  note: string | null;
}

export function transitionEffect(scriptText: string): TransitionEffect {
  const text = scriptText.trim();
  const t = text.toUpperCase().replace(/[.:]+$/, '').replace(/\s+/g, ' ');
  if (t === 'CUT TO' || t === 'CUT') return { into: 'cut', outOf: null, note: null };
  if (/^(DISSOLVE|DISSOLVE TO|CROSS DISSOLVE TO|LAP DISSOLVE TO)$/.test(t)) return { into: 'dissolve', outOf: null, note: null };
  if (t === 'FADE IN' || t === 'FADE IN FROM BLACK' || t === 'FADE UP') return { into: 'fade in', outOf: null, note: null };
  if (/^FADE (OUT|TO BLACK|TO WHITE)$/.test(t) || t === 'CUT TO BLACK') return { into: null, outOf: 'fade out', note: t === 'FADE OUT' ? null : text };
  if (/^(SMASH|MATCH|JUMP|HARD|QUICK) CUT( TO)?$/.test(t)) return { into: 'cut', outOf: null, note: text };
  return { into: null, outOf: null, note: text };
}
