import type { Db } from '../db/connection';
import type { ProjectRow } from './rows';

export function readProjectRow(db: Db): ProjectRow {
  return db.prepare('SELECT title, aspect_ratio, fps, default_duration_ms, style_notes, shot_numbers_locked FROM project WHERE id = 1').get() as ProjectRow;
}
