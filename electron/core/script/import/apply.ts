/**
 * Carries out an import plan as one edit: undo takes the whole import back (scenes, panels,
 * characters, the title, the stored script and the log entry), redo brings it again.
 */
import type { Project } from '../../project';
import type { ChangeRecorder } from '../../history/recorder';
import { newId, now } from '../../commands/ids';
import { panelPositionsAt } from '../../commands/panel-commands';
import { scenePositionAt } from '../../commands/scene-commands';
import { listSceneRows } from '../../queries/scene-queries';
import { listScenePanelRows } from '../../queries/panel-queries';
import { readProjectRow } from '../../queries/project-queries';
import { recordDecision } from '../../decisions/decision-log';
import type { Screenplay } from '../parse/model';
import type { Beat, BoardScene } from './breakdown';
import { CUT_BEAT } from './board-state';
import { addCharacters } from './characters';
import type { BeatStep, ImportPlan, SceneStep } from './plan';
import { storeScript } from './script-store';
import { summarise, type ImportSummary } from './summary';

export interface ImportInput {
  fileName: string;
  source: Buffer;
  screenplay: Screenplay;
}

export function applyPlan(project: Project, plan: ImportPlan, input: ImportInput, summary: ImportSummary = summarise(project, plan, input.screenplay)): ImportSummary {
  const label = plan.reimport ? `Re-import script ${input.fileName}` : `Import script ${input.fileName}`;
  project.edit(label, (rec) => {
    storeScript(rec, { fileName: input.fileName, source: input.source, screenplay: input.screenplay, mode: plan.mode });
    const defaults = readProjectRow(project.db);
    const placed = new Map<number, string>();
    const ordered = plan.steps.filter((s): s is Exclude<SceneStep, { kind: 'omit' }> => s.kind !== 'omit');
    for (const [i, step] of ordered.entries()) {
      if (step.kind === 'update') {
        updateScene(rec, project, step, defaults.default_duration_ms);
        placed.set(step.scene.index, step.sceneId);
      } else {
        const index = insertionIndex(project, ordered, i, placed);
        placed.set(step.scene.index, createScene(rec, project, step.scene, index, defaults.default_duration_ms));
      }
    }
    for (const step of plan.steps) if (step.kind === 'omit') rec.update('scenes', { id: step.sceneId }, { omitted: 1, script_scene: null });
    const cast = addCharacters(rec, project.db, input.screenplay.characters);
    linkSpeakers(rec, project, plan, cast);
    if (summary.setsTitle && input.screenplay.title) rec.update('project', { id: 1 }, { title: input.screenplay.title });
    recordDecision(rec, {
      kind: 'script.imported',
      panelId: null,
      sceneId: null,
      newValue: input.fileName,
      data: { reimport: plan.reimport, mode: plan.mode, ...summary.counts },
    });
  });
  return summary;
}

/** Where a new scene goes: after the scene made from the script scene before it, else before the next one matched, else at the end. */
function insertionIndex(project: Project, ordered: Exclude<SceneStep, { kind: 'omit' }>[], i: number, placed: Map<number, string>): number {
  const rows = listSceneRows(project.db);
  const indexOf = (id: string) => rows.findIndex((r) => r.id === id);
  for (let j = i - 1; j >= 0; j--) {
    const id = placed.get(ordered[j].scene.index);
    if (id) return indexOf(id) + 1;
  }
  for (let j = i + 1; j < ordered.length; j++) {
    const step = ordered[j];
    if (step.kind === 'update') return indexOf(step.sceneId);
  }
  return rows.length;
}

function panelRow(beat: Beat, sceneId: string, position: number, durationMs: number) {
  const t = now();
  return {
    id: newId(), scene_id: sceneId, position, duration_ms: durationMs, status: 'draft', tags: '[]', created_at: t, updated_at: t,
    action: beat.action, dialogue: beat.dialogue, notes: beat.notes, transition: beat.transition, script_element: beat.key,
  };
}

function createScene(rec: ChangeRecorder, project: Project, scene: BoardScene, index: number, durationMs: number): string {
  const id = newId();
  rec.insert('scenes', {
    id, position: scenePositionAt(rec, project, index), heading: scene.heading, synopsis: scene.synopsis,
    script_number: scene.number, script_scene: scene.index, created_at: now(),
  });
  scene.beats.forEach((beat, i) => rec.insert('panels', panelRow(beat, id, i + 1, durationMs)));
  return id;
}

function updateScene(rec: ChangeRecorder, project: Project, step: Extract<SceneStep, { kind: 'update' }>, durationMs: number): void {
  rec.update('scenes', { id: step.sceneId }, {
    heading: step.scene.heading,
    ...(step.synopsisChanged ? { synopsis: step.scene.synopsis } : {}),
    script_number: step.scene.number,
    script_scene: step.scene.index,
    omitted: 0,
  });
  let lastPanel: string | null = null;
  for (const beat of step.beats) {
    if (beat.kind === 'keep') {
      for (const id of beat.panelIds) keepPanel(rec, project, id, beat);
      lastPanel = beat.panelIds[beat.panelIds.length - 1];
    } else if (beat.kind === 'create') {
      const rows = listScenePanelRows(project.db, step.sceneId);
      const firstKept = step.beats.find((b): b is Extract<BeatStep, { kind: 'keep' }> => b.kind === 'keep')?.panelIds[0];
      const index = lastPanel ? rows.findIndex((r) => r.id === lastPanel) + 1 : firstKept ? rows.findIndex((r) => r.id === firstKept) : rows.length;
      const [position] = panelPositionsAt(rec, project, step.sceneId, index, 1, new Set());
      const row = panelRow(beat.beat, step.sceneId, position, durationMs);
      rec.insert('panels', row);
      lastPanel = row.id;
    } else {
      for (const id of beat.panelIds) rec.update('panels', { id }, { omitted: 1, script_element: CUT_BEAT });
    }
  }
}

function keepPanel(rec: ChangeRecorder, project: Project, id: string, step: Extract<BeatStep, { kind: 'keep' }>): void {
  const current = project.db.prepare('SELECT omitted, script_element, transition FROM panels WHERE id = ?').get(id) as { omitted: number; script_element: string; transition: string | null };
  rec.update('panels', { id }, {
    script_element: step.beat.key,
    ...(step.textChanged ? { action: step.beat.action, dialogue: step.beat.dialogue, updated_at: now() } : {}),
    // Shown again only if the script had cut it; a panel the editor dropped stays dropped.
    ...(current.omitted === 1 && current.script_element === CUT_BEAT ? { omitted: 0 } : {}),
    ...(current.transition === null && step.beat.transition ? { transition: step.beat.transition } : {}),
  });
}

/** Each new panel's cast: the characters speaking in its beat. */
function linkSpeakers(rec: ChangeRecorder, project: Project, plan: ImportPlan, cast: Map<string, string>): void {
  const byKey = new Map<string, Beat>();
  for (const s of plan.scenes) for (const b of s.beats) if (b.characters.length) byKey.set(b.key, b);
  if (byKey.size === 0) return;
  const panels = project.db.prepare('SELECT id, script_element FROM panels WHERE script_element IS NOT NULL').all() as { id: string; script_element: string }[];
  const existing = new Set((project.db.prepare('SELECT panel_id || \'/\' || character_id FROM panel_characters').pluck().all() as string[]));
  for (const p of panels) {
    for (const name of byKey.get(p.script_element)?.characters ?? []) {
      const characterId = cast.get(name.toLowerCase());
      if (characterId && !existing.has(`${p.id}/${characterId}`)) {
        rec.insert('panel_characters', { panel_id: p.id, character_id: characterId });
        existing.add(`${p.id}/${characterId}`);
      }
    }
  }
}
