/** Picking a variation under the panel's drawing (the default) or in place of it: one undo step either way. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Stroke } from '../../shared/domain/sketch';
import { runCli } from '../../electron/cli/main';
import { addStroke, getPanelLayers } from '../../electron/core/commands/sketch-commands';
import { listDecisions } from '../../electron/core/decisions/decision-commands';
import { listVariations } from '../../electron/core/generation/job-rows';
import { pickVariation } from '../../electron/core/generation/pick';
import { changeLayer } from '../../electron/core/sketch/layer-commands';
import { Project } from '../../electron/core/project';
import { doc, expectOneExactUndoStep } from './edit-helpers';
import { GatedProvider, useHarnesses, type Harness } from './generation-helpers';

const { make } = useHarnesses();

const line = (y: number): Omit<Stroke, 'id'> => ({ tool: 'pencil', color: '#202020', size: 0.01, opacity: 1, points: [[0.1, y, 0.5], [0.9, y, 0.5]] });

async function generate(h: Harness, count = 2) {
  (h.providers.get('openai') as GatedProvider).autoRelease = true;
  await h.service.settled(h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: 'Mara at the door', count, seed: 1 }).id);
  return listVariations(h.project.db, h.panelIds[0]);
}

/** Stroke counts by layer name, for the layers that have any. */
const drawn = (h: Harness) =>
  Object.fromEntries(getPanelLayers(h.project, h.panelIds[0]).layers.filter((l) => l.strokes.length).map((l) => [l.name, l.strokes.length]));

describe('picking a variation over a drawing', () => {
  it('by default the picture goes under the strokes, as the reference layer', async () => {
    const h = make();
    const [a] = await generate(h);
    await addStroke(h.project, h.panelIds[0], line(0.3), 'std:pencil');
    await addStroke(h.project, h.panelIds[0], line(0.6), 'std:ink');
    const panel = await pickVariation(h.project, a.id, { drawing: 'under' });
    expect(panel.imageSha256).toBe(a.imageSha256);
    expect(getPanelLayers(h.project, h.panelIds[0]).image?.sha256).toBe(a.imageSha256);
    expect(drawn(h)).toEqual({ Pencil: 1, Ink: 1 });
    expect(h.project.history().undoLabel).toBe('Pick variation for panel 1A');
    const [entry] = listDecisions(h.project, { kinds: ['variation.picked'] });
    expect(entry.data.drawing).toBeUndefined();
  });

  it('"replace" sets the picture and clears the unlocked stroke layers in one undo step; undo restores picture and strokes', async () => {
    const h = make();
    const [a, b] = await generate(h);
    await pickVariation(h.project, a.id);
    const id = h.panelIds[0];
    await addStroke(h.project, id, line(0.3), 'std:pencil');
    await addStroke(h.project, id, line(0.4), 'std:pencil');
    await addStroke(h.project, id, line(0.6), 'std:ink');
    await addStroke(h.project, id, line(0.8), 'std:notes');
    await changeLayer(h.project, id, 'std:notes', { locked: true });
    const before = doc(h.project.db);

    await expectOneExactUndoStep(h.project, () => pickVariation(h.project, b.id, { drawing: 'replace', why: 'Cleaner staging' }), 'Pick variation for panel 1A, replacing the drawing');
    // After redo: the new picture, the drawing gone but for the locked Notes layer.
    expect(h.project.panel(id).imageSha256).toBe(b.imageSha256);
    expect(drawn(h)).toEqual({ Notes: 1 });
    const picks = listDecisions(h.project, { kinds: ['variation.picked'] });
    expect(picks.at(-1)).toMatchObject({ oldValue: a.imageSha256, newValue: b.imageSha256, why: 'Cleaner staging', data: { variationId: b.id, drawing: 'replaced' } });

    h.project.undo();
    expect(doc(h.project.db)).toEqual(before);
    expect(h.project.panel(id).imageSha256).toBe(a.imageSha256);
    expect(drawn(h)).toEqual({ Pencil: 2, Ink: 1, Notes: 1 });
    expect(listDecisions(h.project, { kinds: ['variation.picked'] })).toHaveLength(1);
  });

  it('"replace" on a panel without strokes is a plain pick', async () => {
    const h = make();
    const [a] = await generate(h);
    await pickVariation(h.project, a.id, { drawing: 'replace' });
    expect(h.project.history().undoLabel).toBe('Pick variation for panel 1A');
    const [entry] = listDecisions(h.project, { kinds: ['variation.picked'] });
    expect(entry.data.drawing).toBeUndefined();
  });

  it('boardwright pick --replace-drawing clears the strokes with the pick', async () => {
    const h = make();
    const [a, b] = await generate(h);
    await addStroke(h.project, h.panelIds[0], line(0.3), 'std:ink');
    h.project.close();
    let out = '';
    const io = [{ write: (s: string) => ((out += s), true) }, { write: () => true }] as never[];
    // Variations count from 1, oldest first: both came from one job, in order.
    expect(await runCli(['pick', h.file, '1A', '1', '--replace-drawing'], io[0], io[1])).toBe(0);
    expect(out).toMatch(/Picked variation 1 of 2 for 1A/);
    const project = Project.open(path.resolve(h.file), { readOnly: true });
    try {
      const panel = project.board().scenes[0].panels[0];
      expect([a.imageSha256, b.imageSha256]).toContain(panel.imageSha256);
      expect(getPanelLayers(project, panel.id).layers.flatMap((l) => l.strokes)).toEqual([]);
      expect(project.history().undoLabel).toBe('Pick variation for panel 1A, replacing the drawing');
    } finally {
      project.close();
    }
  });
});
