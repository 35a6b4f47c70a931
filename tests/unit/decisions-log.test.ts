import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPanel, deletePanels, movePanels, updatePanels } from '../../electron/core/commands/panel-commands';
import { createScene, deleteScene } from '../../electron/core/commands/scene-commands';
import { mergeScenes, splitScene } from '../../electron/core/commands/scene-structure-commands';
import { addDecisionNote, listDecisions } from '../../electron/core/decisions/decision-commands';
import { csvCell, decisionsToText, exportDecisions } from '../../electron/core/decisions/decision-export';
import { listVariations } from '../../electron/core/generation/job-rows';
import { pickVariation } from '../../electron/core/generation/pick';
import { runCli } from '../../electron/cli/main';
import { GatedProvider, useHarnesses, type Harness } from './generation-helpers';
import { snapshot, tempDir } from './helpers';

const { make } = useHarnesses();

async function generate(h: Harness, count = 4) {
  (h.providers.get('openai') as GatedProvider).autoRelease = true;
  const job = h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: 'Mara at the door', count, seed: 1 });
  await h.service.settled(job.id);
  return listVariations(h.project.db, h.panelIds[0]);
}

describe('the creative decision log', () => {
  it('picking a variation sets the panel image and logs the pick with the alternatives it beat; undo removes both', async () => {
    const h = make();
    const variations = await generate(h);
    const [chosen, ...others] = variations;
    const before = snapshot(h.project.db);
    const panel = await pickVariation(h.project, chosen.id, { why: 'Her eyeline reads best' });
    expect(panel.imageSha256).toBe(chosen.imageSha256);
    expect(listVariations(h.project.db, h.panelIds[0]).find((v) => v.id === chosen.id)?.current).toBe(true);
    const [entry] = listDecisions(h.project, { kinds: ['variation.picked'] });
    expect(entry).toMatchObject({ kind: 'variation.picked', panelId: h.panelIds[0], sceneId: h.sceneId, shotNumber: '1A', field: 'image', oldValue: null, newValue: chosen.imageSha256, why: 'Her eyeline reads best' });
    expect(entry.data).toMatchObject({ variationId: chosen.id, provider: 'openai', seed: chosen.seed });
    expect((entry.data.alternatives as { variationId: string }[]).map((a) => a.variationId).sort()).toEqual(others.map((o) => o.id).sort());
    expect(h.project.history().undoLabel).toBe('Pick variation for panel 1A');

    h.project.undo();
    expect(snapshot(h.project.db)).toEqual(before);
    expect(listDecisions(h.project)).toEqual([]);
    h.project.redo();
    expect(h.project.panel(h.panelIds[0]).imageSha256).toBe(chosen.imageSha256);
    expect(listDecisions(h.project, { kinds: ['variation.picked'] })).toHaveLength(1);
  });

  it('a second pick keeps the first picture in the gallery and names only the alternatives compared', async () => {
    const h = make();
    const [a, b, c] = await generate(h, 3);
    await pickVariation(h.project, a.id);
    await pickVariation(h.project, b.id, { alternativeIds: [a.id] });
    const picks = listDecisions(h.project, { kinds: ['variation.picked'] });
    expect(picks).toHaveLength(2);
    expect(picks[1]).toMatchObject({ oldValue: a.imageSha256, newValue: b.imageSha256 });
    expect((picks[1].data.alternatives as { variationId: string }[]).map((x) => x.variationId)).toEqual([a.id]);
    expect(listVariations(h.project.db, h.panelIds[0]).map((v) => v.id).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it('logs shot size, angle, lens, move and duration changes with old and new values, inside the edit', () => {
    const h = make();
    const [p1, p2] = h.panelIds;
    updatePanels(h.project, [p1], { shotSize: 'CU', lensMm: 85, durationMs: 2500, action: 'not a decision' });
    const entries = listDecisions(h.project);
    expect(entries.map((e) => [e.kind, e.field, e.oldValue, e.newValue, e.shotNumber])).toEqual([
      ['shot.size', 'shot_size', 'MCU', 'CU', '1A'],
      ['shot.lens', 'lens_mm', '35', '85', '1A'],
      ['shot.duration', 'duration_ms', '2000', '2500', '1A'],
    ]);
    // Unchanged values are not decisions; multi-selection edits log each panel that changed.
    updatePanels(h.project, [p1, p2], { angle: 'low', cameraMove: 'dolly in' });
    expect(listDecisions(h.project, { kinds: ['shot.angle'] })).toEqual([]);
    // A move on panels that never had one is first-time data entry: kept, hidden unless asked for.
    expect(listDecisions(h.project, { kinds: ['shot.move'] })).toEqual([]);
    expect(listDecisions(h.project, { kinds: ['shot.move'], includeInitial: true }).map((e) => [e.panelId, e.oldValue, e.newValue, e.initial])).toEqual([
      [p1, null, 'dolly in', true],
      [p2, null, 'dolly in', true],
    ]);
    updatePanels(h.project, [p2], { action: 'only the action' });
    expect(listDecisions(h.project, { panelId: p2, includeInitial: true })).toHaveLength(1);
    // Undo takes the entries back with the change.
    h.project.undo();
    h.project.undo();
    expect(listDecisions(h.project, { kinds: ['shot.move'], includeInitial: true })).toEqual([]);
    expect(listDecisions(h.project)).toHaveLength(3);
  });

  it('logs moves (shot number before and after) and deletions (what the panel was); undo removes them', () => {
    const h = make({ panels: 3 });
    const other = createScene(h.project, { patch: { heading: 'EXT. CLIFF - NIGHT' } });
    createPanel(h.project, { sceneId: other.id });
    movePanels(h.project, [h.panelIds[2]], other.id, 0);
    const [moved] = listDecisions(h.project, { kinds: ['panel.moved'] });
    expect(moved).toMatchObject({ panelId: h.panelIds[2], sceneId: other.id, oldValue: '1C', newValue: '2A', data: { fromSceneId: h.sceneId, toSceneId: other.id } });

    deletePanels(h.project, [h.panelIds[0]]);
    const [deleted] = listDecisions(h.project, { kinds: ['panel.deleted'] });
    expect(deleted).toMatchObject({ panelId: h.panelIds[0], sceneId: h.sceneId, oldValue: '1A', shotNumber: '1A', data: { shotSize: 'MCU', lensMm: 35, action: 'Mara climbs the stairs' } });
    h.project.undo();
    expect(listDecisions(h.project, { kinds: ['panel.deleted'] })).toEqual([]);
    expect(h.project.panel(h.panelIds[0]).shotNumber).toBe('1A');
  });

  it('splitting and merging scenes log each panel that changed scene; deleting a scene logs each panel it held', () => {
    const h = make({ panels: 3 });
    const second = splitScene(h.project, h.panelIds[1]);
    const split = listDecisions(h.project, { kinds: ['panel.moved'] });
    expect(split.map((d) => [d.panelId, d.oldValue, d.newValue])).toEqual([[h.panelIds[1], '1B', '2A'], [h.panelIds[2], '1C', '2B']]);
    expect(split[0]).toMatchObject({ sceneId: second.id, data: { fromSceneId: h.sceneId, toSceneId: second.id } });

    mergeScenes(h.project, [h.sceneId, second.id]);
    const merged = listDecisions(h.project, { kinds: ['panel.moved'] }).slice(2);
    expect(merged.map((d) => [d.panelId, d.oldValue, d.newValue])).toEqual([[h.panelIds[1], '2A', '1B'], [h.panelIds[2], '2B', '1C']]);

    deleteScene(h.project, h.sceneId);
    const deleted = listDecisions(h.project, { kinds: ['panel.deleted'] });
    expect(deleted.map((d) => d.panelId).sort()).toEqual([...h.panelIds].sort());
    h.project.undo();
    expect(listDecisions(h.project, { kinds: ['panel.deleted'] })).toEqual([]);
  });

  it('manual notes with a why, on a panel or a scene; filters by panel and kind', () => {
    const h = make();
    addDecisionNote(h.project, { panelId: h.panelIds[1], note: 'Hold on her face', why: 'The audience needs the beat' });
    addDecisionNote(h.project, { sceneId: h.sceneId, note: 'Shoot the scene handheld', why: 'Unease' });
    expect(() => addDecisionNote(h.project, { note: '  ', why: '', panelId: h.panelIds[0] })).toThrow(/Write the decision/);
    expect(() => addDecisionNote(h.project, { note: 'x', why: '' })).toThrow(/panel or a scene/);
    expect(listDecisions(h.project, { panelId: h.panelIds[1] })).toMatchObject([{ kind: 'note', newValue: 'Hold on her face', why: 'The audience needs the beat', shotNumber: '1B', sceneId: h.sceneId }]);
    expect(listDecisions(h.project, { kinds: ['note'] })).toHaveLength(2);
    expect(listDecisions(h.project, { sceneId: h.sceneId, kinds: ['note'] })).toHaveLength(2);
    expect(h.project.history().undoLabel).toBe('Note on scene 1');
  });

  it('exports JSON Lines and CSV, oldest first, with awkward text intact', async () => {
    const h = make();
    updatePanels(h.project, [h.panelIds[0]], { shotSize: 'CU' });
    addDecisionNote(h.project, { panelId: h.panelIds[0], note: 'Say "no", then leave,\nslowly', why: '=SUM(A1) is not a formula' });
    const lines = decisionsToText(h.project, 'jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toMatchObject([
      { kind: 'shot.size', shot: '1A', field: 'shot_size', old_value: 'MCU', new_value: 'CU', scene: 1, scene_heading: 'INT. LIGHTHOUSE - NIGHT' },
      { kind: 'note', new_value: 'Say "no", then leave,\nslowly', why: '=SUM(A1) is not a formula' },
    ]);
    const csv = decisionsToText(h.project, 'csv');
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('time,kind,shot,panel_id,scene,scene_heading,scene_id,field,old_value,new_value,why,initial,data');
    expect(csv).toContain('"Say ""no"", then leave,\nslowly"');
    expect(csv).toContain(",'=SUM(A1) is not a formula,");
    expect(csvCell(null)).toBe('');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');

    const dir = tempDir('bw-dec-');
    const out = await exportDecisions(h.project, path.join(dir, 'log.csv'));
    expect(out.entries).toBe(2);
    expect(fs.readFileSync(out.path, 'utf8')).toBe(csv);
    await expect(exportDecisions(h.project, path.join(dir, 'log.txt'))).rejects.toThrow(/\.jsonl or \.csv/);
    expect(fs.readdirSync(dir)).toEqual(['log.csv']);
  });

  it('boardwright export decisions FILE OUT.jsonl|OUT.csv', async () => {
    const h = make();
    updatePanels(h.project, [h.panelIds[0]], { angle: 'high' });
    h.project.close();
    const dir = tempDir('bw-dec-cli-');
    let out = '';
    let err = '';
    const io = [{ write: (s: string) => ((out += s), true) }, { write: (s: string) => ((err += s), true) }] as never[];
    expect(await runCli(['export', 'decisions', h.file, path.join(dir, 'd.jsonl')], io[0], io[1])).toBe(0);
    expect(out).toMatch(/Wrote 1 decision to .*d\.jsonl/);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'd.jsonl'), 'utf8'))).toMatchObject({ kind: 'shot.angle', old_value: 'low', new_value: 'high' });
    expect(await runCli(['export', 'decisions', h.file, path.join(dir, 'd.csv')], io[0], io[1])).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'd.csv'), 'utf8').split('\r\n')[1]).toMatch(/shot\.angle,1A,.*,angle,low,high,/);
    expect(await runCli(['export', 'decisions', h.file, path.join(dir, 'd.xlsx')], io[0], io[1])).toBe(2);
    expect(err).toMatch(/\.jsonl or \.csv/);
  });
});
