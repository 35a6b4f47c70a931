import type { Db } from './connection';

/**
 * Runs `write` (which commits its own transaction) without waiting for the disk: the commit is in the
 * log but not synced (synchronous=NORMAL). For writes a power cut may lose without harm: bytes ahead of
 * the row that refers to them (the row's synced commit syncs the log, and these frames with it), or
 * derived data the project redraws when it finds it missing. A process kill loses nothing.
 */
export function unsynced<T>(db: Db, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    if (db.open) db.pragma('synchronous = FULL');
  }
}
