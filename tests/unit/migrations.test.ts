import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations/index';
import { migration001 } from '../../electron/core/db/migrations/001-initial';
import { migration002 } from '../../electron/core/db/migrations/002-panel-composite';
import type { Migration } from '../../electron/core/db/migrations/types';

function memoryDb() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

describe('migrations', () => {
  it('are numbered 1..n in order, one per version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('001 creates the whole product model and sets user_version 1', () => {
    const db = memoryDb();
    expect(migrate(db, [migration001])).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").pluck().all();
    for (const t of [
      'project', 'scenes', 'panels', 'images', 'panel_layers', 'prompt_versions', 'generation_jobs', 'variations',
      'decisions', 'characters', 'character_images', 'panel_characters', 'style_references', 'audio_blobs', 'audio_clips', 'history',
    ]) expect(tables).toContain(t);
    const panelCols = (db.prepare('PRAGMA table_info(panels)').all() as { name: string }[]).map((c) => c.name);
    expect(panelCols).toEqual(expect.arrayContaining([
      'id', 'scene_id', 'position', 'shot_number_override', 'duration_ms', 'shot_size', 'angle', 'lens_mm', 'camera_move',
      'action', 'dialogue', 'sound', 'transition', 'notes', 'status', 'tags',
    ]));
    const fks = db.prepare('PRAGMA foreign_key_list(variations)').all() as { table: string }[];
    expect(fks.map((f) => f.table)).toEqual(expect.arrayContaining(['panels', 'images', 'generation_jobs', 'prompt_versions']));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('002 adds panels.composite_sha256 (NULL for existing panels, pointing at images)', () => {
    const db = memoryDb();
    migrate(db, [migration001]);
    db.prepare("INSERT INTO scenes (id, position, created_at) VALUES ('s', 1, 'now')").run();
    db.prepare("INSERT INTO panels (id, scene_id, position, duration_ms, created_at, updated_at) VALUES ('p', 's', 1, 2000, 'now', 'now')").run();
    expect(migrate(db, [migration001, migration002])).toBe(2);
    expect(db.prepare('SELECT composite_sha256 FROM panels').pluck().get()).toBeNull();
    const fks = db.prepare('PRAGMA foreign_key_list(panels)').all() as { table: string; from: string }[];
    expect(fks).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'images', from: 'composite_sha256' })]));
    expect(() => db.prepare("UPDATE panels SET composite_sha256 = 'missing'").run()).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('running again is a no-op', () => {
    const db = memoryDb();
    migrate(db);
    expect(migrate(db)).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('a failing step rolls back every pending step and leaves the version as it was', () => {
    const db = memoryDb();
    const broken: Migration = { version: 2, description: 'fails', up: (d) => { d.exec('CREATE TABLE extra (x)'); throw new Error('boom'); } };
    expect(() => migrate(db, [migration001, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type='table'").pluck().get()).toBe(0);
  });
});
