import { describe, expect, it } from 'vitest';
import type { Project } from '../../electron/core/project';
import { createScene, updateScene } from '../../electron/core/commands/scene-commands';
import { createPanel, movePanels, updatePanels } from '../../electron/core/commands/panel-commands';
import { addImagePanels, setPanelImage } from '../../electron/core/commands/image-commands';
import { duplicatePanels } from '../../electron/core/commands/duplicate-commands';
import { renumberShots } from '../../electron/core/commands/renumber-commands';
import { mergeScenes, splitScene } from '../../electron/core/commands/scene-structure-commands';
import { addStroke, getPanelLayers } from '../../electron/core/commands/sketch-commands';
import { makePng } from './helpers';
import { doc, expectOneExactUndoStep, newProject, undoDepth } from './edit-helpers';

/** Two scenes: 1A 1B 1C 1D (1A and 1B with images) and 2A 2B. */
async function board(p: Project) {
  const s1 = createScene(p, { patch: { heading: 'INT. KITCHEN - NIGHT', synopsis: 'The kettle.' } });
  const s2 = createScene(p, { patch: { heading: 'EXT. STREET - DAY', synopsis: 'The chase.' } });
  const [a, b] = await addImagePanels(p, { sceneId: s1.id, files: [{ bytes: await makePng(64, 36), name: 'a.png' }, { bytes: await makePng(64, 36, [0, 90, 200]), name: 'b.png' }] });
  const c = createPanel(p, { sceneId: s1.id, patch: { action: 'She listens.' } });
  const d = createPanel(p, { sceneId: s1.id });
  const e = createPanel(p, { sceneId: s2.id });
  const f = createPanel(p, { sceneId: s2.id });
  return { s1, s2, a, b, c, d, e, f };
}

const ids = (p: Project) => p.board().scenes.map((s) => s.panels.map((x) => x.id));
const shots = (p: Project) => p.board().scenes.map((s) => s.panels.map((x) => x.shotNumber));

describe('duplicating panels', () => {
  it('copies fields, image, sketch and composite right after the original, without its manual shot number', async () => {
    const p = newProject();
    const { a, b, c } = await board(p);
    updatePanels(p, [a.id], { shotSize: 'CU', lensMm: 85, dialogue: 'Who is there?', tags: ['night'], shotNumberOverride: '12A', status: 'review' });
    await addStroke(p, a.id, { tool: 'pen', color: '#111111', size: 0.01, opacity: 1, points: [[0.1, 0.5, 0.5], [0.9, 0.5, 0.5]] });
    const original = p.panel(a.id);
    let copies: ReturnType<typeof duplicatePanels> = [];
    await expectOneExactUndoStep(p, () => (copies = duplicatePanels(p, [a.id])), 'Duplicate panel 12A');
    const copy = p.panel(copies[0].id);
    expect(ids(p)[0]).toEqual([a.id, copy.id, b.id, c.id, expect.any(String)]);
    const { id: _1, shotNumber: _2, shotNumberOverride, ...fields } = copy;
    const { id: _3, shotNumber: _4, shotNumberOverride: _5, ...originalFields } = original;
    expect(fields).toEqual(originalFields);
    expect(shotNumberOverride).toBeNull();
    expect(copy.shotNumber).toBe('1B');
    expect(copy.thumbSha256).toBe(original.thumbSha256);
    // The same layers and strokes, under layer ids of the copy's own.
    const content = (id: string) => {
      const l = getPanelLayers(p, id);
      return { image: l.image, layers: l.layers.map(({ id: _l, strokes, ...rest }) => ({ ...rest, strokes: strokes.map(({ id: _s, ...s }) => s) })) };
    };
    expect(content(copy.id)).toEqual(content(a.id));
    expect(getPanelLayers(p, copy.id).layers.filter((l) => l.strokes.length).every((l) => !getPanelLayers(p, a.id).layers.some((o) => o.id === l.id))).toBe(true);
    p.close();
  });

  it('several panels across scenes: each copy follows its own original, in board order', async () => {
    const p = newProject();
    const { a, c, e } = await board(p);
    let copies: ReturnType<typeof duplicatePanels> = [];
    await expectOneExactUndoStep(p, () => (copies = duplicatePanels(p, [e.id, a.id, c.id, a.id])), 'Duplicate 3 panels');
    expect(copies.map((x) => x.shotNumber)).toEqual(['1B', '1E', '2B']);
    const [first, second] = ids(p);
    expect(first.indexOf(copies[0].id)).toBe(first.indexOf(a.id) + 1);
    expect(first.indexOf(copies[1].id)).toBe(first.indexOf(c.id) + 1);
    expect(second.indexOf(copies[2].id)).toBe(second.indexOf(e.id) + 1);
    p.close();
  });

  it('a missing panel changes nothing', async () => {
    const p = newProject();
    const { a } = await board(p);
    const before = doc(p.db);
    expect(() => duplicatePanels(p, [a.id, 'nope'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(doc(p.db)).toEqual(before);
    p.close();
  });
});

describe('renumbering', () => {
  it('drops manual shot numbers in the given scenes, or everywhere', async () => {
    const p = newProject();
    const { s2, b, c, e } = await board(p);
    updatePanels(p, [b.id], { shotNumberOverride: '7X' });
    updatePanels(p, [c.id], { shotNumberOverride: '7Y' });
    updatePanels(p, [e.id], { shotNumberOverride: '99' });
    await expectOneExactUndoStep(p, () => renumberShots(p, [s2.id]), 'Renumber scene 2');
    expect(shots(p)).toEqual([['1A', '7X', '7Y', '1D'], ['2A', '2B']]);
    await expectOneExactUndoStep(p, () => renumberShots(p), 'Renumber all shots');
    expect(shots(p)).toEqual([['1A', '1B', '1C', '1D'], ['2A', '2B']]);
    const depth = undoDepth(p.db);
    renumberShots(p);
    expect(undoDepth(p.db)).toBe(depth);
    expect(() => renumberShots(p, ['nope'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    p.close();
  });
});

describe('splitting and merging scenes', () => {
  it('split: the panel and those after it start a new scene right after the old one', async () => {
    const p = newProject();
    const { s1, s2, a, b, c, d, e, f } = await board(p);
    let scene: ReturnType<typeof splitScene> | undefined;
    await expectOneExactUndoStep(p, () => (scene = splitScene(p, c.id)), 'Split scene 1 at 1C');
    expect(scene).toMatchObject({ number: 2, heading: 'INT. KITCHEN - NIGHT', synopsis: '' });
    expect(ids(p)).toEqual([[a.id, b.id], [c.id, d.id], [e.id, f.id]]);
    expect(shots(p)).toEqual([['1A', '1B'], ['2A', '2B'], ['3A', '3B']]);
    expect(p.board().scenes.map((s) => s.id)).toEqual([s1.id, scene!.id, s2.id]);
    expect(splitScene(p, f.id, 'EXT. ALLEY - DAY')).toMatchObject({ number: 4, heading: 'EXT. ALLEY - DAY' });
    p.close();
  });

  it('split at the first shot of a scene is refused and changes nothing', async () => {
    const p = newProject();
    const { a } = await board(p);
    const before = doc(p.db);
    expect(() => splitScene(p, a.id)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('1A already starts scene 1') }));
    expect(() => splitScene(p, 'nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(doc(p.db)).toEqual(before);
    p.close();
  });

  it('merge: later scenes append their panels to the first (board order), which keeps its heading; undo restores all', async () => {
    const p = newProject();
    const { s1, s2, a, b, c, d, e, f } = await board(p);
    const s3 = createScene(p, { patch: { heading: 'INT. CAR - NIGHT', synopsis: 'The drive.' } });
    const g = createPanel(p, { sceneId: s3.id });
    let merged: ReturnType<typeof mergeScenes> | undefined;
    await expectOneExactUndoStep(p, () => (merged = mergeScenes(p, [s3.id, s1.id])), 'Merge scenes 1 and 3');
    expect(merged).toMatchObject({ id: s1.id, number: 1, heading: 'INT. KITCHEN - NIGHT', synopsis: 'The kettle.\n\nThe drive.' });
    expect(ids(p)).toEqual([[a.id, b.id, c.id, d.id, g.id], [e.id, f.id]]);
    expect(p.board().scenes.map((s) => s.id)).toEqual([s1.id, s2.id]);
    await expectOneExactUndoStep(p, () => mergeScenes(p, [s1.id, s2.id]), 'Merge scenes 1 and 2');
    expect(shots(p)).toEqual([['1A', '1B', '1C', '1D', '1E', '1F', '1G']]);
    p.close();
  });

  it('merge refuses fewer than two scenes or a missing one, changing nothing', async () => {
    const p = newProject();
    const { s1, s2 } = await board(p);
    updateScene(p, s2.id, { synopsis: 'x' });
    const before = doc(p.db);
    expect(() => mergeScenes(p, [s1.id, s1.id])).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => mergeScenes(p, [s1.id, 'nope'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(doc(p.db)).toEqual(before);
    p.close();
  });
});

describe('replacing an image', () => {
  it('keeps the old image as a variation of the panel, in the same undo step', async () => {
    const p = newProject();
    const { a, c } = await board(p);
    const variations = (panelId: string) =>
      p.db.prepare('SELECT image_sha256, provider FROM variations WHERE panel_id = ? ORDER BY created_at').all(panelId);
    const green = await makePng(64, 36, [10, 200, 10]);
    await expectOneExactUndoStep(p, () => setPanelImage(p, a.id, green, 'new.png'), 'Set image of panel 1A');
    expect(variations(a.id)).toEqual([{ image_sha256: a.imageSha256, provider: 'import' }]);
    // Setting the same image again, or a panel's first image, keeps nothing new.
    await setPanelImage(p, a.id, green, 'new.png');
    await setPanelImage(p, c.id, green, 'new.png');
    expect(variations(a.id)).toHaveLength(1);
    expect(variations(c.id)).toEqual([]);
    // Going back to the first image does not list it twice.
    await setPanelImage(p, a.id, await makePng(64, 36), 'a.png');
    expect(variations(a.id).map((v) => (v as { image_sha256: string }).image_sha256)).toEqual([a.imageSha256, p.panel(c.id).imageSha256]);
    p.close();
  });
});

describe('moving and numbering (the faster queries behave as before)', () => {
  it('moved panels keep their board order whatever order the ids come in', async () => {
    const p = newProject();
    const { s2, a, b, c, d, e, f } = await board(p);
    movePanels(p, [f.id, c.id, a.id], s2.id, 1);
    expect(ids(p)).toEqual([[b.id, d.id], [e.id, a.id, c.id, f.id]]);
    p.close();
  });

  it('Project.panel numbers every shot exactly as the board does', async () => {
    const p = newProject();
    const { s1, s2 } = await board(p);
    for (let i = 0; i < 30; i++) createPanel(p, { sceneId: i % 2 ? s1.id : s2.id, index: (i * 7) % 5 });
    createScene(p, { index: 0 });
    const all = p.board().scenes.flatMap((s) => s.panels);
    for (let i = 0; i < 10; i++) movePanels(p, [all[(i * 11) % all.length].id], i % 2 ? s1.id : s2.id, i);
    for (const panel of p.board().scenes.flatMap((s) => s.panels)) expect(p.panel(panel.id)).toEqual(panel);
    p.close();
  });
});
