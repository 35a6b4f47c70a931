import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { migrate } from '../../electron/core/db/migrate';
import { CURRENT_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations/index';
import { tableInfo } from '../../electron/core/history/table-info';
import { computeInsights } from '../../electron/core/insights/compute';
import { paletteOf } from '../../electron/core/insights/palette-store';
import { Project } from '../../electron/core/project';
import { newProject } from './edit-helpers';

let open: Project[] = [];
afterEach(() => {
  open.forEach((p) => p.close());
  open = [];
});

const solid = (rgb: number[]) => sharp({ create: { width: 320, height: 180, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();
const count = (p: Project) => p.db.prepare('SELECT count(*) FROM image_palettes').pluck().get();

/** A project whose images were stored before schema 6: two panels with pictures, saved at schema 5. */
async function schema5Project(): Promise<string> {
  const p = newProject('Old');
  const scene = createScene(p, {});
  await addImagePanels(p, { sceneId: scene.id, files: [{ bytes: await solid([200, 30, 30]), name: 'r.png' }, { bytes: await solid([30, 30, 200]), name: 'b.png' }] });
  // Back to schema 5: undo migration 012 (clip chunks), 010 (drawing layers), 009 (clip variations), 008 (clips, motion jobs), 007 (shot lock, prompt sources), then 006 (palettes).
  p.db.exec(`DROP TABLE stroke_chunks; DROP TABLE sketch_layers; ALTER TABLE panels DROP COLUMN composite_stale;
    ALTER TABLE variations DROP COLUMN clip_sha256; ALTER TABLE variations DROP COLUMN motion_job_id; ALTER TABLE panels DROP COLUMN clip_sha256;
    ALTER TABLE panels DROP COLUMN clip_in_ms; ALTER TABLE panels DROP COLUMN clip_after;
    DROP TABLE motion_jobs; DROP TABLE clips; DROP TABLE clip_chunks; ALTER TABLE project DROP COLUMN shot_numbers_locked; ALTER TABLE panels DROP COLUMN locked_shot_number;
    ALTER TABLE panels DROP COLUMN prompt_version_id; ALTER TABLE prompt_versions DROP COLUMN source;
    DROP TRIGGER images_delete_palette; DROP TABLE image_palettes; PRAGMA user_version = 5;`);
  const file = p.path;
  p.close();
  return file;
}

describe('migration 006: image palettes', () => {
  it('adds an empty image_palettes table; deleting an image deletes its palette; it is no reference that keeps an image', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare(`INSERT INTO images (sha256, mime, width, height, byte_size, thumb_mime, thumb_width, thumb_height, source_name, created_at, thumb)
      VALUES ('a', 'image/png', 4, 4, 3, 'image/webp', 4, 4, NULL, 'now', x'00')`).run();
    expect(migrate(db, MIGRATIONS.slice(0, 6))).toBe(6);
    expect(db.prepare('SELECT count(*) FROM image_palettes').pluck().get()).toBe(0);
    db.prepare(`INSERT INTO image_palettes (sha256, swatches) VALUES ('a', '[{"hex":"#ffffff","weight":1}]')`).run();
    // Unused sketch composites are collected by what references images: a palette must not count.
    expect(tableInfo(db, 'images').referencedBy.map((r) => r.table)).not.toContain('image_palettes');
    db.prepare("DELETE FROM images WHERE sha256 = 'a'").run();
    expect(db.prepare('SELECT count(*) FROM image_palettes').pluck().get()).toBe(0);
  });

  it('a schema 5 project with pictures opens at the current schema, and its palettes are extracted on the first figures and kept', async () => {
    const file = await schema5Project();
    const p = Project.open(file);
    open.push(p);
    expect(p.info().schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(count(p)).toBe(0);
    const insights = await computeInsights(p);
    expect(count(p)).toBe(2);
    const [red, blue] = p.board().scenes[0].panels.map((panel) => paletteOf(p, panel.imageSha256!));
    expect(red).toEqual([{ hex: expect.stringMatching(/^#c[89]1[def]1[def]$/), weight: 1 }]);
    expect(blue).toEqual([{ hex: expect.stringMatching(/^#1[def]1[def]c[89]$/), weight: 1 }]);
    expect([...insights.scenes[0].palette].sort()).toEqual([red[0].hex, blue[0].hex].sort());
    // Derived data: the backfill is no edit.
    expect(p.history().undoLabel).toBe('Add 2 panels');
  });

  it('opened read-only, missing palettes are computed for the figures but not written', async () => {
    const file = await schema5Project();
    Project.open(file).close(); // upgraded by a writer, as openToRead does
    const p = Project.open(file, { readOnly: true });
    open.push(p);
    expect((await computeInsights(p)).totals.palette).toEqual([expect.stringMatching(/^#1[def]1[def]c[89]$/), expect.stringMatching(/^#c[89]1[def]1[def]$/)]);
    expect(count(p)).toBe(0);
  });
});
