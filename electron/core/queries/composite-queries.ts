import type { Db } from '../db/connection';
import { quoteIdent, tableInfo } from '../history/table-info';

/** The source name composites are stored under, so only they are ever collected. */
export const COMPOSITE_SOURCE = 'sketch composite';

/**
 * Deletes flattened composites that nothing points at any more: no row (any column referencing
 * images) and no step of the undo history (a composite an undo would bring back must stay). One is
 * stored per stroke, so without this every stroke ever drawn, undone or long forgotten, would stay
 * in the file. Returns how many were deleted.
 */
export function deleteUnusedComposites(db: Db): number {
  const candidates = db.prepare('SELECT sha256 FROM images WHERE source_name = ?').pluck().all(COMPOSITE_SOURCE) as string[];
  if (candidates.length === 0) return 0;
  const used = new Set<string>();
  for (const ref of tableInfo(db, 'images').referencedBy) {
    const column = quoteIdent(ref.from);
    const rows = db.prepare(`SELECT DISTINCT ${column} FROM ${quoteIdent(ref.table)} WHERE ${column} IS NOT NULL`).pluck().all() as string[];
    for (const sha of rows) used.add(sha);
  }
  for (const changes of db.prepare('SELECT changes FROM history').pluck().iterate() as Iterable<string>) {
    for (const sha of changes.match(/[0-9a-f]{64}/g) ?? []) used.add(sha);
  }
  const remove = db.prepare('DELETE FROM images WHERE sha256 = ?');
  let deleted = 0;
  for (const sha of candidates) if (!used.has(sha)) deleted += remove.run(sha).changes;
  return deleted;
}
