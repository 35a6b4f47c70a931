import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { PrintCache } from '../../electron/core/export/pdf/images/print-cache';
import { PrintImages, forgetPreparedImages, type PreparedImage } from '../../electron/core/export/pdf/images/print-images';
import { ShrinkOnLoad, planDecode } from '../../electron/core/export/pdf/images/shrink-on-load';
import { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { edgeRise, slantedEdgeJpeg } from './slanted-edge';

/** The print size of a picture in a 3x2 cell on letter landscape (228 pt at 200 dpi), as the bench board. */
const CELL_PX = 634;
const W = 1280;
const H = 536;
type Rgb = [number, number, number];
const QUADRANTS: Rgb[] = [[220, 30, 30], [30, 200, 60], [30, 60, 220], [240, 220, 40]];

/** A W x H picture in four flat quadrants (red, green / blue, yellow): where each colour lands shows orientation. */
function quadrants(): Sharp {
  const px = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) px.set(QUADRANTS[(y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1)], (y * W + x) * 3);
  return sharp(px, { raw: { width: W, height: H, channels: 3 } });
}

/** The colours at the centres of an image's four quadrants (top left, top right, bottom left, bottom right). */
async function quadrantColours(image: Buffer | Sharp): Promise<Rgb[]> {
  const { data, info } = await (Buffer.isBuffer(image) ? sharp(image) : image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [[1, 1], [3, 1], [1, 3], [3, 3]].map(([fx, fy]) => {
    const i = (Math.floor((info.height * fy) / 4) * info.width + Math.floor((info.width * fx) / 4)) * info.channels;
    return [data[i], data[i + 1], data[i + 2]];
  });
}

function expectColoursNear(actual: Rgb[], expected: Rgb[], tolerance: number): void {
  actual.forEach((c, q) => c.forEach((v, ch) => expect(Math.abs(v - expected[q][ch]), `quadrant ${q} channel ${ch}: ${c} vs ${expected[q]}`).toBeLessThanOrEqual(tolerance)));
}

const dir = tempDir('bw-print-images-');
let project: Project;
let sceneId: string;

beforeAll(() => {
  project = Project.create(path.join(dir, 'Print.boardwright'), { title: 'Print', aspectRatio: '2.39' });
  sceneId = createScene(project, {}).id;
});
afterAll(() => project?.close());
afterEach(() => {
  vi.restoreAllMocks();
  forgetPreparedImages();
});

async function store(bytes: Buffer): Promise<string> {
  await addImagePanels(project, { sceneId, files: [{ bytes, name: null }] });
  return project.db.prepare('SELECT sha256 FROM images ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
}

/** The print copy of a stored picture at the bench cell's size, and the decode scales asked of ShrinkOnLoad. */
async function printCopy(sha: string, shrinkOnLoad = true): Promise<{ img: PreparedImage; scales: number[] }> {
  const write = vi.spyOn(ShrinkOnLoad.prototype, 'write');
  const images = new PrintImages(project.db, project.path, new Map(), { cache: PrintCache.disabled(), shrinkOnLoad });
  const img = await images.get(`sha:${sha}`, CELL_PX);
  images.close();
  forgetPreparedImages();
  const scales = write.mock.calls.map((c) => c[1]);
  write.mockRestore();
  expect(img).not.toBeNull();
  return { img: img!, scales };
}

describe('the decode plan', () => {
  it('decodes a JPEG at the largest scale still at least the print size; other formats whole, to the same print size', () => {
    expect(planDecode(1280, 634, true)).toEqual({ shrink: 2, size: 640, asDecoded: true });
    expect(planDecode(1280, 634, false)).toEqual({ shrink: 1, size: 640, asDecoded: false });
    expect(planDecode(4000, 634, true)).toEqual({ shrink: 4, size: 634, asDecoded: false });
    expect(planDecode(5120, 634, true)).toEqual({ shrink: 8, size: 640, asDecoded: true });
    expect(planDecode(1000, 634, true)).toEqual({ shrink: 1, size: 634, asDecoded: false });
    expect(planDecode(null, 634, true)).toEqual({ shrink: 1, size: 634, asDecoded: false });
    // More than 16x: sharp shrinks it on load by 8 itself.
    expect(planDecode(16000, 634, true)).toEqual({ shrink: 1, size: 634, asDecoded: false });
  });
});

describe('print copies of pictures', () => {
  it('decodes a large JPEG at half size: at least the cell at print resolution, the same size and colours as decoding it whole', async () => {
    const sha = await store(await quadrants().jpeg({ quality: 90 }).toBuffer());
    const fast = await printCopy(sha);
    const whole = await printCopy(sha, false);
    expect(fast.scales).toEqual([2]);
    expect(whole.scales).toEqual([]);
    // Made by the scaled decode itself, not by its fallback to the whole one.
    expect(fast.img.data.equals(whole.img.data)).toBe(false);
    expect([fast.img.width, fast.img.height]).toEqual([640, 268]);
    expect([whole.img.width, whole.img.height]).toEqual([640, 268]);
    expect(Math.max(fast.img.width, fast.img.height)).toBeGreaterThanOrEqual(CELL_PX);
    expectColoursNear(await quadrantColours(fast.img.data), QUADRANTS, 10);
  });

  it('is no softer than decoding the JPEG whole: a slanted edge rises over no more pixels', async () => {
    const sha = await store(await slantedEdgeJpeg(W, H));
    const fast = await printCopy(sha);
    const whole = await printCopy(sha, false);
    expect(fast.scales).toEqual([2]);
    const [a, b] = [await edgeRise(fast.img.data, W), await edgeRise(whole.img.data, W)];
    expect(a.rise).toBeLessThanOrEqual(b.rise);
    expect(a.rise).toBeLessThan(1.2);
  });

  it('honours EXIF orientation', async () => {
    const jpeg = await quadrants().jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
    const sha = await store(jpeg);
    const { img, scales } = await printCopy(sha);
    expect(scales).toEqual([2]);
    expect([img.width, img.height]).toEqual([268, 640]);
    expectColoursNear(await quadrantColours(img.data), await quadrantColours(sharp(jpeg).rotate()), 10);
  });

  it('converts CMYK and ICC-tagged JPEGs to sRGB as decoding them whole does', async () => {
    for (const jpeg of [
      await quadrants().toColourspace('cmyk').jpeg({ quality: 90 }).toBuffer(),
      await quadrants().withIccProfile('p3').jpeg({ quality: 90 }).toBuffer(),
    ]) {
      const sha = await store(jpeg);
      const fast = await printCopy(sha);
      const whole = await printCopy(sha, false);
      expect(fast.scales).toEqual([2]);
      expect((await sharp(fast.img.data).metadata()).channels).toBe(3);
      expectColoursNear(await quadrantColours(fast.img.data), await quadrantColours(whole.img.data), 6);
    }
  });

  it('decodes PNG and WebP whole, to the same print size and colours', async () => {
    for (const bytes of [await quadrants().png().toBuffer(), await quadrants().webp({ quality: 95 }).toBuffer()]) {
      const { img, scales } = await printCopy(await store(bytes));
      expect(scales).toEqual([]);
      expect([img.width, img.height]).toEqual([640, 268]);
      expectColoursNear(await quadrantColours(img.data), QUADRANTS, 10);
    }
  });

  it('decodes the JPEG whole when the scaled decode fails', async () => {
    const sha = await store(await quadrants().jpeg({ quality: 85 }).toBuffer());
    vi.spyOn(ShrinkOnLoad.prototype, 'write').mockResolvedValue({ input: path.join(dir, 'gone.jpg[shrink=2]'), done: () => undefined });
    const images = new PrintImages(project.db, project.path, new Map(), { cache: PrintCache.disabled() });
    const img = await images.get(`sha:${sha}`, CELL_PX);
    images.close();
    expect([img!.width, img!.height]).toEqual([640, 268]);
    expectColoursNear(await quadrantColours(img!.data), QUADRANTS, 10);
  });

  it('leaves no scratch file behind', async () => {
    const sha = await store(await quadrants().jpeg({ quality: 80 }).toBuffer());
    const write = vi.spyOn(ShrinkOnLoad.prototype, 'write');
    const images = new PrintImages(project.db, project.path, new Map(), { cache: PrintCache.disabled() });
    await images.get(`sha:${sha}`, CELL_PX);
    const scratch = (await write.mock.results[0].value)!.input.replace(/\[.*$/, '');
    images.close();
    expect(fs.existsSync(scratch)).toBe(false);
    expect(fs.existsSync(path.dirname(scratch))).toBe(false);
  });
});
