/**
 * Breaking a screenplay down into boards, the way Toon Boom Storyboard Pro does: a scene per scene
 * heading, and in it a panel per action paragraph and per dialogue block ('beats'), or one panel per
 * scene ('scene'). Notes go to the notes of the panel they sit in (or, before any, the first one);
 * transitions set the cut into the next panel (see transitions.ts).
 */
import { dialogueText } from '../parse/dialogue-text';
import type { Screenplay, ScriptElement, ScriptScene } from '../parse/model';
import { transitionEffect, type BoardTransition } from './transitions';

export type PanelMode = 'beats' | 'scene';
export const PANEL_MODES: readonly PanelMode[] = ['beats', 'scene'];

/** One panel the script asks for. */
export interface Beat {
  /** Stable within one script: "scene:element" (index of the beat's first element), "scene:scene" for a whole-scene panel. */
  key: string;
  action: string;
  dialogue: string;
  notes: string;
  transition: BoardTransition | null;
  /** Characters speaking in the beat. */
  characters: string[];
}

export interface BoardScene {
  index: number;
  heading: string;
  number: string | null;
  synopsis: string;
  beats: Beat[];
  /** For each of the script scene's elements, the key of the beat it went into (null: none, e.g. a transition). */
  elementBeats: (string | null)[];
  characters: string[];
  lineCount: number;
  pageEighths: number;
}

const PANEL_KINDS = new Set<ScriptElement['kind']>(['action', 'dialogue', 'shot', 'lyric']);

export function breakDown(script: Screenplay, mode: PanelMode): BoardScene[] {
  const scenes = script.scenes.map((s, i) => {
    const elementBeats: (string | null)[] = s.elements.map(() => null);
    const beats = mode === 'scene' ? [sceneBeat(s, i, elementBeats)] : beatsOf(s, i, elementBeats);
    return { index: i, heading: s.heading ?? '', number: s.number, synopsis: s.synopsis, beats, elementBeats, characters: s.characters, lineCount: s.lineCount, pageEighths: s.pageEighths };
  });
  applyTransitions(script, scenes);
  return scenes;
}

function emptyBeat(key: string): Beat {
  return { key, action: '', dialogue: '', notes: '', transition: null, characters: [] };
}

function textOf(el: ScriptElement): string {
  return el.kind === 'dialogue' ? '' : el.text;
}

const append = (a: string, b: string) => (a && b ? `${a}\n\n${b}` : a || b);

/** A panel per action, shot or lyric paragraph and per dialogue block; both sides of dual dialogue share one. */
function beatsOf(scene: ScriptScene, sceneIndex: number, elementBeats: (string | null)[]): Beat[] {
  const beats: Beat[] = [];
  let pendingNotes = '';
  const pendingNoteElements: number[] = [];
  for (const [i, el] of scene.elements.entries()) {
    const last = beats[beats.length - 1];
    if (el.kind === 'note') {
      if (last) {
        last.notes = append(last.notes, el.text);
        elementBeats[i] = last.key;
      } else {
        pendingNotes = append(pendingNotes, el.text);
        pendingNoteElements.push(i);
      }
      continue;
    }
    if (!PANEL_KINDS.has(el.kind)) continue;
    if (el.kind === 'dialogue') {
      // The right side of dual dialogue is spoken over the same picture as the left.
      if (el.dual === 'right' && last?.dialogue) {
        last.dialogue = append(last.dialogue, dialogueText(el));
        last.characters.push(el.character);
        elementBeats[i] = last.key;
        continue;
      }
      beats.push({ ...emptyBeat(`${sceneIndex}:${i}`), dialogue: dialogueText(el), characters: [el.character] });
    } else {
      beats.push({ ...emptyBeat(`${sceneIndex}:${i}`), action: textOf(el) });
    }
    elementBeats[i] = `${sceneIndex}:${i}`;
    if (pendingNotes) {
      beats[beats.length - 1].notes = pendingNotes;
      for (const n of pendingNoteElements) elementBeats[n] = `${sceneIndex}:${i}`;
      pendingNotes = '';
    }
  }
  if (beats.length === 0) {
    beats.push({ ...emptyBeat(`${sceneIndex}:scene`), notes: pendingNotes });
    for (const n of pendingNoteElements) elementBeats[n] = `${sceneIndex}:scene`;
  }
  return beats;
}

/** One panel for the whole scene: its action paragraphs, then its dialogue, each in script order. */
function sceneBeat(scene: ScriptScene, sceneIndex: number, elementBeats: (string | null)[]): Beat {
  const beat = emptyBeat(`${sceneIndex}:scene`);
  for (const [i, el] of scene.elements.entries()) {
    if (el.kind !== 'transition') elementBeats[i] = beat.key;
    if (el.kind === 'dialogue') {
      beat.dialogue = append(beat.dialogue, dialogueText(el));
      if (!beat.characters.includes(el.character)) beat.characters.push(el.character);
    } else if (el.kind === 'note') beat.notes = append(beat.notes, el.text);
    else if (PANEL_KINDS.has(el.kind)) beat.action = append(beat.action, textOf(el));
  }
  return beat;
}

/**
 * Walks the script in order: each transition sets the cut into the first panel after it (in the same
 * scene or the next), or fades the panel before it out. A whole-scene panel stands at its scene's start.
 */
function applyTransitions(script: Screenplay, scenes: BoardScene[]): void {
  let previous: Beat | null = null;
  let pending: { into: BoardTransition | null; note: string | null } | null = null;
  const reach = (beat: Beat) => {
    if (pending?.into) beat.transition = pending.into;
    if (pending?.note) beat.notes = append(beat.notes, `Transition: ${pending.note}`);
    pending = null;
    previous = beat;
  };
  for (const [si, scene] of script.scenes.entries()) {
    const beats = new Map(scenes[si].beats.map((b) => [b.key, b]));
    const whole = beats.get(`${si}:scene`);
    if (whole) reach(whole);
    for (const [ei, el] of scene.elements.entries()) {
      const beat = beats.get(`${si}:${ei}`);
      if (beat) reach(beat);
      if (el.kind !== 'transition') continue;
      const effect = transitionEffect(el.text);
      if (effect.outOf && previous) {
        const prev = previous as Beat;
        // One transition a panel: a cut into it already set wins, and the fade is kept in words.
        if (prev.transition === null || prev.transition === 'cut') prev.transition = effect.outOf;
        if (effect.note || prev.transition !== effect.outOf) prev.notes = append(prev.notes, `Transition: ${effect.note ?? el.text.trim()}`);
      }
      if (effect.into || (effect.note && !effect.outOf)) pending = { into: effect.into, note: effect.outOf ? null : effect.note };
    }
  }
}
