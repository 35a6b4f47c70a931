import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { previewImage } from '../../electron/core/media/preview';
import { PrintCache } from '../../electron/core/export/pdf/images/print-cache';
import { mediaResponse } from '../../electron/core/serve/media';
import { Session } from '../../electron/core/session';
import type { Shell } from '../../electron/core/shell';
import { THUMB_BOX } from '../../electron/core/media/image-import';
import { makePng, sha256File, tempDir } from './helpers';

const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) if (p.db.open) p.close();
});

async function projectWithImage(width: number, height: number) {
  const dir = tempDir('bw-preview-');
  const p = Project.create(path.join(dir, 'p.boardwright'), { title: 'Preview' });
  open.push(p);
  const panel = createPanel(p, { sceneId: createScene(p, {}).id });
  const bytes = await makePng(width, height, [20, 120, 220]);
  await setPanelImage(p, panel.id, bytes, 'frame.png');
  const sha = (p.db.prepare('SELECT sha256 FROM images').pluck().get() as string);
  return { p, dir, sha, bytes, cache: new PrintCache(path.join(dir, 'cache')) };
}

const webShell = (): Shell => ({
  kind: 'web', projectsDir: tempDir('bw-preview-projects-'),
  chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null, chooseCopyPath: async () => null, chooseSavePath: async () => null,
});

const cached = (dir: string) => fs.readdirSync(path.join(dir, 'cache'), { recursive: true }).filter((f) => String(f).endsWith('.jpg'));

describe('display-size previews', () => {
  it('keeps thumbnails small in the project, and makes larger previews from the original on request', async () => {
    const { p, dir, sha, cache } = await projectWithImage(1920, 804);
    const thumb = await sharp(p.db.prepare('SELECT thumb FROM images').pluck().get() as Buffer).metadata();
    expect(thumb.width).toBe(THUMB_BOX);

    const small = await previewImage(p.db, sha, 300, cache);
    expect(small!.type).toBe('image/jpeg');
    expect((await sharp(small!.body).metadata()).width).toBe(512);
    const large = await previewImage(p.db, sha, 700, cache);
    expect(await sharp(large!.body).metadata()).toMatchObject({ width: 1024, height: 429, format: 'jpeg' });
    // Asked for more than the largest width: the largest.
    expect((await sharp((await previewImage(p.db, sha, 4000, cache))!.body).metadata()).width).toBe(1024);
    expect(cached(dir)).toHaveLength(2);
  });

  it('reads a preview made before from the cache folder, never from or into the project file', async () => {
    const { p, dir, sha, cache } = await projectWithImage(1600, 900);
    p.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256File(p.path);
    const first = await previewImage(p.db, sha, 512, cache);
    const [file] = cached(dir);
    const marker = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00ff00' } }).jpeg().toBuffer();
    fs.writeFileSync(path.join(dir, 'cache', String(file)), marker);
    const second = await previewImage(p.db, sha, 512, cache);
    expect(second!.body.equals(marker)).toBe(true);
    expect(first!.body.equals(marker)).toBe(false);
    // A damaged copy in the cache is made again, not served.
    fs.writeFileSync(path.join(dir, 'cache', String(file)), Buffer.from('not a jpeg'));
    const remade = await previewImage(p.db, sha, 512, cache);
    expect(remade!.body.equals(first!.body)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'cache', String(file))).equals(first!.body)).toBe(true);
    p.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha256File(p.path)).toBe(before);
  });

  it('serves the original itself when it is no larger than the preview, and nothing for an unknown picture', async () => {
    const { p, dir, sha, bytes, cache } = await projectWithImage(480, 270);
    const preview = await previewImage(p.db, sha, 1024, cache);
    expect(preview).toEqual({ type: 'image/png', body: bytes });
    expect(await previewImage(p.db, 'f'.repeat(64), 512, cache)).toBeNull();
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(false);
  });

  it('an original that no longer decodes gets a 404 from the route, and the project file is left as it was', async () => {
    const { p, sha } = await projectWithImage(1400, 700);
    p.db.prepare('UPDATE image_data SET data = ? WHERE sha256 = ?').run(Buffer.from('garbage, not a picture'), sha);
    p.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = p.path;
    p.close();
    const before = sha256File(file);
    const session = new Session(webShell(), tempDir('bw-preview-settings-'));
    session.open(file);
    try {
      expect(await mediaResponse(session, `/media/preview/512/${sha}`)).toBeNull();
    } finally {
      session.close();
    }
    expect(sha256File(file)).toBe(before);
  });

  it('is served at /media/preview/<width>/<sha256> once a project is open', async () => {
    const { p, sha } = await projectWithImage(1200, 500);
    const file = p.path;
    p.close();
    const session = new Session(webShell(), tempDir('bw-preview-settings-'));
    expect(mediaResponse(session, `/media/preview/512/${sha}`)).toBeNull(); // no project open
    session.open(file);
    try {
      const media = await mediaResponse(session, `/media/preview/512/${sha}`);
      expect(media!.type).toBe('image/jpeg');
      expect((await sharp(media!.body).metadata()).width).toBe(512);
      expect(await mediaResponse(session, `/media/preview/512/${'0'.repeat(64)}`)).toBeNull();
      for (const bad of ['/media/preview/5/' + sha, '/media/preview/abc/' + sha, `/media/preview/512/${sha}/..`]) expect(mediaResponse(session, bad)).toBeNull();
    } finally {
      session.close();
    }
  });
});
