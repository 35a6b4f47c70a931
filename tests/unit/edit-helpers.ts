/** Shared by the board-editing tests: projects, document snapshots and undo/redo checks. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '../../electron/core/db/connection';
import { Project } from '../../electron/core/project';
import { tempDir } from './helpers';

/** `inMemoryFs`: on tmpfs when there is one, where fsync is free (for tests that make thousands of edits). */
export function newProject(title = 'Edits', aspectRatio: '16:9' | '2.39' = '16:9', inMemoryFs = false): Project {
  const dir = inMemoryFs && fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/bw-edit-') : tempDir('bw-edit-');
  return Project.create(path.join(dir, 'edits.boardwright'), { title, aspectRatio });
}

/**
 * Every document row, for exact comparisons across undo and redo. The image store is left out: it is
 * content-addressed and append-only by design (undo never deletes media, so redo can point at it again);
 * `expectIntact` checks nothing points at a missing image. Image palettes are derived from images, likewise.
 */
export function doc(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('history', 'images', 'image_data', 'image_palettes') ORDER BY name")
    .pluck()
    .all() as string[];
  // A panel's composite is derived from its layers (drawn after an edit, outside the undo record).
  const derived = (t: string, row: Record<string, unknown>) => {
    if (t !== 'panels') return row;
    const { composite_sha256: _c, composite_stale: _s, ...rest } = row;
    return rest;
  };
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all() as Record<string, unknown>[]).map((r) => derived(t, r))]));
}

export function expectIntact(db: Db, context = ''): void {
  expect(db.pragma('foreign_key_check'), context).toEqual([]);
}

export const undoDepth = (db: Db): number => db.prepare('SELECT count(*) FROM history WHERE undone = 0').pluck().get() as number;

/** Runs one edit; checks it is exactly one undo step, that undo restores the state before and redo the state after. */
export async function expectOneExactUndoStep(p: Project, edit: () => unknown, label?: string): Promise<void> {
  const before = doc(p.db);
  const depth = undoDepth(p.db);
  await edit();
  const after = doc(p.db);
  expect(undoDepth(p.db)).toBe(depth + 1);
  if (label) expect(p.history().undoLabel).toBe(label);
  p.undo();
  expect(doc(p.db)).toEqual(before);
  p.redo();
  expect(doc(p.db)).toEqual(after);
  expectIntact(p.db);
}
