/**
 * What an import will do to the board, worked out before anything is written: the preview lists it,
 * and `applyPlan` carries it out as one edit. A first import adds every scene; a re-import matches the
 * new draft against the scenes and panels the last one made (match.ts) and keeps every picture.
 */
import type { Screenplay } from '../parse/model';
import type { Beat, BoardScene, PanelMode } from './breakdown';
import { breakDown } from './breakdown';
import { readLinkedScenes, type LinkedScene } from './board-state';
import { matchBeats, matchScenes } from './match';

export type BeatStep =
  /** A beat that is still in the script: its panels take the new key, text, and are shown again if cut before. */
  | { kind: 'keep'; panelIds: string[]; beat: Beat; textChanged: boolean; restore: boolean }
  | { kind: 'create'; beat: Beat }
  /** Cut from the script: its panels are kept, marked omitted. */
  | { kind: 'cut'; panelIds: string[] };

export type SceneStep =
  | { kind: 'create'; scene: BoardScene }
  | { kind: 'update'; sceneId: string; scene: BoardScene; headingChanged: boolean; synopsisChanged: boolean; numberChanged: boolean; restore: boolean; beats: BeatStep[] }
  | { kind: 'omit'; sceneId: string; heading: string; number: string | null; panelIds: string[] };

export interface ImportPlan {
  mode: PanelMode;
  reimport: boolean;
  /** In the new script's order, then the scenes cut from it. */
  steps: SceneStep[];
  scenes: BoardScene[];
}

export function planImport(linked: LinkedScene[], script: Screenplay, mode: PanelMode): ImportPlan {
  const scenes = breakDown(script, mode);
  if (linked.length === 0) return { mode, reimport: false, scenes, steps: scenes.map((scene) => ({ kind: 'create', scene })) };
  const matches = matchScenes(linked.map((l) => l.asScript), scenes);
  const byNew = new Map([...matches].map(([o, n]) => [n, linked[o]]));
  const steps: SceneStep[] = scenes.map((scene) => {
    const old = byNew.get(scene.index);
    return old ? updateStep(old, scene) : { kind: 'create', scene };
  });
  for (const [i, old] of linked.entries()) {
    if (matches.has(i) || old.omitted) continue;
    steps.push({ kind: 'omit', sceneId: old.id, heading: old.heading, number: old.number, panelIds: old.panels.map((p) => p.id) });
  }
  return { mode, reimport: true, scenes, steps };
}

function updateStep(old: LinkedScene, scene: BoardScene): SceneStep {
  const pairs = matchBeats(old.asScript.beats, scene.beats);
  const byNew = new Map([...pairs].map(([o, n]) => [n, o]));
  const oldBeats = new Map(old.asScript.beats.map((b) => [b.key, b]));
  const beats: BeatStep[] = scene.beats.map((beat) => {
    const oldKey = byNew.get(beat.key);
    if (!oldKey) return { kind: 'create', beat };
    const prev = oldBeats.get(oldKey)!;
    const panels = old.beatPanels.get(oldKey)!;
    return {
      kind: 'keep',
      panelIds: panels.map((p) => p.id),
      beat,
      textChanged: prev.action !== beat.action || prev.dialogue !== beat.dialogue,
      restore: panels.some((p) => p.omitted),
    };
  });
  for (const [key, panels] of old.beatPanels) {
    if (pairs.has(key) || panels.every((p) => p.omitted)) continue;
    beats.push({ kind: 'cut', panelIds: panels.map((p) => p.id) });
  }
  return {
    kind: 'update',
    sceneId: old.id,
    scene,
    headingChanged: old.heading !== scene.heading,
    synopsisChanged: old.synopsis !== scene.synopsis && scene.synopsis !== '',
    numberChanged: (old.number ?? null) !== scene.number,
    restore: old.omitted,
    beats,
  };
}

export { readLinkedScenes };
