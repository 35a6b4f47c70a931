/**
 * The decision log, cleaner and complete: first-time data entry is flagged "initial" and hidden by
 * default; transitions, status, replaced images and scene headings are logged; a why can be added
 * to any entry after the fact, as one undo step.
 */
import { describe, expect, it } from 'vitest';
import { setPanelTransition } from '../../electron/core/animatic/framing-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { createPanel, updatePanels } from '../../electron/core/commands/panel-commands';
import { createScene, updateScene } from '../../electron/core/commands/scene-commands';
import { listDecisions, setDecisionWhy } from '../../electron/core/decisions/decision-commands';
import { decisionsToText } from '../../electron/core/decisions/decision-export';
import { useHarnesses } from './generation-helpers';
import { makePng, refusal, snapshot } from './helpers';

const { make } = useHarnesses();

const row = (d: { kind: string; oldValue: string | null; newValue: string | null; initial: boolean }) => [d.kind, d.oldValue, d.newValue, d.initial];

describe('first-time data entry', () => {
  it('filling a new panel is "initial" and hidden; changing, clearing and refilling a value are real changes', () => {
    const h = make({ panels: 0 });
    const id = createPanel(h.project, { sceneId: h.sceneId }).id;
    updatePanels(h.project, [id], { shotSize: 'EWS', angle: 'low', lensMm: 24, cameraMove: 'static' });
    expect(listDecisions(h.project)).toEqual([]);
    expect(listDecisions(h.project, { includeInitial: true }).map(row)).toEqual([
      ['shot.size', null, 'EWS', true],
      ['shot.angle', null, 'low', true],
      ['shot.lens', null, '24', true],
      ['shot.move', null, 'static', true],
    ]);

    updatePanels(h.project, [id], { shotSize: 'CU' });
    updatePanels(h.project, [id], { shotSize: null });
    updatePanels(h.project, [id], { shotSize: 'MS' });
    expect(listDecisions(h.project).map(row)).toEqual([
      ['shot.size', 'EWS', 'CU', false],
      ['shot.size', 'CU', null, false],
      // Empty before, but the field held values before: a change of mind, not first entry.
      ['shot.size', null, 'MS', false],
    ]);
  });

  it('a panel whose field came with it (made from a script, say) logs its first edit as a real change', () => {
    const h = make({ panels: 1 });
    updatePanels(h.project, h.panelIds, { shotSize: 'WS' });
    expect(listDecisions(h.project).map(row)).toEqual([['shot.size', 'MCU', 'WS', false]]);
  });

  it('the export keeps initial entries, flagged', () => {
    const h = make({ panels: 0 });
    const id = createPanel(h.project, { sceneId: h.sceneId }).id;
    updatePanels(h.project, [id], { shotSize: 'EWS' });
    updatePanels(h.project, [id], { shotSize: 'CU' });
    const lines = decisionsToText(h.project, 'jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.old_value, l.new_value, l.initial])).toEqual([[null, 'EWS', true], ['EWS', 'CU', false]]);
    expect(decisionsToText(h.project, 'csv').split('\r\n')[1]).toMatch(/,EWS,,true,/);
  });
});

describe('more of what is decided gets logged', () => {
  it('transition changes, from the inspector field or the timeline; a cut is a value, never a first entry', () => {
    const h = make({ panels: 2 });
    const [a, b] = h.panelIds;
    updatePanels(h.project, [a], { transition: 'cut' });
    expect(listDecisions(h.project, { includeInitial: true })).toEqual([]);
    updatePanels(h.project, [a], { transition: 'dissolve' });
    setPanelTransition(h.project, [a, b], 'fade in', 800);
    expect(listDecisions(h.project, { kinds: ['shot.transition'] }).map((d) => [d.panelId, ...row(d)])).toEqual([
      [a, 'shot.transition', 'cut', 'dissolve', false],
      [a, 'shot.transition', 'dissolve', 'fade in', false],
      [b, 'shot.transition', 'cut', 'fade in', false],
    ]);
    h.project.undo();
    expect(listDecisions(h.project, { kinds: ['shot.transition'] })).toHaveLength(1);
  });

  it('status changes draft -> review -> approved', () => {
    const h = make({ panels: 1 });
    updatePanels(h.project, h.panelIds, { status: 'review' });
    updatePanels(h.project, h.panelIds, { status: 'approved' });
    updatePanels(h.project, h.panelIds, { status: 'approved' });
    expect(listDecisions(h.project).map(row)).toEqual([
      ['panel.status', 'draft', 'review', false],
      ['panel.status', 'review', 'approved', false],
    ]);
  });

  it('an image replaced, with the old and new SHA-256 (the first image of a panel is first entry); undo removes it', async () => {
    const h = make({ panels: 1 });
    const [id] = h.panelIds;
    const first = (await setPanelImage(h.project, id, await makePng(64, 36, [10, 20, 30]), 'a.png')).imageSha256;
    const before = snapshot(h.project.db);
    const second = (await setPanelImage(h.project, id, await makePng(64, 36, [200, 20, 30]), 'b.png')).imageSha256;
    expect(listDecisions(h.project, { includeInitial: true }).map(row)).toEqual([
      ['image.replaced', null, first, true],
      ['image.replaced', first, second, false],
    ]);
    expect(listDecisions(h.project)[0]).toMatchObject({ field: 'image', shotNumber: '1A', panelId: id });
    h.project.undo();
    expect(snapshot(h.project.db)).toMatchObject({ decisions: before.decisions });
  });

  it('scene heading edits; a new scene getting its first heading is first entry', () => {
    const h = make({ panels: 0 });
    const scene = createScene(h.project, {});
    updateScene(h.project, scene.id, { heading: 'EXT. CLIFF - DAY' });
    updateScene(h.project, scene.id, { heading: 'EXT. CLIFF - NIGHT', synopsis: 'Wind' });
    updateScene(h.project, scene.id, { synopsis: 'Only the synopsis' });
    expect(listDecisions(h.project, { includeInitial: true }).map((d) => [d.sceneId, d.panelId, ...row(d)])).toEqual([
      [scene.id, null, 'scene.heading', '', 'EXT. CLIFF - DAY', true],
      [scene.id, null, 'scene.heading', 'EXT. CLIFF - DAY', 'EXT. CLIFF - NIGHT', false],
    ]);
  });
});

describe('a why after the fact', () => {
  it('sets, changes and clears the why of any entry, each one undo step', () => {
    const h = make({ panels: 1 });
    updatePanels(h.project, h.panelIds, { shotSize: 'CU' });
    const [entry] = listDecisions(h.project);
    expect(entry.why).toBe('');
    const decisionsBefore = snapshot(h.project.db).decisions;

    expect(setDecisionWhy(h.project, entry.id, '  Her eyes carry the scene ')).toMatchObject({ id: entry.id, why: 'Her eyes carry the scene' });
    expect(h.project.history().undoLabel).toBe('Edit why of 1A');
    setDecisionWhy(h.project, entry.id, 'Closer: her eyes carry it');
    expect(listDecisions(h.project)[0].why).toBe('Closer: her eyes carry it');

    h.project.undo();
    expect(listDecisions(h.project)[0].why).toBe('Her eyes carry the scene');
    h.project.undo();
    expect(snapshot(h.project.db).decisions).toEqual(decisionsBefore);
    h.project.redo();
    expect(listDecisions(h.project)[0].why).toBe('Her eyes carry the scene');
    // The shot change itself is still one step further back.
    expect(listDecisions(h.project)[0]).toMatchObject({ kind: 'shot.size', oldValue: 'MCU', newValue: 'CU' });
    expect(setDecisionWhy(h.project, entry.id, '').why).toBe('');
    expect(refusal(() => setDecisionWhy(h.project, 'nope', 'x')).code).toBe('NOT_FOUND');
  });
});
