import type { Scene } from '../../../shared/domain/board';
import { panelMoveLog } from '../decisions/decision-log';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { getPanelRow, listScenePanelRows } from '../queries/panel-queries';
import { listSceneRows, sceneColor } from '../queries/scene-queries';
import { newId, now } from './ids';
import { panelPositionsAt } from './panel-commands';
import { scenePositionAt } from './scene-commands';

/**
 * Starts a new scene at a panel: it and the panels after it move, in order, to a new scene right
 * after the old one. The new scene takes `heading`, or the old heading (the same place, continued).
 */
export function splitScene(project: Project, panelId: string, heading?: string): Scene {
  const panel = getPanelRow(project.db, panelId);
  if (!panel) throw new CoreError('NOT_FOUND', `No panel with id ${panelId}.`);
  const scenes = listSceneRows(project.db);
  const sceneIndex = scenes.findIndex((s) => s.id === panel.scene_id);
  const scene = scenes[sceneIndex];
  const panels = listScenePanelRows(project.db, scene.id);
  const at = panels.findIndex((p) => p.id === panelId);
  const shot = project.panel(panelId).shotNumber;
  if (at === 0) throw new CoreError('BAD_INPUT', `Shot ${shot} already starts scene ${sceneIndex + 1}: split at a later shot.`);
  const id = newId();
  project.edit(`Split scene ${sceneIndex + 1} at ${shot}`, (rec) => {
    const log = panelMoveLog(project, panels.slice(at).map((p) => p.id));
    rec.insert('scenes', {
      id, position: scenePositionAt(rec, project, sceneIndex + 1), heading: heading ?? scene.heading, synopsis: '',
      color: sceneColor(project.db, scene.id), created_at: now(),
    });
    // Positions are only compared within a scene, so the moved panels keep theirs.
    for (const p of panels.slice(at)) rec.update('panels', { id: p.id }, { scene_id: id });
    log.record(rec);
  });
  return project.scene(id);
}

/**
 * Merges scenes into the first of them (in board order): the others' panels follow its own, in
 * board order, and the others are removed. The first scene keeps its heading; the synopses are joined
 * so no text is lost. One undo step restores every scene and panel as it was.
 */
export function mergeScenes(project: Project, ids: string[]): Scene {
  const wanted = new Set(ids);
  for (const id of wanted) project.requireScene(id);
  if (wanted.size < 2) throw new CoreError('BAD_INPUT', 'Choose at least two different scenes to merge.');
  const all = listSceneRows(project.db);
  const numbered = all.map((s, i) => ({ ...s, number: i + 1 })).filter((s) => wanted.has(s.id));
  const [first, ...rest] = numbered;
  const moving = rest.flatMap((s) => listScenePanelRows(project.db, s.id).map((p) => p.id));
  const synopsis = numbered.map((s) => s.synopsis.trim()).filter((t, i, all) => t && all.indexOf(t) === i).join('\n\n');
  const label = numbered.length === 2 ? `Merge scenes ${first.number} and ${rest[0].number}` : `Merge ${numbered.length} scenes`;
  project.edit(label, (rec) => {
    const log = panelMoveLog(project, moving);
    const positions = panelPositionsAt(rec, project, first.id, Number.MAX_SAFE_INTEGER, moving.length, new Set(moving));
    moving.forEach((id, n) => rec.update('panels', { id }, { scene_id: first.id, position: positions[n] }));
    for (const s of rest) rec.delete('scenes', { id: s.id });
    rec.update('scenes', { id: first.id }, { synopsis });
    log.record(rec);
  });
  return project.scene(first.id);
}
