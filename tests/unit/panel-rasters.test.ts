import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../shared/domain/sketch';
import type { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { addStroke, pasteStrokes, removeStrokes, setImageOpacity } from '../../electron/core/commands/sketch-commands';
import { changeLayer } from '../../electron/core/sketch/layer-commands';
import { readPictureState } from '../../electron/core/sketch/picture-state';
import { strokeId } from '../../electron/core/sketch/layer-ids';
import { PanelRasters } from '../../electron/core/sketch/panel-rasters';
import { readImageBytes } from '../../electron/core/queries/image-queries';
import { blendIntoLayer, flattenRect } from '../../electron/core/media/raster-blend';
import { newProject } from './edit-helpers';

type NewStroke = Omit<Stroke, 'id'>;
const stroke = (x: number, y: number, tool: Stroke['tool'] = 'pen', color = '#203040'): NewStroke => ({
  tool, color, size: 0.01, opacity: tool === 'brush' ? 0.7 : 1, points: [[x, y, 0.3], [x + 0.05, y + 0.02, 0.8], [x + 0.1, y, 0.5]],
});

async function setup(): Promise<{ p: Project; panelId: string }> {
  const p = newProject('Rasters');
  const panelId = createPanel(p, { sceneId: createScene(p, {}).id }).id;
  const photo = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 90, g: 120, b: 150 } } }).jpeg().toBuffer();
  await setPanelImage(p, panelId, photo, 'plate.jpg');
  await pasteStrokes(p, panelId, [stroke(0.1, 0.2), stroke(0.3, 0.5, 'brush', '#aa2200'), stroke(0.6, 0.7, 'pencil')], 'std:pencil');
  await pasteStrokes(p, panelId, [stroke(0.2, 0.3, 'pen', '#000000')], 'std:ink');
  return { p, panelId };
}

/** Draws the panel's current state with kept rasters, and afresh; both must give the same pixels. */
async function drawBoth(p: Project, panelId: string, kept: PanelRasters) {
  const state = readPictureState(p, panelId);
  const image = () => (state.imageSha ? (readImageBytes(p.db, state.imageSha, 'full')?.data ?? null) : null);
  const again = await kept.draw(panelId, state, image);
  const afresh = await new PanelRasters().draw(panelId, state, image);
  return { again: { ...again, picture: Buffer.from(again.picture) }, afresh };
}

describe('a panel picture drawn from kept rasters', () => {
  it('after strokes are added, only their pixels are laid again, and the picture is exactly the one drawn afresh', async () => {
    const { p, panelId } = await setup();
    const kept = new PanelRasters();
    const first = await drawBoth(p, panelId, kept);
    expect(first.again.picture.equals(first.afresh.picture)).toBe(true);
    const frameArea = first.afresh.frame.width * first.afresh.frame.height;

    await addStroke(p, panelId, stroke(0.5, 0.4, 'brush', '#116611'), 'std:pencil');
    const added = await drawBoth(p, panelId, kept);
    expect(added.again.changed).not.toBeNull();
    expect(added.again.changed!.w * added.again.changed!.h).toBeLessThan(frameArea / 20);
    expect(added.again.picture.equals(added.afresh.picture)).toBe(true);
    expect(added.again.picture.equals(first.afresh.picture)).toBe(false);

    // An eraser through the pencil strokes, under the ink layer: it cuts the pencil ink only.
    await addStroke(p, panelId, { ...stroke(0.05, 0.2, 'eraser'), size: 0.03, points: [[0.05, 0.21, 1], [0.5, 0.21, 1]] }, 'std:pencil');
    const erased = await drawBoth(p, panelId, kept);
    expect(erased.again.changed!.w * erased.again.changed!.h).toBeLessThan(frameArea / 4);
    expect(erased.again.picture.equals(erased.afresh.picture)).toBe(true);
    p.close();
  });

  it('stays exact through hiding, fading, removing strokes, a text note, a fill and a faded reference', async () => {
    const { p, panelId } = await setup();
    const kept = new PanelRasters();
    await drawBoth(p, panelId, kept);
    const layers = readPictureState(p, panelId).layers;
    const pencil = layers.find((l) => l.role === 'pencil')!;
    const ink = layers.find((l) => l.role === 'ink')!;
    const edits: [string, () => Promise<unknown>][] = [
      ['hide the ink', () => changeLayer(p, panelId, ink.id, { visible: false })],
      ['fade the pencil', () => changeLayer(p, panelId, pencil.id, { opacity: 0.5 })],
      ['show the ink', () => changeLayer(p, panelId, ink.id, { visible: true })],
      ['erase a stroke by stroke', () => removeStrokes(p, panelId, [strokeId(pencil.id, 2)])],
      ['a text note', () => addStroke(p, panelId, { tool: 'text', color: '#222222', size: 0.04, opacity: 1, points: [[0.4, 0.6, 0.5]], text: 'PAN LEFT' }, 'std:ink')],
      ['a fill', () => addStroke(p, panelId, { tool: 'fill', color: '#ddcc88', size: 0.01, opacity: 1, points: [[0.6, 0.1, 0.5], [0.9, 0.1, 0.5], [0.8, 0.4, 0.5]] }, 'std:fill')],
      ['fade the reference', () => setImageOpacity(p, panelId, 0.4)],
      ['undo', async () => p.undo()],
      ['redo', async () => p.redo()],
    ];
    for (const [what, edit] of edits) {
      await edit();
      const { again, afresh } = await drawBoth(p, panelId, kept);
      expect(again.picture.equals(afresh.picture), what).toBe(true);
    }
    p.close();
  });
});

describe('blending rasters', () => {
  it('lays ink over a layer with straight alpha, and an eraser cuts the layer', () => {
    const layer = Buffer.from([0, 0, 255, 255, 0, 0, 0, 0]);
    const red = Buffer.from([255, 0, 0, 128, 255, 0, 0, 128]);
    blendIntoLayer(layer, 2, red, { x: 0, y: 0, w: 2, h: 1 }, 'over');
    // Half red over opaque blue: opaque, half and half. Half red over nothing: half red.
    expect([...layer]).toEqual([128, 0, 127, 255, 255, 0, 0, 128]);
    blendIntoLayer(layer, 2, Buffer.from([0, 0, 0, 255, 0, 0, 0, 64]), { x: 0, y: 0, w: 2, h: 1 }, 'out');
    expect(layer[3]).toBe(0);
    expect(layer[7]).toBe(96);
  });

  it('flattens layers over the ground at their opacity, only inside the rectangle', () => {
    const ground = Buffer.from([100, 100, 100, 100, 100, 100]);
    const out = Buffer.from([1, 1, 1, 1, 1, 1]);
    const white = Buffer.from([255, 255, 255, 255, 255, 255, 255, 255]);
    flattenRect(out, ground, [{ rgba: white, opacity: 0.5 }], 2, { x: 1, y: 0, w: 1, h: 1 });
    expect([...out]).toEqual([1, 1, 1, 178, 178, 178]);
  });
});
