import type { Db } from '../db/connection';
import type { PanelRow } from './rows';

/** The panel columns plus the image of its image layer and the measures of its clip. */
const PANEL_SELECT = `
  SELECT p.id, p.scene_id, p.position, p.shot_number_override, p.duration_ms, p.shot_size, p.angle, p.lens_mm,
         p.camera_move, p.action, p.dialogue, p.sound, p.transition, p.notes, p.status, p.tags, p.composite_sha256,
         p.omitted, p.script_element, p.camera_framing, p.locked_shot_number, p.prompt_version_id,
         p.clip_sha256, p.clip_in_ms, p.clip_after, c.width AS clip_width, c.height AS clip_height, c.fps_num AS clip_fps_num,
         c.fps_den AS clip_fps_den, c.frames AS clip_frames, c.duration_ms AS clip_duration_ms, c.poster_sha256 AS clip_poster_sha256,
         (SELECT l.image_sha256 FROM panel_layers l WHERE l.panel_id = p.id AND l.kind = 'image'
          ORDER BY l.position LIMIT 1) AS image_sha256
  FROM panels p LEFT JOIN clips c ON c.sha256 = p.clip_sha256`;

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

/** The given panels' ids in board order (scene order, then panel order); unknown ids are left out. */
export function orderPanelIds(db: Db, ids: string[]): string[] {
  return db
    .prepare(
      `SELECT p.id FROM panels p JOIN scenes s ON s.id = p.scene_id
       WHERE p.id IN (SELECT value FROM json_each(?))
       ORDER BY s.position, s.id, p.position, p.id`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as string[];
}

/** 0-based place of a panel in its scene (the order of listScenePanelRows), from the scene's index. */
export function panelIndexInScene(db: Db, row: Pick<PanelRow, 'id' | 'scene_id' | 'position'>): number {
  return db
    .prepare('SELECT count(*) FROM panels WHERE scene_id = ? AND position <= ? AND (position < ? OR id < ?)')
    .pluck()
    .get(row.scene_id, row.position, row.position, row.id) as number;
}

/** Panels with a manual shot number, in the given scenes or (no list) anywhere. */
export function overriddenPanelIds(db: Db, sceneIds?: string[]): string[] {
  if (!sceneIds) return db.prepare('SELECT id FROM panels WHERE shot_number_override IS NOT NULL').pluck().all() as string[];
  return db
    .prepare('SELECT id FROM panels WHERE shot_number_override IS NOT NULL AND scene_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(sceneIds)) as string[];
}
