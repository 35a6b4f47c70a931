import type { Panel, PanelPatch } from '../../../shared/domain/board';
import { CoreError } from '../errors';
import type { Project } from '../project';
import type { ChangeRecorder } from '../history/recorder';
import type { Row } from '../history/changes';
import { needsRenumber, positionsBetween } from '../board/positions';
import { getPanelRow, listScenePanelRows, orderPanelIds } from '../queries/panel-queries';
import { readProjectRow } from '../queries/project-queries';
import { newId, now } from './ids';
import { panelMoveLog, recordPanelDeletions, recordShotDecisions } from '../decisions/decision-log';

/** Domain field -> column, for every editable panel field. */
const PANEL_COLUMNS: Record<keyof PanelPatch, string> = {
  shotNumberOverride: 'shot_number_override',
  durationMs: 'duration_ms',
  shotSize: 'shot_size',
  angle: 'angle',
  lensMm: 'lens_mm',
  cameraMove: 'camera_move',
  action: 'action',
  dialogue: 'dialogue',
  sound: 'sound',
  transition: 'transition',
  notes: 'notes',
  status: 'status',
  tags: 'tags',
};

function patchToRow(patch: PanelPatch): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    row[PANEL_COLUMNS[k as keyof PanelPatch]] = k === 'tags' ? JSON.stringify(v) : (v as string | number | null);
  }
  return row;
}

/**
 * Positions for `count` panels inserted at `index` in a scene's panel list (not counting `moving`),
 * renumbering the scene 1..n first when the gap between the neighbours is spent.
 */
export function panelPositionsAt(rec: ChangeRecorder, project: Project, sceneId: string, index: number, count: number, moving: Set<string>): number[] {
  const list = () => listScenePanelRows(project.db, sceneId).filter((p) => !moving.has(p.id));
  let rows = list();
  const i = Math.min(index, rows.length);
  if (needsRenumber(rows[i - 1]?.position, rows[i]?.position, count)) {
    rows.forEach((r, n) => rec.update('panels', { id: r.id }, { position: n + 1 }));
    rows = list();
  }
  return positionsBetween(rows[i - 1]?.position, rows[i]?.position, count);
}

export function createPanel(project: Project, input: { sceneId: string; index?: number; patch?: PanelPatch }): Panel {
  project.requireScene(input.sceneId);
  const id = newId();
  const defaults = readProjectRow(project.db);
  project.edit('Add panel', (rec) => {
    const count = listScenePanelRows(project.db, input.sceneId).length;
    const [position] = panelPositionsAt(rec, project, input.sceneId, input.index ?? count, 1, new Set());
    const t = now();
    rec.insert('panels', {
      id,
      scene_id: input.sceneId,
      position,
      duration_ms: defaults.default_duration_ms,
      status: 'draft',
      tags: '[]',
      created_at: t,
      updated_at: t,
      ...patchToRow(input.patch ?? {}),
    });
  });
  return project.panel(id);
}

/** Applies one patch to one or many panels (multi-selection edits) as a single undo step. */
export function updatePanels(project: Project, ids: string[], patch: PanelPatch): Panel[] {
  for (const id of ids) requirePanel(project, id);
  const row = patchToRow(patch);
  const label = ids.length === 1 ? `Edit panel ${project.panel(ids[0]).shotNumber}` : `Edit ${ids.length} panels`;
  project.edit(label, (rec) => {
    recordShotDecisions(rec, project, ids, patch);
    for (const id of ids) {
      const before = rec.changes.length;
      rec.update('panels', { id }, row);
      if (rec.changes.length > before) rec.update('panels', { id }, { updated_at: now() });
    }
  });
  return ids.map((id) => project.panel(id));
}

/** Removes panels and everything hanging off them (layers, variations...); all of it comes back on undo. */
export function deletePanelRows(rec: ChangeRecorder, ids: string[]): void {
  for (const id of ids) rec.delete('panels', { id });
}

export function deletePanels(project: Project, ids: string[]): void {
  for (const id of ids) requirePanel(project, id);
  const label = ids.length === 1 ? `Delete panel ${project.panel(ids[0]).shotNumber}` : `Delete ${ids.length} panels`;
  project.edit(label, (rec) => {
    recordPanelDeletions(rec, project, ids);
    deletePanelRows(rec, ids);
  });
}

/** Moves panels (kept in their board order) into a scene at an index of that scene's remaining panels. */
export function movePanels(project: Project, ids: string[], sceneId: string, index: number): void {
  project.requireScene(sceneId);
  for (const id of ids) requirePanel(project, id);
  const wanted = new Set(ids);
  const ordered = orderPanelIds(project.db, [...wanted]);
  const label = ids.length === 1 ? `Move panel ${project.panel(ids[0]).shotNumber}` : `Move ${ids.length} panels`;
  project.edit(label, (rec) => {
    const moveLog = panelMoveLog(project, ordered);
    const positions = panelPositionsAt(rec, project, sceneId, index, ordered.length, wanted);
    ordered.forEach((id, n) => rec.update('panels', { id }, { scene_id: sceneId, position: positions[n] }));
    moveLog.record(rec);
  });
}

export function requirePanel(project: Project, id: string): void {
  if (!getPanelRow(project.db, id)) throw new CoreError('NOT_FOUND', `No panel with id ${id}.`);
}
