/** `boardwright pick` (1 = oldest variation, in the order generate printed them) and `boardwright export dataset`. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, useCliHome } from './cli-runner';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { listDecisions } from '../../electron/core/decisions/decision-commands';
import { Project } from '../../electron/core/project';
import { tempDir } from './helpers';

describe('boardwright pick and export dataset', () => {
  const dir = tempDir('bw-pick-cli-');
  const file = path.join(dir, 'Storm.boardwright');
  useCliHome(dir);
  beforeAll(() => {
    const project = Project.create(file, { title: 'Storm', aspectRatio: '16:9' });
    const scene = createScene(project, { patch: { heading: 'EXT. CLIFF - NIGHT' } });
    createPanel(project, { sceneId: scene.id, patch: { shotSize: 'EWS', action: 'The lighthouse in the storm' } });
    createPanel(project, { sceneId: scene.id, patch: { shotSize: 'CU' } });
    project.close();
  });

  it('picks the variation generate printed at that position, logged with the why and the three it beat', async () => {
    const first = await cli('generate', file, '--panel', '1A', '--count', '2', '--seed', '3');
    const second = await cli('generate', file, '--panel', '1A', '--count', '2', '--seed', '11');
    expect([first.code, second.code]).toEqual([0, 0]);
    const printed = [...first.out.trim().split('\n'), ...second.out.trim().split('\n')].map((l) => l.split('  ')[4]);
    expect(printed).toHaveLength(4);

    const r = await cli('pick', file, '1A', '3', '--why', 'The wave breaks right');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`Picked variation 3 of 4 for 1A: builtin seed=11 ${printed[2]}`);
    const project = Project.open(file, { readOnly: true });
    try {
      const panel = project.board().scenes[0].panels[0];
      expect(panel.imageSha256).toBe(printed[2]);
      const [entry] = listDecisions(project, { kinds: ['variation.picked'] });
      expect(entry).toMatchObject({ shotNumber: '1A', newValue: printed[2], why: 'The wave breaks right' });
      expect((entry.data.alternatives as { imageSha256: string }[]).map((a) => a.imageSha256).sort()).toEqual([printed[0], printed[1], printed[3]].sort());
      expect(project.history().undoLabel).toBe('Pick variation for panel 1A');
    } finally {
      project.close();
    }
  });

  it('refuses a bad shot or index with a clear message', async () => {
    expect(await cli('pick', file, '9Z', '1')).toMatchObject({ code: 1, err: expect.stringMatching(/No panel with shot number 9Z/) });
    expect(await cli('pick', file, '1A', '5')).toMatchObject({ code: 1, err: expect.stringMatching(/Panel 1A has 4 variations: give an index from 1 to 4/) });
    expect(await cli('pick', file, '1B', '1')).toMatchObject({ code: 1, err: expect.stringMatching(/Panel 1B has no variations yet/) });
    expect(await cli('pick', file, '1A', '0')).toMatchObject({ code: 2, err: expect.stringMatching(/VARIATION_INDEX is a whole number from 1/) });
    expect((await cli('pick', file, '1A')).code).toBe(2);
  });

  it('export dataset FILE DIR writes the dataset folder; the pick is a preference over its own request only', async () => {
    const out = path.join(dir, 'Storm dataset');
    const r = await cli('export', 'dataset', file, out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Wrote the decision dataset to .*Storm dataset: 2 panels, \d+ decisions?, 4 generations, 1 preference, 4 images/);
    const prefs = fs.readFileSync(path.join(out, 'preferences.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    // The pick beat three variations, but only the one from the same generate run is a rejected answer to its prompt.
    expect(prefs).toHaveLength(1);
    expect(prefs[0].rejected).toHaveLength(1);
    expect(prefs[0]).toMatchObject({ why: 'The wave breaks right', shot: '1A' });
    expect(fs.readdirSync(path.join(out, 'images'))).toHaveLength(4);
    expect((await cli('export', 'dataset', file)).code).toBe(2);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(await cli('export', 'dataset', file, dir)).toMatchObject({ code: 1, err: expect.stringMatching(/already holds other files/) });
  });
});
