import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage, addImagePanels } from '../../electron/core/commands/image-commands';
import { readImageBytes } from '../../electron/core/queries/image-queries';
import { MAX_IMAGE_SIDE, THUMB_BOX } from '../../electron/core/media/image-import';
import { makePng, snapshot, tempDir } from './helpers';

async function projectWithPanel() {
  const p = Project.create(path.join(tempDir(), 'img.boardwright'), { title: 'Images' });
  const scene = createScene(p, {});
  return { p, scene, panel: createPanel(p, { sceneId: scene.id }) };
}

describe('adding images', () => {
  it('keeps the original bytes (EXIF, ICC and all) and makes a small thumbnail', async () => {
    const { p, panel } = await projectWithPanel();
    const jpeg = await sharp(await makePng(1600, 900))
      .withMetadata({ exif: { IFD0: { Artist: 'Storyboard Artist', Copyright: 'Boardwright test' } } })
      .withIccProfile('p3')
      .jpeg({ quality: 90 })
      .toBuffer();
    const result = await setPanelImage(p, panel.id, jpeg, 'frame.jpg');
    expect(result.imageSha256).toBe(createHash('sha256').update(jpeg).digest('hex'));
    const full = readImageBytes(p.db, result.imageSha256!, 'full')!;
    expect(full.mime).toBe('image/jpeg');
    expect(full.data.equals(jpeg)).toBe(true);
    const meta = await sharp(full.data).metadata();
    expect(meta.exif).toBeDefined();
    expect(meta.icc).toBeDefined();
    const thumb = readImageBytes(p.db, result.imageSha256!, 'thumb')!;
    const tmeta = await sharp(thumb.data).metadata();
    expect(thumb.mime).toBe('image/webp');
    expect(Math.max(tmeta.width!, tmeta.height!)).toBe(THUMB_BOX);
    expect(thumb.data.length).toBeLessThan(jpeg.length / 4);
    p.close();
  });

  it('downscales an image larger than 8K to fit 8192 px', async () => {
    const { p, panel } = await projectWithPanel();
    const huge = await sharp({ create: { width: 9000, height: 3000, channels: 3, background: '#336' } }).png().toBuffer();
    const result = await setPanelImage(p, panel.id, huge, 'huge.png');
    const row = p.db.prepare('SELECT width, height, mime FROM images WHERE sha256 = ?').get(result.imageSha256) as { width: number; height: number; mime: string };
    expect(row).toEqual({ width: MAX_IMAGE_SIDE, height: 2731, mime: 'image/png' });
    p.close();
  });

  it('refuses a file that is not an image, with a clear message, changing nothing', async () => {
    const { p, panel, scene } = await projectWithPanel();
    const before = snapshot(p.db);
    await expect(setPanelImage(p, panel.id, Buffer.from('%PDF-1.7 not an image'), 'script.pdf')).rejects.toMatchObject({
      code: 'NOT_AN_IMAGE',
      message: expect.stringContaining('script.pdf is not an image'),
    });
    await expect(
      addImagePanels(p, { sceneId: scene.id, files: [{ bytes: await makePng(10, 10), name: 'ok.png' }, { bytes: Buffer.from('nope'), name: 'bad.png' }] }),
    ).rejects.toMatchObject({ code: 'NOT_AN_IMAGE' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expect(setPanelImage(p, panel.id, svg, 'vector.svg')).rejects.toMatchObject({ code: 'NOT_AN_IMAGE' });
    expect(snapshot(p.db)).toEqual(before);
    p.close();
  });

  it('adds one panel per image, in order, as one undo step', async () => {
    const { p, scene } = await projectWithPanel();
    const files = await Promise.all([[255, 0, 0], [0, 255, 0], [0, 0, 255]].map(async (c, i) => ({ bytes: await makePng(40, 20, c as [number, number, number]), name: `${i}.png` })));
    const panels = await addImagePanels(p, { sceneId: scene.id, files, durationMs: 1500 });
    expect(panels.map((x) => x.shotNumber)).toEqual(['1B', '1C', '1D']);
    expect(panels.every((x) => x.durationMs === 1500 && x.imageSha256)).toBe(true);
    p.undo();
    expect(p.board().scenes[0].panels).toHaveLength(1);
    p.close();
  });
});
