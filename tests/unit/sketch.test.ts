import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type Stroke, visibleStrokes } from '../../shared/domain/sketch';
import type { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { addStroke, clearSketch, getPanelLayers, setImageOpacity } from '../../electron/core/commands/sketch-commands';
import { flattenPanel, readPictureState } from '../../electron/core/commands/panel-picture';
import { PanelRasters } from '../../electron/core/sketch/panel-rasters';
import { readImageBytes } from '../../electron/core/queries/image-queries';
import { PAPER } from '../../electron/core/media/sketch-render';
import { THUMB_BOX } from '../../electron/core/media/image-import';
import { snapshot } from './helpers';
import { COMPOSITE_SOURCE, deleteUnusedComposites } from '../../electron/core/queries/composite-queries';
import { expectIntact, expectOneExactUndoStep, newProject, undoDepth } from './edit-helpers';
import { compositeQueue } from '../../electron/core/sketch/composite-queue';

/** Waits until every composite an undo or redo made stale is drawn again. */
const drawn = (p: Project) => compositeQueue(p).settle();

type NewStroke = Omit<Stroke, 'id'>;
const line = (y: number, tool: Stroke['tool'] = 'pen', color = '#101010', size = 0.02): NewStroke => ({
  tool, color, size, opacity: 1, points: [[0.1, y, 0.5], [0.5, y, 0.7], [0.9, y, 0.5]],
});

/** A solid-colour image, so any pixel that is not this colour is ink. */
const solid = (width: number, height: number, rgb: [number, number, number]) =>
  sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();

async function setup(aspect: '16:9' | '2.39' = '16:9') {
  const p = newProject('Sketch', aspect);
  const scene = createScene(p, {});
  const blank = createPanel(p, { sceneId: scene.id });
  const pictured = createPanel(p, { sceneId: scene.id });
  await setPanelImage(p, pictured.id, await solid(320, 180, [200, 30, 30]), 'red.png');
  return { p, blank: blank.id, pictured: pictured.id };
}

/** The composite as raw pixels, with a reader for the colour at a point given in frame fractions. */
async function composite(p: Project, panelId: string) {
  const sha = p.panel(panelId).thumbSha256!;
  const { data, info } = await sharp(readImageBytes(p.db, sha, 'full')!.data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => {
    const i = (Math.round(y * (info.height - 1)) * info.width + Math.round(x * (info.width - 1))) * 3;
    return [data[i], data[i + 1], data[i + 2]];
  };
  return { width: info.width, height: info.height, at };
}

const near = (a: number[], b: number[], tolerance = 12) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
const paper = [PAPER.r, PAPER.g, PAPER.b];
const red = [200, 30, 30];

/** The stored composite is exactly what the panel's current layers draw. */
async function expectCompositeMatchesLayers(p: Project, panelId: string) {
  const expected = await flattenPanel(p, panelId, readPictureState(p, panelId), new PanelRasters());
  const row = p.db.prepare('SELECT composite_sha256 FROM panels WHERE id = ?').pluck().get(panelId);
  expect(row).toBe(expected?.sha256 ?? null);
}

describe('sketching on a panel', () => {
  it('a stroke on a blank panel is flattened onto paper at 1920 px and the project aspect; one undo step', async () => {
    const { p, blank } = await setup();
    await expectOneExactUndoStep(p, () => addStroke(p, blank, line(0.5)), 'Stroke on 1A');
    const panel = p.panel(blank);
    expect(panel.imageSha256).toBeNull();
    expect(panel.thumbSha256).toMatch(/^[0-9a-f]{64}$/);
    const img = await composite(p, blank);
    expect([img.width, img.height]).toEqual([1920, 1080]);
    for (const x of [0.2, 0.5, 0.8]) expect(img.at(x, 0.5)[0]).toBeLessThan(40);
    for (const [x, y] of [[0.5, 0.3], [0.5, 0.7], [0.05, 0.5], [0.95, 0.5]]) expect(near(img.at(x, y), paper, 2)).toBe(true);
    const layers = getPanelLayers(p, blank);
    expect(layers).toMatchObject({ panelId: blank, image: null });
    expect(visibleStrokes(layers)).toMatchObject([{ tool: 'pen' }]);
    // Stored at 16 bits per coordinate: within a fifth of a pixel at 4K.
    visibleStrokes(layers)[0].points.forEach((pt, i) => pt.forEach((v, k) => expect(Math.abs(v - line(0.5).points[i][k])).toBeLessThan(k === 2 ? 0.003 : 5e-5)));
    const thumb = await sharp(readImageBytes(p.db, panel.thumbSha256!, 'thumb')!.data).metadata();
    expect([thumb.width, thumb.height]).toEqual([THUMB_BOX, Math.round((THUMB_BOX * 9) / 16)]);
    p.close();
  });

  it('each stroke is one undo step, and undo brings back the previous composite', async () => {
    const { p, blank } = await setup();
    await addStroke(p, blank, line(0.3));
    const first = p.panel(blank).thumbSha256;
    await addStroke(p, blank, line(0.7, 'brush', '#2050c0'));
    expect(p.panel(blank).thumbSha256).not.toBe(first);
    expect(visibleStrokes(getPanelLayers(p, blank))).toHaveLength(2);
    p.undo();
    await drawn(p);
    expect(p.panel(blank).thumbSha256).toBe(first); // drawn again from the same strokes: the same picture
    expect(visibleStrokes(getPanelLayers(p, blank))).toHaveLength(1);
    p.undo();
    await drawn(p);
    expect(p.panel(blank).thumbSha256).toBeNull();
    expect(visibleStrokes(getPanelLayers(p, blank))).toEqual([]);
    p.close();
  });

  it('over an image: ink over the image, the image elsewhere, the eraser removes ink but never the image', async () => {
    const { p, pictured } = await setup();
    const image = p.panel(pictured).imageSha256;
    await addStroke(p, pictured, line(0.5));
    await expectOneExactUndoStep(p, () => addStroke(p, pictured, { ...line(0.5, 'eraser'), points: [[0.5, 0.2, 1], [0.5, 0.8, 1]] }), 'Erase on 1B');
    const panel = p.panel(pictured);
    expect(panel.imageSha256).toBe(image);
    const img = await composite(p, pictured);
    expect([img.width, img.height]).toEqual([320, 180]);
    expect(img.at(0.25, 0.5)[0]).toBeLessThan(60);
    expect(near(img.at(0.25, 0.2), red)).toBe(true);
    expect(near(img.at(0.5, 0.5), red)).toBe(true); // erased ink shows the image again
    p.close();
  });

  it('image opacity fades the image toward the paper; the composite follows; undo restores it', async () => {
    const { p, pictured } = await setup();
    await expectOneExactUndoStep(p, () => setImageOpacity(p, pictured, 0.25), 'Image opacity of 1B');
    expect(getPanelLayers(p, pictured).image).toMatchObject({ opacity: 0.25, width: 320, height: 180 });
    const faded = (await composite(p, pictured)).at(0.5, 0.5);
    expect(near(faded, red.map((c, i) => c * 0.25 + paper[i] * 0.75), 3)).toBe(true);
    await setImageOpacity(p, pictured, 1);
    expect(p.panel(pictured).thumbSha256).toBe(p.panel(pictured).imageSha256); // nothing to flatten any more
    p.close();
  });

  it('clear removes every stroke in one step; undo brings them back', async () => {
    const { p, pictured } = await setup();
    await addStroke(p, pictured, line(0.3));
    await addStroke(p, pictured, line(0.6, 'pencil'));
    await expectOneExactUndoStep(p, () => clearSketch(p, pictured), 'Clear sketch on 1B');
    expect(visibleStrokes(getPanelLayers(p, pictured))).toEqual([]);
    expect(p.panel(pictured).thumbSha256).toBe(p.panel(pictured).imageSha256);
    const depth = undoDepth(p.db);
    await clearSketch(p, pictured);
    expect(undoDepth(p.db)).toBe(depth); // nothing left to clear: no empty undo step
    p.close();
  });

  it('replacing the image of a sketched panel redraws the sketch over the new image', async () => {
    const { p, pictured } = await setup();
    await addStroke(p, pictured, line(0.5));
    await setPanelImage(p, pictured, await solid(320, 180, [30, 160, 40]), 'green.png');
    const img = await composite(p, pictured);
    expect(near(img.at(0.5, 0.2), [30, 160, 40])).toBe(true);
    expect(img.at(0.5, 0.5)[1]).toBeLessThan(60);
    await expectCompositeMatchesLayers(p, pictured);
    p.undo();
    await drawn(p);
    expect(near((await composite(p, pictured)).at(0.5, 0.2), red)).toBe(true);
    p.close();
  });

  it('strokes sent together all land, one undo step each, and the composite matches the layers', async () => {
    const { p, blank, pictured } = await setup();
    const depth = undoDepth(p.db);
    await Promise.all([addStroke(p, blank, line(0.2)), addStroke(p, blank, line(0.4)), addStroke(p, pictured, line(0.6)), addStroke(p, blank, line(0.8))]);
    expect(undoDepth(p.db)).toBe(depth + 4);
    expect(visibleStrokes(getPanelLayers(p, blank)).map((s) => s.points[0][1])).toEqual([0.2, 0.4, 0.8]);
    const img = await composite(p, blank);
    for (const y of [0.2, 0.4, 0.8]) expect(img.at(0.5, y)[0]).toBeLessThan(40);
    await expectCompositeMatchesLayers(p, blank);
    await expectCompositeMatchesLayers(p, pictured);
    p.close();
  });

  it('a stroke is committed before its composite is drawn; an undo meanwhile still leaves a composite that matches the layers', async () => {
    const { p, blank } = await setup();
    await addStroke(p, blank, line(0.2));
    const pending = addStroke(p, blank, line(0.8));
    // Already in the file while its picture is still being drawn.
    expect(visibleStrokes(getPanelLayers(p, blank)).map((s) => s.points[0][1])).toEqual([0.2, 0.8]);
    await new Promise((r) => setImmediate(r));
    p.undo(); // lands during the drawing of the second stroke's composite
    await pending;
    await drawn(p);
    await expectCompositeMatchesLayers(p, blank);
    expect(visibleStrokes(getPanelLayers(p, blank)).map((s) => s.points[0][1])).toEqual([0.2]);
    p.close();
  });

  it('a composite is derived, not kept per stroke: undo draws it again, and the ones nothing shows are deleted', async () => {
    const { p, pictured } = await setup(); // small frames: this test draws 60 strokes
    const composites = () => p.db.prepare('SELECT count(*) FROM images WHERE source_name = ?').pluck().get(COMPOSITE_SOURCE) as number;
    for (const y of [0.2, 0.4, 0.6]) await addStroke(p, pictured, line(y));
    expect(deleteUnusedComposites(p.db)).toBe(2); // only the current one is needed: undo draws the others again
    expect(composites()).toBe(1);
    p.undo();
    p.undo();
    expect(p.db.prepare('SELECT composite_stale FROM panels WHERE id = ?').pluck().get(pictured)).toBe(1);
    await drawn(p);
    await expectCompositeMatchesLayers(p, pictured);
    expect(p.db.prepare('SELECT composite_stale FROM panels WHERE id = ?').pluck().get(pictured)).toBe(0);
    p.undo();
    await drawn(p);
    expect(p.panel(pictured).thumbSha256).toBe(p.panel(pictured).imageSha256);
    p.redo();
    p.redo();
    await drawn(p);
    await expectCompositeMatchesLayers(p, pictured);
    expect(readImageBytes(p.db, p.panel(pictured).thumbSha256!, 'thumb')).toBeDefined();
    expectIntact(p.db);
    // Collection also runs by itself every so often while drawing.
    const before = composites();
    for (let i = 0; i < 30; i++) await addStroke(p, pictured, line(0.1 + i / 40));
    expect(composites()).toBeLessThan(before + 30);
    expect(composites()).toBeLessThanOrEqual(before + 25);
    p.close();
  });

  it('refuses a missing panel, and image opacity on a panel without an image, changing nothing', async () => {
    const { p, blank } = await setup();
    const before = snapshot(p.db);
    await expect(addStroke(p, 'nope', line(0.5))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(clearSketch(p, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setImageOpacity(p, blank, 0.5)).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('1A has no image') });
    expect(() => getPanelLayers(p, 'nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(snapshot(p.db)).toEqual(before);
    p.close();
  });

  it('every tool, pressure and the eraser, over a letterboxed image (saved for a look under artifacts/)', async () => {
    const { p, pictured } = await setup('2.39');
    const wave = (tool: Stroke['tool'], y: number, color: string, size: number): NewStroke => ({
      tool, color, size, opacity: 1,
      points: Array.from({ length: 60 }, (_, i) => [0.1 + 0.8 * (i / 59), y + 0.06 * Math.sin(i / 6), Math.sin((Math.PI * i) / 59)] as [number, number, number]),
    });
    for (const s of [wave('pen', 0.25, '#111111', 0.008), wave('pencil', 0.45, '#111111', 0.008), wave('brush', 0.65, '#1d4fa0', 0.01), wave('pen', 0.85, '#f0f0f0', 0.006)]) {
      await addStroke(p, pictured, s);
    }
    await addStroke(p, pictured, { tool: 'eraser', color: '#000000', size: 0.04, opacity: 1, points: [[0.7, 0.1, 0.5], [0.7, 0.9, 0.5]] });
    const img = await composite(p, pictured);
    // 320x180 (16:9) sits pillarboxed in a 2.39 frame 430 px wide, on paper.
    expect([img.width, img.height]).toEqual([430, 180]);
    expect(near(img.at(0.02, 0.5), paper, 3)).toBe(true);
    const dir = path.resolve(__dirname, '../../artifacts/sketch');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'composite-tools.png'), await sharp(readImageBytes(p.db, p.panel(pictured).thumbSha256!, 'full')!.data).png().toBuffer());
    p.close();
  });
});
