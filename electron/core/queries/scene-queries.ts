import type { Db } from '../db/connection';
import type { SceneRow } from './rows';

export function listSceneRows(db: Db): SceneRow[] {
  return db.prepare('SELECT id, position, heading, synopsis, script_number, omitted FROM scenes ORDER BY position, id').all() as SceneRow[];
}

export function getSceneRow(db: Db, id: string): SceneRow | undefined {
  return db.prepare('SELECT id, position, heading, synopsis, script_number, omitted FROM scenes WHERE id = ?').get(id) as SceneRow | undefined;
}

/** 1-based number of a scene in the project (the order of listSceneRows), from the position index. */
export function sceneNumber(db: Db, scene: Pick<SceneRow, 'id' | 'position'>): number {
  const before = db
    .prepare('SELECT count(*) FROM scenes WHERE position <= ? AND (position < ? OR id < ?)')
    .pluck()
    .get(scene.position, scene.position, scene.id) as number;
  return before + 1;
}

export function sceneColor(db: Db, id: string): string | null {
  return (db.prepare('SELECT color FROM scenes WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}
