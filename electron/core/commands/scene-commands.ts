import { recordHeadingChange, recordPanelDeletions } from '../decisions/decision-log';
import type { Renumbered, Scene, ScenePatch } from '../../../shared/domain/board';
import { shotNumbersById } from '../board/shot-lock';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { listSceneRows } from '../queries/scene-queries';
import { needsRenumber, positionsBetween } from '../board/positions';
import type { ChangeRecorder } from '../history/recorder';
import { newId, now } from './ids';
import { deletePanelRows } from './panel-commands';
import { listScenePanelRows } from '../queries/panel-queries';

/** Position for a scene inserted at `index` among `others` (ordered), renumbering when the gap is spent. */
export function scenePositionAt(rec: ChangeRecorder, project: Project, index: number, excludeId?: string): number {
  let rows = listSceneRows(project.db).filter((r) => r.id !== excludeId);
  const i = Math.min(index, rows.length);
  if (needsRenumber(rows[i - 1]?.position, rows[i]?.position, 1)) {
    rows.forEach((r, n) => rec.update('scenes', { id: r.id }, { position: n + 1 }));
    rows = listSceneRows(project.db).filter((r) => r.id !== excludeId);
  }
  return positionsBetween(rows[i - 1]?.position, rows[i]?.position, 1)[0];
}

export function createScene(project: Project, input: { index?: number; patch?: ScenePatch }): Scene {
  const id = newId();
  const count = listSceneRows(project.db).length;
  project.edit('Add scene', (rec) => {
    rec.insert('scenes', {
      id,
      position: scenePositionAt(rec, project, input.index ?? count),
      heading: input.patch?.heading ?? '',
      synopsis: input.patch?.synopsis ?? '',
      created_at: now(),
    });
  });
  return project.scene(id);
}

export function updateScene(project: Project, id: string, patch: ScenePatch): Scene {
  project.requireScene(id);
  const row: Record<string, string> = {};
  if (patch.heading !== undefined) row.heading = patch.heading;
  if (patch.synopsis !== undefined) row.synopsis = patch.synopsis;
  project.edit(`Edit scene ${project.scene(id).number}`, (rec) => {
    recordHeadingChange(rec, project, id, patch.heading);
    rec.update('scenes', { id }, row);
  });
  return project.scene(id);
}

/**
 * Deletes a scene with all its panels; undo brings everything back. Returns the other panels whose
 * shot number changed (later scenes move up a number unless the numbers are locked or from a script).
 */
export function deleteScene(project: Project, id: string): Renumbered {
  const scene = project.scene(id);
  const before = shotNumbersById(project.db);
  project.edit(`Delete scene ${scene.number}`, (rec) => {
    const panelIds = listScenePanelRows(project.db, id).map((p) => p.id);
    recordPanelDeletions(rec, project, panelIds);
    deletePanelRows(rec, panelIds);
    rec.delete('scenes', { id });
  });
  const changed = [...shotNumbersById(project.db)].filter(([pid, n]) => before.get(pid) !== n).map(([pid, to]) => ({ from: before.get(pid)!, to }));
  return { renumbered: changed.length, first: changed[0] ?? null };
}

export function moveScene(project: Project, id: string, index: number): void {
  const scene = project.scene(id);
  project.edit(`Move scene ${scene.number}`, (rec) => {
    rec.update('scenes', { id }, { position: scenePositionAt(rec, project, index, id) });
  });
}

export function assertSceneExists(project: Project, id: string): void {
  if (!listSceneRows(project.db).some((s) => s.id === id)) throw new CoreError('NOT_FOUND', `No scene with id ${id}.`);
}
