import type { Db } from '../db/connection';
import type { HistoryState } from '../../../shared/domain/project';
import { decodeChanges, encodeChanges, type Change } from './changes';
import { applyForward, applyInverse } from './recorder';

/** How many edits the file keeps for undo. The issue asks for at least 200. */
export const HISTORY_LIMIT = 1000;

interface Entry {
  seq: number;
  label: string;
  changes: string;
}

/** Records a finished edit. Must run inside the edit's own transaction. */
export function pushHistory(db: Db, label: string, changes: Change[]): void {
  db.prepare('DELETE FROM history WHERE undone = 1').run();
  const { seq } = db
    .prepare('INSERT INTO history (label, changes, created_at) VALUES (?, ?, ?) RETURNING seq')
    .get(label, encodeChanges(changes), new Date().toISOString()) as { seq: number };
  if (seq % 50 === 0) db.prepare('DELETE FROM history WHERE seq <= ?').run(seq - HISTORY_LIMIT);
}

/** `after` runs in the same transaction with the changes just undone (e.g. to mark derived pictures stale). */
export function undo(db: Db, after?: (changes: Change[]) => void): string | null {
  return db.transaction(() => {
    const entry = db.prepare('SELECT seq, label, changes FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1').get() as
      | Entry
      | undefined;
    if (!entry) return null;
    const changes = decodeChanges(entry.changes);
    applyInverse(db, changes);
    after?.(changes);
    db.prepare('UPDATE history SET undone = 1 WHERE seq = ?').run(entry.seq);
    return entry.label;
  }).immediate();
}

export function redo(db: Db, after?: (changes: Change[]) => void): string | null {
  return db.transaction(() => {
    const entry = db.prepare('SELECT seq, label, changes FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1').get() as
      | Entry
      | undefined;
    if (!entry) return null;
    const changes = decodeChanges(entry.changes);
    applyForward(db, changes);
    after?.(changes);
    db.prepare('UPDATE history SET undone = 0 WHERE seq = ?').run(entry.seq);
    return entry.label;
  }).immediate();
}

export function historyState(db: Db): HistoryState {
  const u = db.prepare('SELECT label FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined;
  const r = db.prepare('SELECT label FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1').pluck().get() as string | undefined;
  return { canUndo: u !== undefined, canRedo: r !== undefined, undoLabel: u ?? null, redoLabel: r ?? null };
}
