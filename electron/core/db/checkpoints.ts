/**
 * When the write-ahead log is copied into the project file. SQLite's automatic checkpoint runs inside
 * the commit that takes the log past a limit; at SQLite's default (1,000 pages, 4 MB) a run of
 * generated images, 2-3 MB each, paid for a checkpoint on every other store. At 8 MB a burst pays for
 * one every third image (the median store no longer includes one; the p95 is unchanged), and a project
 * that goes quiet after a large write is checkpointed then, off anyone's critical path. Every commit is
 * durable in the log either way.
 */
import type Database from 'better-sqlite3';

export const WAL_AUTOCHECKPOINT_PAGES = 2000;
export const IDLE_CHECKPOINT_MS = 1000;

const pending = new WeakMap<Database.Database, NodeJS.Timeout>();

/** Checkpoints the log once the project has had no large write for `idleMs`. */
export function checkpointWhenIdle(db: Database.Database, idleMs = IDLE_CHECKPOINT_MS): void {
  clearTimeout(pending.get(db));
  const timer = setTimeout(() => {
    pending.delete(db);
    if (!db.open || db.inTransaction) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or a full disk: the log keeps the data, and the next checkpoint tries again.
    }
  }, idleMs);
  timer.unref();
  pending.set(db, timer);
}

/**
 * Runs `work` (a clip's import: its bytes, then its row) with no automatic checkpoint, then lets the
 * project checkpoint once it is idle. A 20 MB clip takes the log past the limit in its first commit, and
 * the checkpoint inside that commit wrote every page a second time, into the project file, while the
 * user waited (100 ms of a 300 ms store). The log holds the commits durably either way.
 */
export async function deferCheckpoint<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  db.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    if (db.open) {
      db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      checkpointWhenIdle(db);
    }
  }
}

export function cancelIdleCheckpoint(db: Database.Database): void {
  clearTimeout(pending.get(db));
  pending.delete(db);
}
