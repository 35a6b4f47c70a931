import type { Db } from '../db/connection';
import type { Row } from '../history/changes';

/** A row of panel_layers: the panel's picture, its reference layer (kind 'image'). Strokes live in sketch_layers/stroke_chunks. */
export interface LayerRow {
  id: string;
  panel_id: string;
  kind: 'image' | 'sketch';
  position: number;
  image_sha256: string | null;
  strokes: string | null;
  opacity: number;
  visible: number;
}

/** The panel's layer of this kind (the lowest one, should there ever be several). */
export function getLayer(db: Db, panelId: string, kind: LayerRow['kind']): LayerRow | undefined {
  return db
    .prepare('SELECT * FROM panel_layers WHERE panel_id = ? AND kind = ? ORDER BY position, id LIMIT 1')
    .get(panelId, kind) as LayerRow | undefined;
}

/** Every row that hangs off a panel in this table (for copying a panel whole). */
export function rowsOfPanel(db: Db, table: 'panel_layers' | 'panel_characters' | 'sketch_layers', panelId: string): Row[] {
  return db.prepare(`SELECT * FROM ${table} WHERE panel_id = ?`).all(panelId) as Row[];
}

export function getPanelRowRaw(db: Db, id: string): Row | undefined {
  return db.prepare('SELECT * FROM panels WHERE id = ?').get(id) as Row | undefined;
}

export function getCompositeSha(db: Db, panelId: string): string | null {
  return (db.prepare('SELECT composite_sha256 FROM panels WHERE id = ?').pluck().get(panelId) as string | null | undefined) ?? null;
}

export function imageSize(db: Db, sha256: string): { width: number; height: number } | undefined {
  return db.prepare('SELECT width, height FROM images WHERE sha256 = ?').get(sha256) as { width: number; height: number } | undefined;
}

export function hasVariation(db: Db, panelId: string, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM variations WHERE panel_id = ? AND image_sha256 = ?').get(panelId, sha256) !== undefined;
}
