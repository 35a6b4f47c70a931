/**
 * A clip's bytes, stored as rows of up to CLIP_CHUNK_BYTES in `clip_chunks`, in order.
 *
 * Why not one blob: SQLite copies a bound blob twice (the parameter, then the record) before writing
 * its pages, and on this class of machine each fresh or copy-on-write page costs some 11 µs to touch.
 * A 20 MB clip written whole touched 60 MB of new memory, and after ffmpeg was spawned (a fork marks
 * every page of the process copy-on-write) even the reused heap faulted again: 200-250 ms for the
 * write alone. Written a megabyte at a time, with a small page cache, the same buffers are reused
 * and the write takes 65-80 ms (bench/motion.bench.ts, its floor). A megabyte's last page is the only waste.
 */
import type Database from 'better-sqlite3';
import { CoreError } from '../errors';

/** A connection (not db/connection's Db: migration 012 uses this file, and connection runs the migrations). */
type Db = Database.Database;

export const CLIP_CHUNK_BYTES = 1024 * 1024;
/** Pages SQLite keeps while writing a clip (1 MB): the rest are written to the log as they fill, reusing the same buffers. */
const WRITE_CACHE_PAGES = 256;

/** The clip's chunks, inserted in the caller's transaction. */
export function insertClipChunks(db: Db, sha256: string, data: Buffer): void {
  const add = db.prepare('INSERT INTO clip_chunks (sha256, seq, data) VALUES (?, ?, ?)');
  for (let at = 0, seq = 0; at < data.length; at += CLIP_CHUNK_BYTES, seq++) add.run(sha256, seq, data.subarray(at, at + CLIP_CHUNK_BYTES));
}

/** Runs `write` (a whole transaction) with a page cache of WRITE_CACHE_PAGES; the project's own size after. */
export function withWriteCache<T>(db: Db, write: () => T): T {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${WRITE_CACHE_PAGES}`);
  try {
    return write();
  } finally {
    if (db.open) db.pragma(`cache_size = ${before}`);
  }
}

export function hasClipBytes(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM clip_chunks WHERE sha256 = ? LIMIT 1').get(sha256) !== undefined;
}

/**
 * The clip's bytes, chunks joined in order; undefined when none are stored. `expectedBytes` (the clip
 * row's byte_size) catches a damaged file: a chunk missing or cut short is refused, never played.
 */
export function readClipChunks(db: Db, sha256: string, expectedBytes?: number): Buffer | undefined {
  const rows = db.prepare('SELECT seq, data FROM clip_chunks WHERE sha256 = ? ORDER BY seq').all(sha256) as { seq: number; data: Buffer }[];
  if (rows.length === 0) return undefined;
  const whole = rows.every((r, i) => r.seq === i && (i === rows.length - 1 || r.data.length === CLIP_CHUNK_BYTES));
  const data = rows.length === 1 ? rows[0].data : Buffer.concat(rows.map((r) => r.data));
  if (!whole || (expectedBytes !== undefined && data.length !== expectedBytes)) {
    throw new CoreError('CORRUPT', `The clip ${sha256.slice(0, 12)}… is damaged in the project file: its bytes are incomplete.`);
  }
  return data;
}

export function deleteClipChunks(db: Db, sha256: string): void {
  db.prepare('DELETE FROM clip_chunks WHERE sha256 = ?').run(sha256);
}

/** Removes bytes that no clip row owns (an import cut short by a crash); the number of clips' bytes removed. */
export function deleteOrphanClipChunks(db: Db): number {
  const orphans = db.prepare('SELECT DISTINCT sha256 FROM clip_chunks WHERE sha256 NOT IN (SELECT sha256 FROM clips)').pluck().all() as string[];
  for (const sha256 of orphans) deleteClipChunks(db, sha256);
  return orphans.length;
}
