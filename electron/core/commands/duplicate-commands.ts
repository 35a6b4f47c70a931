import type { Panel } from '../../../shared/domain/board';
import type { Project } from '../project';
import { getPanelRowRaw, rowsOfPanel } from '../queries/layer-queries';
import { chunkRowsOf } from '../sketch/chunk-store';
import { listScenePanelRows, orderPanelIds } from '../queries/panel-queries';
import type { ChangeRecorder } from '../history/recorder';
import { newLayerId } from '../sketch/layer-ids';
import { newId, now } from './ids';
import { panelPositionsAt, requirePanel } from './panel-commands';

/**
 * Copies panels right after each original: every field (but not a manual shot number, which would
 * then name two shots), the image layer, the stroke layers and the composite, and the cast. Variations
 * and prompts stay with the original. One undo step; returns the copies in board order.
 */
export function duplicatePanels(project: Project, ids: string[]): Panel[] {
  for (const id of ids) requirePanel(project, id);
  const originals = orderPanelIds(project.db, [...new Set(ids)]);
  const copies = originals.map(() => newId());
  const label = originals.length === 1 ? `Duplicate panel ${project.panel(originals[0]).shotNumber}` : `Duplicate ${originals.length} panels`;
  project.edit(label, (rec) => {
    const t = now();
    originals.forEach((originalId, n) => {
      const row = getPanelRowRaw(project.db, originalId)!;
      const sceneId = row.scene_id as string;
      const after = listScenePanelRows(project.db, sceneId).findIndex((p) => p.id === originalId) + 1;
      const [position] = panelPositionsAt(rec, project, sceneId, after, 1, new Set());
      rec.insert('panels', { ...row, id: copies[n], position, shot_number_override: null, locked_shot_number: null, prompt_version_id: null, created_at: t, updated_at: t });
      for (const layer of rowsOfPanel(project.db, 'panel_layers', originalId)) rec.insert('panel_layers', { ...layer, id: newId(), panel_id: copies[n] });
      copyStrokeLayers(rec, project, originalId, copies[n]);
      for (const cast of rowsOfPanel(project.db, 'panel_characters', originalId)) rec.insert('panel_characters', { ...cast, panel_id: copies[n] });
    });
  });
  return copies.map((id) => project.panel(id));
}

/** The stroke layers of a panel, with their strokes, onto another panel (new layer ids). */
export function copyStrokeLayers(rec: ChangeRecorder, project: Project, fromPanelId: string, toPanelId: string): void {
  for (const layer of rowsOfPanel(project.db, 'sketch_layers', fromPanelId)) {
    const id = newLayerId();
    rec.insert('sketch_layers', { ...layer, id, panel_id: toPanelId });
    for (const c of chunkRowsOf(project.db, layer.id as string)) rec.insert('stroke_chunks', { layer_id: id, first_seq: c.firstSeq, data: c.data });
  }
}
