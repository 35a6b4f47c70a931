import Database from 'better-sqlite3';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type Stroke, visibleStrokes } from '../../shared/domain/sketch';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { duplicatePanels } from '../../electron/core/commands/duplicate-commands';
import { addStroke, flipDrawing, getPanelLayers, pasteStrokes, removeStrokes, setImageVisible, updateStrokes } from '../../electron/core/commands/sketch-commands';
import { changeLayer, createLayer, mergeLayerDown, removeLayer, reorderLayer } from '../../electron/core/sketch/layer-commands';
import { decodeStroke, encodeStroke } from '../../electron/core/sketch/stroke-codec';
import { readImageBytes } from '../../electron/core/queries/image-queries';
import { PAPER } from '../../electron/core/media/sketch-render';
import type { Project } from '../../electron/core/project';
import { doc, expectOneExactUndoStep, newProject } from './edit-helpers';
import { BEFORE_CLIP_CHUNKS, rejection } from './helpers';

type NewStroke = Omit<Stroke, 'id'>;
const line = (y: number, color = '#101010', tool: Stroke['tool'] = 'pen'): NewStroke => ({ tool, color, size: 0.02, opacity: 1, points: [[0.1, y, 0.5], [0.5, y, 0.7], [0.9, y, 0.5]] });

async function setup() {
  const p = newProject('Layers');
  const scene = createScene(p, {});
  const panel = createPanel(p, { sceneId: scene.id });
  return { p, panelId: panel.id };
}

/** The colour of the panel's picture (its composite) at a point given in frame fractions. */
async function colourAt(p: Project, panelId: string, x: number, y: number): Promise<number[]> {
  const sha = p.panel(panelId).thumbSha256;
  if (!sha) return [PAPER.r, PAPER.g, PAPER.b];
  const { data, info } = await sharp(readImageBytes(p.db, sha, 'full')!.data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (Math.round(y * (info.height - 1)) * info.width + Math.round(x * (info.width - 1))) * 3;
  return [data[i], data[i + 1], data[i + 2]];
}
const isInk = (c: number[]) => c[0] < 60 && c[1] < 60 && c[2] < 60;
const isPaper = (c: number[]) => Math.abs(c[0] - PAPER.r) < 4 && Math.abs(c[1] - PAPER.g) < 4 && Math.abs(c[2] - PAPER.b) < 4;
const layerNamed = (p: Project, panelId: string, name: string) => getPanelLayers(p, panelId).layers.find((l) => l.name === name)!;

describe('stroke storage', () => {
  it('round-trips every kind of stroke within a fifth of a pixel at 4K, in 14 bytes plus 5 per point', () => {
    const strokes: NewStroke[] = [
      line(0.25),
      { tool: 'fill', color: '#A0B0C0', size: 0.001, opacity: 0.6, points: [[0, 0, 0], [1, 0, 0], [0.5, 1, 0]] },
      { tool: 'text', color: '#202020', size: 0.03, opacity: 1, points: [[0.2, 0.8, 0.5]], text: 'Pan left → 見る' },
      { tool: 'brush', color: '#ffffff', size: 0.5, opacity: 0, points: [[-1, 2, 1], [2, -1, 0]] },
    ];
    for (const s of strokes) {
      const data = encodeStroke(s);
      if (s.tool !== 'text') expect(data.length).toBe(14 + 5 * s.points.length);
      const back = decodeStroke('x/1', data);
      expect(back).toMatchObject({ id: 'x/1', tool: s.tool, color: s.color.toLowerCase() });
      expect(back.text).toBe(s.text);
      expect(back.size).toBeCloseTo(s.size, 6);
      expect(Math.abs(back.opacity - s.opacity)).toBeLessThan(0.003);
      back.points.forEach((pt, i) => pt.forEach((v, k) => expect(Math.abs(v - s.points[i][k])).toBeLessThan(k === 2 ? 0.003 : 5e-5)));
      // Stored once more, it stays exactly the same (nothing drifts with edits).
      expect(encodeStroke(back).equals(data)).toBe(true);
    }
    expect(() => decodeStroke('x/1', Buffer.from([9, 0, 0]))).toThrow(/format/);
  });
});

describe('drawing layers', () => {
  it('every panel offers Fill, Tone, Pencil, Ink and Notes over the reference, stored only once used', async () => {
    const { p, panelId } = await setup();
    expect(getPanelLayers(p, panelId).layers.map((l) => [l.name, l.role, l.visible, l.locked])).toEqual([
      ['Fill', 'fill', true, false], ['Tone', 'tone', true, false], ['Pencil', 'pencil', true, false], ['Ink', 'ink', true, false], ['Notes', 'notes', true, false],
    ]);
    expect(p.db.prepare('SELECT count(*) FROM sketch_layers').pluck().get()).toBe(0);
    await expectOneExactUndoStep(p, () => addStroke(p, panelId, line(0.5), 'std:ink'), 'Stroke on 1A');
    const ink = layerNamed(p, panelId, 'Ink');
    expect(ink.id).not.toMatch(/^std:/);
    expect(ink.strokes).toHaveLength(1);
    expect(p.db.prepare('SELECT count(*) FROM sketch_layers').pluck().get()).toBe(1);
    p.close();
  });

  it('the picture is the visible layers: hiding one takes its ink out, notes never print, each change one undo step', async () => {
    const { p, panelId } = await setup();
    await addStroke(p, panelId, line(0.3), 'std:pencil');
    await addStroke(p, panelId, line(0.6), 'std:ink');
    await addStroke(p, panelId, line(0.8), 'std:notes');
    expect(isInk(await colourAt(p, panelId, 0.5, 0.3))).toBe(true);
    expect(isInk(await colourAt(p, panelId, 0.5, 0.6))).toBe(true);
    expect(isPaper(await colourAt(p, panelId, 0.5, 0.8))).toBe(true);
    const pencil = layerNamed(p, panelId, 'Pencil');
    await expectOneExactUndoStep(p, () => changeLayer(p, panelId, pencil.id, { visible: false }), 'Hide layer Pencil on 1A');
    expect(isPaper(await colourAt(p, panelId, 0.5, 0.3))).toBe(true);
    expect(isInk(await colourAt(p, panelId, 0.5, 0.6))).toBe(true);
    expect(visibleStrokes(getPanelLayers(p, panelId))).toHaveLength(2); // the editor's flat list: visible layers only
    const ink = layerNamed(p, panelId, 'Ink');
    await changeLayer(p, panelId, ink.id, { opacity: 0.5 });
    const half = await colourAt(p, panelId, 0.5, 0.6);
    expect(half[0]).toBeGreaterThan(100);
    expect(half[0]).toBeLessThan(200);
    await changeLayer(p, panelId, ink.id, { visible: false });
    expect(p.panel(panelId).thumbSha256).toBeNull(); // nothing printed is left: the panel is blank paper again
    p.close();
  });

  it('a locked layer refuses strokes and changes, and the file stays as it was', async () => {
    const { p, panelId } = await setup();
    await addStroke(p, panelId, line(0.3), 'std:ink');
    const ink = layerNamed(p, panelId, 'Ink');
    await expectOneExactUndoStep(p, () => changeLayer(p, panelId, ink.id, { locked: true }), 'Lock layer Ink on 1A');
    const before = doc(p.db);
    expect((await rejection(addStroke(p, panelId, line(0.5), ink.id))).message).toMatch(/Ink layer is locked/);
    expect((await rejection(removeStrokes(p, panelId, [ink.strokes[0].id]))).message).toMatch(/locked/);
    expect((await rejection(removeLayer(p, panelId, ink.id))).message).toMatch(/locked/);
    expect(doc(p.db)).toEqual(before);
    p.close();
  });

  it('adds, renames, reorders, merges down and deletes layers, one undo step each', async () => {
    const { p, panelId } = await setup();
    await addStroke(p, panelId, line(0.3, '#c01010'), 'std:pencil');
    const pencil = layerNamed(p, panelId, 'Pencil');
    await expectOneExactUndoStep(p, () => createLayer(p, panelId, 'Rain', pencil.id), 'Add layer Rain on 1A');
    expect(getPanelLayers(p, panelId).layers.map((l) => l.name)).toEqual(['Fill', 'Tone', 'Pencil', 'Rain', 'Ink', 'Notes']);
    const rain = layerNamed(p, panelId, 'Rain');
    await expectOneExactUndoStep(p, () => changeLayer(p, panelId, rain.id, { name: 'Rain FX' }), 'Rename layer Rain to Rain FX on 1A');
    await expectOneExactUndoStep(p, () => reorderLayer(p, panelId, rain.id, 5), 'Move layer Rain FX on 1A');
    expect(getPanelLayers(p, panelId).layers.map((l) => l.name)).toEqual(['Fill', 'Tone', 'Pencil', 'Ink', 'Notes', 'Rain FX']);
    await reorderLayer(p, panelId, rain.id, 3);
    await addStroke(p, panelId, line(0.6, '#1010c0'), rain.id);
    await expectOneExactUndoStep(p, () => mergeLayerDown(p, panelId, rain.id), 'Merge Rain FX down on 1A');
    const merged = getPanelLayers(p, panelId);
    expect(merged.layers.map((l) => l.name)).toEqual(['Fill', 'Tone', 'Pencil', 'Ink', 'Notes']);
    expect(layerNamed(p, panelId, 'Pencil').strokes.map((s) => s.color)).toEqual(['#c01010', '#1010c0']);
    const fill = layerNamed(p, panelId, 'Fill');
    expect((await rejection(mergeLayerDown(p, panelId, fill.id))).message).toMatch(/lowest layer/);
    await expectOneExactUndoStep(p, () => removeLayer(p, panelId, layerNamed(p, panelId, 'Pencil').id), 'Delete layer Pencil on 1A');
    // A standard layer deleted comes back empty in its place.
    expect(getPanelLayers(p, panelId).layers.map((l) => [l.name, l.strokes.length])).toEqual([['Fill', 0], ['Tone', 0], ['Pencil', 0], ['Ink', 0], ['Notes', 0]]);
    p.close();
  });

  it('erases by stroke, moves strokes and pastes them onto another panel, one undo step each', async () => {
    const { p, panelId } = await setup();
    await addStroke(p, panelId, line(0.3), 'std:ink');
    await addStroke(p, panelId, line(0.6), 'std:ink');
    const [a, b] = layerNamed(p, panelId, 'Ink').strokes;
    await expectOneExactUndoStep(p, () => removeStrokes(p, panelId, [a.id]), 'Erase a stroke on 1A');
    expect(isPaper(await colourAt(p, panelId, 0.5, 0.3))).toBe(true);
    const moved = { ...b, points: b.points.map(([x, y, pr]) => [x, y + 0.2, pr] as [number, number, number]) };
    await expectOneExactUndoStep(p, () => updateStrokes(p, panelId, [moved]), 'Transform a stroke on 1A');
    expect(layerNamed(p, panelId, 'Ink').strokes.map((s) => s.id)).toEqual([b.id]);
    expect(isInk(await colourAt(p, panelId, 0.5, 0.8))).toBe(true);
    expect(isPaper(await colourAt(p, panelId, 0.5, 0.6))).toBe(true);
    const other = createPanel(p, { sceneId: p.panel(panelId).sceneId }).id;
    await expectOneExactUndoStep(p, () => pasteStrokes(p, other, [moved], 'std:tone'), 'Paste a stroke on 1B');
    expect(layerNamed(p, other, 'Tone').strokes).toHaveLength(1);
    expect(isInk(await colourAt(p, other, 0.5, 0.8))).toBe(true);
    // A text note given new words is named for it in the history.
    await addStroke(p, panelId, { tool: 'text', color: '#000000', size: 0.03, opacity: 1, points: [[0.1, 0.1, 0.5]], text: 'OLD' }, 'std:notes');
    const [note] = layerNamed(p, panelId, 'Notes').strokes;
    await expectOneExactUndoStep(p, () => updateStrokes(p, panelId, [{ ...note, text: 'NEW WORDS' }]), 'Edit text on 1A');
    expect(layerNamed(p, panelId, 'Notes').strokes.map((s) => [s.id, s.text])).toEqual([[note.id, 'NEW WORDS']]);
    await expectOneExactUndoStep(p, () => updateStrokes(p, panelId, [{ ...note, text: 'NEW WORDS', points: [[0.2, 0.2, 0.5]] }]), 'Transform a stroke on 1A');
    p.close();
  });

  it('hiding the reference picture leaves paper under the strokes; a duplicated panel keeps every layer', async () => {
    const { p, panelId } = await setup();
    await setPanelImage(p, panelId, await sharp({ create: { width: 160, height: 90, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer(), 'red.png');
    await addStroke(p, panelId, line(0.5), 'std:ink');
    await createLayer(p, panelId, 'Mine');
    expect((await colourAt(p, panelId, 0.5, 0.2))[0]).toBeGreaterThan(180);
    await expectOneExactUndoStep(p, () => setImageVisible(p, panelId, false), 'Hide reference on 1A');
    expect(isPaper(await colourAt(p, panelId, 0.5, 0.2))).toBe(true);
    expect(getPanelLayers(p, panelId).image).toMatchObject({ visible: false });
    const [copy] = duplicatePanels(p, [panelId]);
    const layers = getPanelLayers(p, copy.id);
    expect(layers.layers.map((l) => [l.name, l.strokes.length])).toEqual([['Fill', 0], ['Tone', 0], ['Pencil', 0], ['Ink', 1], ['Notes', 0], ['Mine', 0]]);
    expect(layers.layers.find((l) => l.name === 'Ink')!.id).not.toBe(layerNamed(p, panelId, 'Ink').id);
    expect(copy.thumbSha256).toBe(p.panel(panelId).thumbSha256);
    p.close();
  });
});

describe('flipping the drawing', () => {
  it('mirrors every stroke and flops the picture in one undo step, keeping the old picture as a variation; a locked layer stops it', async () => {
    const { p, panelId } = await setup();
    // Left half red, right half blue.
    const halves = await sharp({ create: { width: 160, height: 90, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .composite([{ input: { create: { width: 80, height: 90, channels: 3, background: { r: 30, g: 30, b: 200 } } }, left: 80, top: 0 }])
      .png()
      .toBuffer();
    await setPanelImage(p, panelId, halves, 'halves.png');
    const original = p.panel(panelId).imageSha256;
    await addStroke(p, panelId, { ...line(0.5), points: [[0.1, 0.5, 0.5], [0.3, 0.5, 0.5]] }, 'std:ink');
    await expectOneExactUndoStep(p, () => flipDrawing(p, panelId), 'Flip the drawing of 1A');
    const [stroke] = layerNamed(p, panelId, 'Ink').strokes;
    stroke.points.forEach(([x], i) => expect(x).toBeCloseTo([0.9, 0.7][i], 4));
    expect((await colourAt(p, panelId, 0.25, 0.2))[2]).toBeGreaterThan(150); // blue now on the left
    expect((await colourAt(p, panelId, 0.75, 0.2))[0]).toBeGreaterThan(150);
    expect(isInk(await colourAt(p, panelId, 0.8, 0.5))).toBe(true);
    expect(p.db.prepare('SELECT count(*) FROM variations WHERE panel_id = ? AND image_sha256 = ?').pluck().get(panelId, original)).toBe(1);
    await changeLayer(p, panelId, layerNamed(p, panelId, 'Ink').id, { locked: true });
    const before = doc(p.db);
    expect((await rejection(flipDrawing(p, panelId))).message).toMatch(/locked/);
    expect(doc(p.db)).toEqual(before);
    p.close();
  });
});

describe('migration 010: existing sketches become layered panels without loss', () => {
  it('a schema-9 project\'s strokes become its Pencil layer, in order, with the same composite; old undo entries go', async () => {
    const { p, panelId } = await setup();
    await addStroke(p, panelId, line(0.3));
    await addStroke(p, panelId, { ...line(0.3, '#000000', 'eraser'), points: [[0.45, 0.3, 0.5], [0.55, 0.3, 0.5]] });
    await addStroke(p, panelId, line(0.6, '#2050c0', 'brush'));
    const strokes = visibleStrokes(getPanelLayers(p, panelId));
    const composite = p.panel(panelId).thumbSha256;
    const file = p.path;
    p.close();
    // Turn the file back into what version 9 wrote: one panel_layers row per stroke, strokes as JSON.
    const db = new Database(file);
    const hist = db.prepare('SELECT max(seq) FROM history').pluck().get() as number;
    strokes.forEach((s, i) => {
      const { id: _id, ...json } = s;
      db.prepare("INSERT INTO panel_layers (id, panel_id, kind, position, strokes) VALUES (?, ?, 'sketch', ?, ?)").run(`legacy-${i}`, panelId, i + 1, JSON.stringify([json]));
    });
    db.prepare('INSERT INTO history (seq, label, changes, created_at) VALUES (?, ?, ?, ?)').run(hist + 1, 'Stroke on 1A', JSON.stringify([{ op: 'insert', table: 'panel_layers', row: { id: 'legacy-2', kind: 'sketch' } }]), new Date().toISOString());
    db.exec(BEFORE_CLIP_CHUNKS + 'DROP TABLE stroke_chunks; DROP TABLE sketch_layers; ALTER TABLE panels DROP COLUMN composite_stale; PRAGMA user_version = 9');
    db.close();
    const { Project } = await import('../../electron/core/project');
    const q = Project.open(file);
    const after = getPanelLayers(q, panelId);
    expect(after.layers.filter((l) => l.strokes.length).map((l) => l.name)).toEqual(['Pencil']);
    expect(visibleStrokes(after).map(({ id: _i, ...s }) => s)).toEqual(strokes.map(({ id: _i, ...s }) => s));
    expect(q.panel(panelId).thumbSha256).toBe(composite);
    expect(q.db.prepare("SELECT count(*) FROM panel_layers WHERE kind = 'sketch'").pluck().get()).toBe(0);
    expect(q.history().undoLabel).toBeNull();
    // Drawing goes on where it was: the next stroke lands on the same layer, after the old ones.
    await addStroke(q, panelId, line(0.8));
    expect(layerNamed(q, panelId, 'Pencil').strokes).toHaveLength(4);
    q.close();
  });
});
