import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { prepareImage } from '../../electron/core/media/image-import';
import { computeInsights } from '../../electron/core/insights/compute';
import { combinePalettes, extractPalette, fromHex } from '../../electron/core/insights/palette';
import { paletteOf } from '../../electron/core/insights/palette-store';
import type { Project } from '../../electron/core/project';
import { newProject } from './edit-helpers';

let open: Project[] = [];
afterEach(() => {
  open.forEach((p) => p.close());
  open = [];
});

const RED: [number, number, number] = [210, 30, 40];
const BLUE: [number, number, number] = [20, 60, 200];

/** A PNG of `left` over the left `share` of its width and `right` over the rest. */
function split(width: number, height: number, share: number, left: number[], right: number[]): Promise<Buffer> {
  const cut = Math.round(width * share);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="${cut}" height="${height}" fill="rgb(${left.join(',')})"/>
    <rect x="${cut}" width="${width - cut}" height="${height}" fill="rgb(${right.join(',')})"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

const distance = (hex: string, rgb: number[]) => Math.hypot(...fromHex(hex).map((v, i) => v - rgb[i]));

describe('palette extraction, from the stored thumbnail', () => {
  it('a solid picture is one swatch covering all of it', async () => {
    const image = await prepareImage(await split(640, 360, 1, RED, RED), 'red.png');
    expect(image.palette).toHaveLength(1);
    expect(image.palette![0].weight).toBe(1);
    expect(distance(image.palette![0].hex, RED)).toBeLessThan(12);
  });

  it('a 70/30 two-colour picture gives two swatches weighing about 0.7 and 0.3, the larger first', async () => {
    const image = await prepareImage(await split(640, 360, 0.7, RED, BLUE), 'split.png');
    const [first, second, ...rest] = image.palette!;
    expect(rest).toEqual([]);
    expect(distance(first.hex, RED)).toBeLessThan(16);
    expect(distance(second.hex, BLUE)).toBeLessThan(16);
    expect(first.weight).toBeCloseTo(0.7, 1);
    expect(second.weight).toBeCloseTo(0.3, 1);
    expect(first.weight + second.weight).toBeCloseTo(1, 2);
  });

  it('is deterministic: the same thumbnail gives the same swatches', async () => {
    const image = await prepareImage(await split(300, 200, 0.4, BLUE, RED), 'b.png');
    expect(await extractPalette(image.thumb)).toEqual(await extractPalette(image.thumb));
    expect(await extractPalette(image.thumb)).toEqual(image.palette);
  });

  it('is stored with the image when a panel gets it, and read back by paletteOf', async () => {
    const p = newProject('Palette');
    open.push(p);
    const scene = createScene(p, {});
    const [panel] = await addImagePanels(p, { sceneId: scene.id, files: [{ bytes: await split(320, 180, 0.7, RED, BLUE), name: 'a.png' }] });
    const stored = paletteOf(p, panel.imageSha256!);
    expect(stored.map((s) => s.weight)).toEqual([expect.closeTo(0.7, 1), expect.closeTo(0.3, 1)]);
    expect(paletteOf(p, 'f'.repeat(64))).toEqual([]);
    // The image store and its palettes stay through undo (media are not part of the edit history).
    p.undo();
    expect(paletteOf(p, panel.imageSha256!)).toEqual(stored);
    p.redo();
    expect(p.board().scenes[0].panels[0].imageSha256).toBe(panel.imageSha256);
  });

  it('a scene\'s palette weighs each picture\'s colours by its screen time', async () => {
    const p = newProject('Scene palette');
    open.push(p);
    const scene = createScene(p, {});
    await addImagePanels(p, { sceneId: scene.id, durationMs: 3000, files: [{ bytes: await split(320, 180, 1, RED, RED), name: 'red.png' }] });
    await addImagePanels(p, { sceneId: scene.id, durationMs: 1000, files: [{ bytes: await split(320, 180, 1, BLUE, BLUE), name: 'blue.png' }] });
    const [figures] = (await computeInsights(p)).scenes;
    expect(figures.palette).toHaveLength(2);
    expect(distance(figures.palette[0], RED)).toBeLessThan(12);
    expect(distance(figures.palette[1], BLUE)).toBeLessThan(12);
    // Each panel's bar on the rhythm strip carries its own picture's colours.
    expect(figures.rhythm.map((bar) => bar.palette.length)).toEqual([1, 1]);
    expect(distance(figures.rhythm[1].palette[0], BLUE)).toBeLessThan(12);
  });

  it('combining palettes merges near colours and keeps the most covering', () => {
    const combined = combinePalettes(
      [
        { swatches: [{ hex: '#ff0000', weight: 0.5 }, { hex: '#00ff00', weight: 0.5 }], weight: 1000 },
        { swatches: [{ hex: '#fa0505', weight: 0.2 }, { hex: '#0000ff', weight: 0.8 }], weight: 1000 },
      ],
      2,
    );
    // Blue covers 0.8, the two near reds 0.5 + 0.2 together, green 0.5: left out.
    expect(combined).toHaveLength(2);
    expect(combined[0]).toBe('#0000ff');
    expect(distance(combined[1], [255, 0, 0])).toBeLessThan(6);
  });
});
