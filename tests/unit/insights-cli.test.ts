import { afterEach, describe, expect, it } from 'vitest';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { Project } from '../../electron/core/project';
import { cli } from './cli-runner';
import { newProject } from './edit-helpers';
import { makePng } from './helpers';

let files: Project[] = [];
afterEach(() => {
  files.forEach((p) => p.db.open && p.close());
  files = [];
});

/** Scene 1 (two panels, one with a picture), scene 12A (one panel), scene 3 (one panel); saved and closed. */
async function board(): Promise<string> {
  const p = newProject('Pier');
  files.push(p);
  const s1 = createScene(p, { patch: { heading: 'INT. KITCHEN - DAY' } });
  const s2 = createScene(p, { patch: { heading: 'EXT. PIER - NIGHT' } });
  const s3 = createScene(p, { patch: { heading: 'INT. CAR - DAY' } });
  await addImagePanels(p, { sceneId: s1.id, durationMs: 3000, files: [{ bytes: await makePng(160, 90, [20, 40, 200]), name: 'blue.png' }] });
  p.db.prepare('UPDATE panels SET shot_size = ?, lens_mm = ?').run('WS', 24);
  createPanel(p, { sceneId: s1.id, patch: { durationMs: 1000, shotSize: 'CU', lensMm: 85 } });
  createPanel(p, { sceneId: s2.id, patch: { durationMs: 2000, shotSize: 'MS', lensMm: 50 } });
  createPanel(p, { sceneId: s3.id, patch: { durationMs: 4000, shotSize: 'MS' } });
  p.db.prepare("UPDATE scenes SET script_number = '12A' WHERE id = ?").run(s2.id);
  p.close();
  return p.path;
}

describe('boardwright insights', () => {
  it('--json prints each scene\'s figures (number as shown first) and the totals, and the generation figures', async () => {
    const file = await board();
    const r = await cli('insights', file, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const out = JSON.parse(r.out);
    expect(out.scenes.map((s: { number: string }) => s.number)).toEqual(['1', '12A', '3']);
    const [one] = out.scenes;
    expect(Object.keys(one).slice(0, 8)).toEqual(['number', 'heading', 'panels', 'screenTimeMs', 'averageShotMs', 'shotSizes', 'lensesMm', 'palette']);
    expect(one).toMatchObject({ heading: 'INT. KITCHEN - DAY', panels: 2, screenTimeMs: 4000, averageShotMs: 2000, shotSizes: { WS: 1, CU: 1 }, lensesMm: { '24': 1, '85': 1 } });
    expect(one.palette[0]).toMatch(/^#[0-9a-f]{6}$/);
    expect(out.totals).toMatchObject({ panels: 4, screenTimeMs: 10000, averageShotMs: 2500, shotSizes: { WS: 1, CU: 1, MS: 2 } });
    expect(out.generation).toMatchObject({ variations: 0, picks: 0, medianTimeToPickMs: null });
    expect(out.pacingHistory).toHaveLength(1); // everything was made today
  });

  it('--scenes takes scene numbers as shown, and refuses one the project does not have', async () => {
    const file = await board();
    const out = JSON.parse((await cli('insights', file, '--scenes', '12a, 3', '--json')).out);
    expect(out.scenes.map((s: { number: string }) => s.number)).toEqual(['12A', '3']);
    expect(out.totals).toMatchObject({ panels: 2, screenTimeMs: 6000, averageShotMs: 3000 });
    const bad = await cli('insights', file, '--scenes', '2');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no scene 2 .*scenes: 1, 12A, 3/);
  });

  it('prints a readable summary without --json, and works while the app holds the project', async () => {
    const file = await board();
    const app = Project.open(file);
    files.push(app);
    const r = await cli('insights', file, '--scenes', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Pier: 1 scene, 2 panels, 4.00 s of screen time, average shot 2.00 s');
    expect(r.out).toContain('Scene 1: INT. KITCHEN - DAY - 2 panels, 4.00 s, average shot 2.00 s');
    expect(r.out).toContain('lenses: 24mm 1, 85mm 1');
    expect(r.out).toContain('shortest holds: 1B 1.00 s, 1A 3.00 s');
    expect(r.out).toMatch(/Generation: 0 variations on 0 panels, 0 picks/);
  });

  it('needs a file', async () => {
    expect((await cli('insights')).code).toBe(2);
  });
});
