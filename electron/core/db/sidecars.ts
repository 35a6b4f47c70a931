/**
 * SQLite keeps a project's uncommitted or uncheckpointed pages in files beside it (`-wal`, `-shm`,
 * `-journal`). Ones left beside a path by a deleted or overwritten project belong to another file:
 * SQLite would replay them into a new project created there, and corrupt it.
 */
import fs from 'node:fs';

export const SIDECAR_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

export function existingSidecars(file: string): string[] {
  return SIDECAR_SUFFIXES.map((s) => `${file}${s}`).filter((f) => fs.existsSync(f));
}

/**
 * Before a new file is written at `file` (New Project, Save a Copy As) removes the sidecars a previous
 * file left. The caller holds `file`'s lock, or has checked that no Boardwright process does.
 */
export function clearStaleSidecars(file: string): void {
  for (const f of existingSidecars(file)) fs.rmSync(f, { force: true });
}

/** Removes the sidecars that were not there before `before` was taken (a failed open leaves nothing). */
export function removeNewSidecars(file: string, before: string[]): void {
  for (const f of existingSidecars(file)) if (!before.includes(f)) fs.rmSync(f, { force: true });
}
