import type { Db } from '../db/connection';
import type { SceneRow } from './rows';

export function listSceneRows(db: Db): SceneRow[] {
  return db.prepare('SELECT id, position, heading, synopsis FROM scenes ORDER BY position, id').all() as SceneRow[];
}

export function getSceneRow(db: Db, id: string): SceneRow | undefined {
  return db.prepare('SELECT id, position, heading, synopsis FROM scenes WHERE id = ?').get(id) as SceneRow | undefined;
}
