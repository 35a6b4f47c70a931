import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { CoreError } from '../../electron/core/errors';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { sha256File, tempDir } from './helpers';

/** A closed, valid project with a little content, at `file`. */
function makeProject(file: string): void {
  const p = Project.create(file, { title: 'Sample' });
  const scene = createScene(p, { patch: { heading: 'EXT. ROOF - DAY' } });
  for (let i = 0; i < 20; i++) createPanel(p, { sceneId: scene.id, patch: { action: 'x'.repeat(2000) } });
  p.close();
}

/** Opens `file`, expecting a CoreError with `code`; checks the file is byte-for-byte as it was. */
function expectRefused(file: string, code: string, messagePart: RegExp): CoreError {
  const before = fs.existsSync(file) && fs.statSync(file).isFile() ? sha256File(file) : null;
  const filesBefore = fs.readdirSync(path.dirname(file)).sort();
  let caught: unknown;
  try {
    Project.open(file).close();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CoreError);
  const err = caught as CoreError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(messagePart);
  if (before) expect(sha256File(file)).toBe(before);
  // Nothing left beside it: no -wal, -shm or lock file.
  expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(filesBefore);
  return err;
}

describe('opening a bad file gives a clear message and leaves the file unchanged', () => {
  const dir = tempDir();

  it('missing file', () => {
    expectRefused(path.join(dir, 'nowhere.boardwright'), 'FILE_NOT_FOUND', /not found/);
  });

  it('a text file', () => {
    const f = path.join(dir, 'notes.boardwright');
    fs.writeFileSync(f, 'INT. KITCHEN - NIGHT\nThis is a screenplay, not a project.\n'.repeat(10));
    expectRefused(f, 'NOT_SQLITE', /not a SQLite database/);
  });

  it('an empty file', () => {
    const f = path.join(dir, 'empty.boardwright');
    fs.writeFileSync(f, '');
    expectRefused(f, 'NOT_SQLITE', /not a Boardwright project/);
  });

  it('a folder', () => {
    const f = path.join(dir, 'folder.boardwright');
    fs.mkdirSync(f);
    expectRefused(f, 'NOT_SQLITE', /folder/);
  });

  it('a SQLite database that is not a Boardwright project', () => {
    const f = path.join(dir, 'other.boardwright');
    const db = new Database(f);
    db.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'Ann\')');
    db.close();
    expectRefused(f, 'NOT_BOARDWRIGHT', /SQLite database but not a Boardwright project/);
  });

  it('a truncated project', () => {
    const f = path.join(dir, 'truncated.boardwright');
    makeProject(f);
    const size = fs.statSync(f).size;
    fs.truncateSync(f, Math.floor(size / 2));
    expectRefused(f, 'CORRUPT', /truncated/);
  });

  it('a project cut inside its header', () => {
    const f = path.join(dir, 'stub.boardwright');
    makeProject(f);
    fs.truncateSync(f, 50);
    expectRefused(f, 'CORRUPT', /truncated/);
  });

  it('a corrupt project (pages overwritten)', () => {
    const f = path.join(dir, 'corrupt.boardwright');
    makeProject(f);
    const buf = fs.readFileSync(f);
    const pageSize = buf.readUInt16BE(16);
    for (let i = pageSize; i < buf.length; i++) buf[i] = (i * 7919) & 0xff;
    fs.writeFileSync(f, buf);
    expectRefused(f, 'CORRUPT', /damaged/);
  });

  it('a project from a newer version', () => {
    const f = path.join(dir, 'newer.boardwright');
    makeProject(f);
    const db = new Database(f);
    db.pragma('user_version = 99');
    db.close();
    expectRefused(f, 'NEWER_VERSION', /newer Boardwright.*format 99/);
  });

  it('a read-only project', () => {
    const f = path.join(dir, 'readonly.boardwright');
    makeProject(f);
    fs.chmodSync(f, 0o444);
    expectRefused(f, 'READ_ONLY', /read-only/);
    fs.chmodSync(f, 0o644);
  });

  it('a good project opens', () => {
    const f = path.join(dir, 'good.boardwright');
    makeProject(f);
    const p = Project.open(f);
    expect(p.board().scenes[0].panels).toHaveLength(20);
    expect(p.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(p.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(p.db.pragma('synchronous', { simple: true })).toBe(2);
    expect((p.db.pragma('application_id', { simple: true }) as number) >>> 0).toBe(0x42575244);
    p.close();
  });

  it('creating over an existing file is refused and leaves it alone', () => {
    const f = path.join(dir, 'exists.boardwright');
    fs.writeFileSync(f, 'precious');
    expect(() => Project.create(f, { title: 'x' })).toThrow(/already exists/);
    expect(fs.readFileSync(f, 'utf8')).toBe('precious');
  });
});
