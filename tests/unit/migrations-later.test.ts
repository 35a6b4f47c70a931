import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { migration001 } from '../../electron/core/db/migrations/001-initial';
import { migration002 } from '../../electron/core/db/migrations/002-panel-composite';
import { migration003 } from '../../electron/core/db/migrations/003-generated-rows-follow-panel';
import { migration004 } from '../../electron/core/db/migrations/004-blobs-in-rowid-tables';
import { migration005 } from '../../electron/core/db/migrations/005-script-and-omitted';
import { migration006 } from '../../electron/core/db/migrations/006-image-palettes';
import { migration007 } from '../../electron/core/db/migrations/007-shot-lock-and-typed-prompts';
import { migration008 } from '../../electron/core/db/migrations/008-motion-jobs-and-clips';
import { migration009 } from '../../electron/core/db/migrations/009-clip-variations';

function memoryDb() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

function seedPanel(db: Database.Database) {
  db.prepare("INSERT INTO scenes (id, position, created_at) VALUES ('s', 1, 'now')").run();
  db.prepare("INSERT INTO panels (id, scene_id, position, duration_ms, created_at, updated_at) VALUES ('p', 's', 1, 2000, 'now', 'now')").run();
}

const imageRow = (sha: string, data: Buffer) => [sha, 'image/png', 64, 32, data.length, data, Buffer.from(`thumb-${sha}`), 'image/webp', 48, 24, `${sha}.png`, 'now'];
const INSERT_IMAGE_V1 = `INSERT INTO images (sha256, mime, width, height, byte_size, data, thumb, thumb_mime, thumb_width, thumb_height, source_name, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

describe('later migrations', () => {
  it('003 removes a panel\'s generated rows (jobs, prompt versions, variations) when the panel row goes', () => {
    const db = memoryDb();
    migrate(db, [migration001, migration002]);
    seedPanel(db);
    db.prepare(INSERT_IMAGE_V1).run(...imageRow('a', Buffer.from('img')));
    db.prepare("INSERT INTO prompt_versions (id, panel_id, text, params, created_at) VALUES ('v', 'p', 'a prompt', '{}', 'now')").run();
    db.prepare("INSERT INTO generation_jobs (id, panel_id, prompt_version_id, provider, count, params, status, attempts, created_at) VALUES ('j', 'p', 'v', 'builtin', 1, '{}', 'done', 1, 'now')").run();
    db.prepare("INSERT INTO variations (id, panel_id, job_id, prompt_version_id, image_sha256, provider, params, created_at) VALUES ('x', 'p', 'j', 'v', 'a', 'builtin', '{}', 'now')").run();
    // Before 003 the foreign keys block removing the panel.
    expect(() => db.prepare("DELETE FROM panels WHERE id = 'p'").run()).toThrow(/FOREIGN KEY/);
    expect(migrate(db, [migration001, migration002, migration003])).toBe(3);
    db.prepare("DELETE FROM panels WHERE id = 'p'").run();
    for (const t of ['variations', 'generation_jobs', 'prompt_versions']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(1);
  });

  it('004 moves images and audio into rowid tables and image bytes into image_data, keeping every row and every reference', () => {
    const db = memoryDb();
    migrate(db, [migration001, migration002, migration003]);
    seedPanel(db);
    const big = Buffer.alloc(200_000, 7);
    db.prepare(INSERT_IMAGE_V1).run(...imageRow('a', big));
    db.prepare(INSERT_IMAGE_V1).run(...imageRow('b', Buffer.from('small')));
    db.prepare("INSERT INTO panel_layers (id, panel_id, kind, position, image_sha256) VALUES ('l', 'p', 'image', 1, 'a')").run();
    db.prepare("UPDATE panels SET composite_sha256 = 'b'").run();
    db.prepare(`INSERT INTO audio_blobs (sha256, mime, byte_size, duration_ms, data, waveform, source_name, created_at)
      VALUES ('w', 'audio/wav', 4, 1000, x'01020304', x'ff', 'tone.wav', 'now')`).run();
    const IMAGE_COLUMNS = 'sha256, mime, width, height, byte_size, thumb, thumb_mime, thumb_width, thumb_height, source_name, created_at';
    const before = {
      images: db.prepare(`SELECT ${IMAGE_COLUMNS} FROM images ORDER BY sha256`).all(),
      bytes: db.prepare('SELECT sha256, data FROM images ORDER BY sha256').all(),
      audio: db.prepare('SELECT sha256, mime, byte_size, duration_ms, data, waveform, source_name, created_at FROM audio_blobs').all(),
    };

    expect(migrate(db, [migration001, migration002, migration003, migration004])).toBe(4);

    expect(db.prepare(`SELECT ${IMAGE_COLUMNS} FROM images ORDER BY sha256`).all()).toEqual(before.images);
    expect(db.prepare('SELECT sha256, data FROM image_data ORDER BY sha256').all()).toEqual(before.bytes);
    expect(db.prepare('SELECT sha256, mime, byte_size, duration_ms, data, waveform, source_name, created_at FROM audio_blobs').all()).toEqual(before.audio);
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('images')).not.toContain('data');
    expect(columns('audio_blobs').at(-1)).toBe('data');
    for (const table of ['images', 'image_data', 'audio_blobs']) {
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(table)).not.toMatch(/WITHOUT ROWID/i);
    }
    // The references into images still hold, and are still enforced.
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("UPDATE panel_layers SET image_sha256 = 'missing'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM images WHERE sha256 = 'a'").run()).toThrow(/FOREIGN KEY/);
    // Deleting an image that nothing uses takes its bytes with it.
    db.prepare("UPDATE panels SET composite_sha256 = NULL").run();
    db.prepare("DELETE FROM images WHERE sha256 = 'b'").run();
    expect(db.prepare('SELECT sha256 FROM image_data ORDER BY sha256').pluck().all()).toEqual(['a']);
  });

  it('005 gives scenes a script number and panels and scenes an omitted flag, keeping every row; scripts is empty', () => {
    const db = memoryDb();
    migrate(db, [migration001, migration002, migration003, migration004]);
    seedPanel(db);
    db.prepare("UPDATE scenes SET heading = 'INT. ROOF - NIGHT'").run();
    expect(migrate(db, [migration001, migration002, migration003, migration004, migration005])).toBe(5);
    expect(db.prepare('SELECT heading, script_number, omitted, script_scene FROM scenes').get()).toEqual({ heading: 'INT. ROOF - NIGHT', script_number: null, omitted: 0, script_scene: null });
    expect(db.prepare('SELECT id, omitted, script_element FROM panels').get()).toEqual({ id: 'p', omitted: 0, script_element: null });
    expect(db.prepare('SELECT count(*) FROM scripts').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO scripts (id, imported_at, file_name, format, sha256, panel_mode, source, parsed) VALUES ('x', 'now', 'a.doc', 'word', 'h', 'beats', x'00', '{}')").run()).toThrow(/CHECK/);
  });

  it('007: projects start unlocked, panels with no locked number or shown prompt, and earlier prompt versions count as sent', () => {
    const db = memoryDb();
    migrate(db, [migration001, migration002, migration003, migration004, migration005, migration006]);
    seedPanel(db);
    db.prepare("INSERT INTO project (id, title, created_at, created_by_version) VALUES (1, 'T', 'now', 'test')").run();
    db.prepare("INSERT INTO prompt_versions (id, panel_id, text, params, created_at) VALUES ('v', 'p', 'a prompt', '{}', 'now')").run();
    expect(migrate(db, [migration001, migration002, migration003, migration004, migration005, migration006, migration007])).toBe(7);
    expect(db.prepare('SELECT shot_numbers_locked FROM project').pluck().get()).toBe(0);
    expect(db.prepare('SELECT locked_shot_number, prompt_version_id FROM panels').get()).toEqual({ locked_shot_number: null, prompt_version_id: null });
    expect(db.prepare('SELECT source FROM prompt_versions').pluck().get()).toBe('sent');
    expect(() => db.prepare("UPDATE prompt_versions SET source = 'guessed'").run()).toThrow(/CHECK/);
  });

  it('008: empty clip store and job record; a job state outside the list, or a clip without its poster image, is refused', () => {
    const db = memoryDb();
    db.pragma('foreign_keys = ON');
    expect(migrate(db, [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008])).toBe(8);
    expect(db.prepare('SELECT count(*) FROM motion_jobs').pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO motion_jobs (id, provider, state, created_at, updated_at) VALUES ('j', 'veo', 'guessed', 'now', 'now')").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO clips (sha256, mime, byte_size, width, height, fps_num, fps_den, frames, duration_ms, poster_sha256, created_at) VALUES ('c', 'video/mp4', 1, 2, 2, 24, 1, 1, 42, 'missing', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('009: existing panels play no clip (hold by default), existing variations are stills; clip_after outside hold/loop is refused', () => {
    const db = memoryDb();
    expect(migrate(db, [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008])).toBe(8);
    seedPanel(db);
    expect(migrate(db, [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009])).toBe(9);
    expect(db.prepare('SELECT clip_sha256, clip_in_ms, clip_after FROM panels').get()).toEqual({ clip_sha256: null, clip_in_ms: 0, clip_after: 'hold' });
    expect(db.prepare('SELECT auto_pick, prompt_version_id FROM motion_jobs').all()).toEqual([]);
    expect(() => db.prepare("UPDATE panels SET clip_after = 'bounce'").run()).toThrow(/CHECK/);
  });
});
