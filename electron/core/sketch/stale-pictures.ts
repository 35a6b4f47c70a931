import type { Db } from '../db/connection';
import type { Change, Row } from '../history/changes';

/** Tables whose rows make up a panel's picture: after an undo or redo touching them, its composite is redrawn. */
const PICTURE_TABLES = new Set(['panel_layers', 'sketch_layers', 'stroke_chunks']);

/**
 * Marks the composites of the panels these changes touched as stale (not part of the undo record:
 * a composite is derived from the layers, and is redrawn from them).
 */
export function markStalePictures(db: Db, changes: readonly Change[]): string[] {
  const panels = new Set<string>();
  const layerPanel = db.prepare('SELECT panel_id FROM sketch_layers WHERE id = ?').pluck();
  const imagePanel = db.prepare('SELECT panel_id FROM panel_layers WHERE id = ?').pluck();
  const deletedLayers = new Map<string, string>();
  for (const c of changes) if (c.table === 'sketch_layers' && (c.op === 'insert' || c.op === 'delete')) deletedLayers.set(String(c.row.id), String(c.row.panel_id));
  for (const c of changes) {
    if (!PICTURE_TABLES.has(c.table)) continue;
    const row: Row = c.op === 'update' ? { ...c.key, ...c.after } : c.op === 'append' ? c.key : c.row;
    let panel: unknown = row.panel_id;
    if (panel === undefined && c.table === 'stroke_chunks') panel = layerPanel.get(row.layer_id) ?? deletedLayers.get(String(row.layer_id));
    if (panel === undefined && c.table === 'sketch_layers') panel = layerPanel.get(row.id);
    if (panel === undefined && c.table === 'panel_layers') panel = imagePanel.get(row.id);
    if (typeof panel === 'string') panels.add(panel);
  }
  const mark = db.prepare('UPDATE panels SET composite_stale = 1 WHERE id = ?');
  for (const id of panels) mark.run(id);
  return [...panels];
}
