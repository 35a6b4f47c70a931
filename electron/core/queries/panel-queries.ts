import type { Db } from '../db/connection';
import type { PanelRow } from './rows';

/** The panel columns plus the image of its image layer. */
const PANEL_SELECT = `
  SELECT p.id, p.scene_id, p.position, p.shot_number_override, p.duration_ms, p.shot_size, p.angle, p.lens_mm,
         p.camera_move, p.action, p.dialogue, p.sound, p.transition, p.notes, p.status, p.tags,
         (SELECT l.image_sha256 FROM panel_layers l WHERE l.panel_id = p.id AND l.kind = 'image'
          ORDER BY l.position LIMIT 1) AS image_sha256
  FROM panels p`;

/** Every panel in board order (scene order, then panel order). */
export function listPanelRows(db: Db): PanelRow[] {
  return db
    .prepare(`${PANEL_SELECT} JOIN scenes s ON s.id = p.scene_id ORDER BY s.position, s.id, p.position, p.id`)
    .all() as PanelRow[];
}

export function listScenePanelRows(db: Db, sceneId: string): PanelRow[] {
  return db.prepare(`${PANEL_SELECT} WHERE p.scene_id = ? ORDER BY p.position, p.id`).all(sceneId) as PanelRow[];
}

export function getPanelRow(db: Db, id: string): PanelRow | undefined {
  return db.prepare(`${PANEL_SELECT} WHERE p.id = ?`).get(id) as PanelRow | undefined;
}

export function imageLayerId(db: Db, panelId: string): string | undefined {
  return db
    .prepare("SELECT id FROM panel_layers WHERE panel_id = ? AND kind = 'image' ORDER BY position LIMIT 1")
    .pluck()
    .get(panelId) as string | undefined;
}
