import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CoreError, classifyStorageError } from '../errors';
import { WAL_AUTOCHECKPOINT_PAGES, cancelIdleCheckpoint } from './checkpoints';
import { checkProjectFile } from './header';
import { clearStaleSidecars, existingSidecars, removeNewSidecars } from './sidecars';
import { quickCheck } from './quick-check';
import { checkTargetPath } from '../files/target-path';
import { migrate } from './migrate';
import { CURRENT_SCHEMA_VERSION } from './migrations/index';
import { currentNativeBinding } from './native-binding';
import { APPLICATION_ID } from './schema-version';

export type Db = Database.Database;

/**
 * How long a statement waits for another connection's write lock. Other Boardwright processes are kept
 * out by the project lock; this covers other programs (a sqlite3 shell) and must fail fast, not hang.
 */
export const BUSY_TIMEOUT_MS = 1000;

function connect(file: string, fileMustExist: boolean, readonly = false): Db {
  const nativeBinding = currentNativeBinding();
  const db = new Database(file, { fileMustExist, readonly, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('foreign_keys = ON');
  if (!readonly) db.pragma('synchronous = FULL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!readonly) db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  return db;
}

/**
 * Creates a new project file, `initialise` writing its first rows. Fails if the file exists. The caller
 * holds the project lock on `file` (see project-lock.ts).
 * It is built under a temporary name and renamed, so the file appears whole or not at all.
 */
export function createDatabase(file: string, initialise: (db: Db) => void): Db {
  const name = path.basename(file);
  checkTargetPath(file);
  if (fs.existsSync(file)) throw new CoreError('FILE_EXISTS', `${name} already exists. Choose another name.`);
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${name}.${process.pid}.creating`);
  clearStaleSidecars(file);
  clearStaleSidecars(temp);
  try {
    const db = connect(temp, false);
    db.pragma('journal_mode = WAL');
    db.pragma(`application_id = ${APPLICATION_ID | 0}`);
    migrate(db);
    initialise(db);
    db.close();
    fs.renameSync(temp, file);
  } catch (e) {
    for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
    throw classifyStorageError(e, name);
  }
  try {
    quickCheck(file, name);
  } catch (e) {
    for (const f of [file, ...existingSidecars(file)]) fs.rmSync(f, { force: true });
    throw e;
  }
  return openDatabase(file);
}

/**
 * Opens an existing project file. The header is checked before SQLite touches the file, so a file that
 * is not ours, is damaged, or comes from a newer version is left byte-for-byte as it was.
 */
export function openDatabase(file: string, opts: { readOnly?: boolean } = {}): Db {
  const name = path.basename(file);
  const facts = checkProjectFile(file, CURRENT_SCHEMA_VERSION, { forWriting: !opts.readOnly });
  const sidecarsBefore = existingSidecars(file);
  let db: Db | undefined;
  try {
    db = connect(file, true, opts.readOnly);
    if (opts.readOnly) return checkReadOnly(db, name, facts.userVersion);
    // Reading the schema touches the pages a damaged file most often loses.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (facts.userVersion < CURRENT_SCHEMA_VERSION) {
      backupBeforeMigration(file, facts.userVersion);
      migrate(db);
      compactAfterUpgrade(db);
    }
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    const project = db.prepare('SELECT count(*) AS n FROM project').get() as { n: number };
    if (project.n !== 1) throw new CoreError('CORRUPT', `${name} is damaged: its project record is missing.`);
    return db;
  } catch (e) {
    db?.close();
    removeNewSidecars(file, sidecarsBefore);
    const err = classifyStorageError(e, name);
    if (err.code === 'INTERNAL' && /no such table|malformed/i.test(err.message)) {
      throw new CoreError('CORRUPT', `${name} is damaged (${err.message}). It was left untouched; open a backup or a copy.`);
    }
    throw err;
  }
}

/** A read-only project cannot be upgraded, and its project record must be there. */
function checkReadOnly(db: Db, name: string, userVersion: number): Db {
  if (userVersion < CURRENT_SCHEMA_VERSION) {
    throw new CoreError('READ_ONLY', `${name} is in an older project format and cannot be upgraded while opened read-only. Open it for writing once first.`);
  }
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  const project = db.prepare('SELECT count(*) AS n FROM project').get() as { n: number };
  if (project.n !== 1) throw new CoreError('CORRUPT', `${name} is damaged: its project record is missing.`);
  return db;
}

/**
 * An upgrade that rebuilt a table leaves the old copy's pages free inside the file; give them back so
 * the file is not left twice its size. Best effort: a failed VACUUM (say, a full disk) changes nothing.
 */
function compactAfterUpgrade(db: Db): void {
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const total = db.pragma('page_count', { simple: true }) as number;
  if (free < 16 || free < total / 4) return;
  try {
    db.exec('VACUUM');
  } catch {
    // The file is whole either way; the free pages are reused by the next images.
  }
}

/** Keeps the pre-migration file beside the original, so an upgrade never costs the user their only copy. */
function backupBeforeMigration(file: string, fromVersion: number): void {
  const backup = `${file}.v${fromVersion}.bak`;
  if (!fs.existsSync(backup)) fs.copyFileSync(file, backup);
}

export function closeDatabase(db: Db): void {
  cancelIdleCheckpoint(db);
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } catch {
    // Best effort: statistics are an optimisation, and a full disk must not stop the file closing.
  }
  db.close();
}
