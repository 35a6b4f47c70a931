import { afterEach, describe, expect, it } from 'vitest';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { computeInsights } from '../../electron/core/insights/compute';
import type { Project } from '../../electron/core/project';
import { newProject } from './edit-helpers';

let open: Project[] = [];
afterEach(() => {
  open.forEach((p) => p.close());
  open = [];
});

/**
 * Scene 1: A 2 s WS 35 mm eye level static, B 1 s CU 85 mm low dolly in, C 3 s WS 35 mm (no angle, no move).
 * Scene 12A (script number): D 4 s MS 50 mm, E 0.5 s ECU omitted. Scene 3 omitted, with F.
 */
function smallBoard() {
  const p = newProject('Insights');
  open.push(p);
  const s1 = createScene(p, { patch: { heading: 'INT. KITCHEN - DAY' } });
  const s2 = createScene(p, { patch: { heading: 'EXT. ROOF - NIGHT' } });
  const s3 = createScene(p, { patch: { heading: 'INT. CUT - DAY' } });
  const a = createPanel(p, { sceneId: s1.id, patch: { durationMs: 2000, shotSize: 'WS', lensMm: 35, angle: 'eye level', cameraMove: 'static' } });
  const b = createPanel(p, { sceneId: s1.id, patch: { durationMs: 1000, shotSize: 'CU', lensMm: 85, angle: 'low', cameraMove: 'dolly in' } });
  const c = createPanel(p, { sceneId: s1.id, patch: { durationMs: 3000, shotSize: 'WS', lensMm: 35 } });
  const d = createPanel(p, { sceneId: s2.id, patch: { durationMs: 4000, shotSize: 'MS', lensMm: 50 } });
  const e = createPanel(p, { sceneId: s2.id, patch: { durationMs: 500, shotSize: 'ECU' } });
  const f = createPanel(p, { sceneId: s3.id, patch: { durationMs: 9000, shotSize: 'EWS' } });
  p.db.prepare("UPDATE scenes SET script_number = '12A' WHERE id = ?").run(s2.id);
  p.db.prepare('UPDATE panels SET omitted = 1 WHERE id = ?').run(e.id);
  p.db.prepare('UPDATE scenes SET omitted = 1 WHERE id = ?').run(s3.id);
  return { p, s1, s2, s3, a, b, c, d, e, f };
}

describe('insights: coverage and pacing of a small board, by hand', () => {
  it('counts shot sizes, angles, lenses and moves per scene, with screen time and average shot length', async () => {
    const { p, s1, s2 } = smallBoard();
    const insights = await computeInsights(p);
    expect(insights.scenes.map((s) => [s.sceneId, s.number, s.heading])).toEqual([
      [s1.id, '1', 'INT. KITCHEN - DAY'],
      [s2.id, '12A', 'EXT. ROOF - NIGHT'],
    ]);
    const [one, twelve] = insights.scenes;
    expect(one).toMatchObject({
      panels: 3,
      screenTimeMs: 6000,
      averageShotMs: 2000,
      shotSizes: { WS: 2, CU: 1 },
      shotSizeTimeMs: { WS: 5000, CU: 1000 },
      angles: { 'eye level': 1, low: 1, none: 1 },
      lensesMm: { '35': 2, '85': 1 },
      cameraMoves: { static: 1, 'dolly in': 1, none: 1 },
      palette: [],
    });
    expect(Object.keys(one.lensesMm)).toEqual(['35', '85']);
    // The omitted ECU is left out of its scene.
    expect(twelve).toMatchObject({ panels: 1, screenTimeMs: 4000, averageShotMs: 4000, shotSizes: { MS: 1 }, lensesMm: { '50': 1 }, angles: { none: 1 } });
  });

  it('draws every panel of a scene as a rhythm bar, in board order', async () => {
    const { p, a, b, c, d } = smallBoard();
    const [one, twelve] = (await computeInsights(p)).scenes;
    expect(one.rhythm).toEqual([
      { panelId: a.id, shotNumber: '1A', durationMs: 2000, shotSize: 'WS', palette: [] },
      { panelId: b.id, shotNumber: '1B', durationMs: 1000, shotSize: 'CU', palette: [] },
      { panelId: c.id, shotNumber: '1C', durationMs: 3000, shotSize: 'WS', palette: [] },
    ]);
    expect(twelve.rhythm).toEqual([{ panelId: d.id, shotNumber: '12A-A', durationMs: 4000, shotSize: 'MS', palette: [] }]);
  });

  it('totals the selection, with its shortest and longest holds', async () => {
    const { p, a, b, c, d } = smallBoard();
    const { totals } = await computeInsights(p);
    expect(totals).toMatchObject({ panels: 4, screenTimeMs: 10000, averageShotMs: 2500, shotSizes: { WS: 2, CU: 1, MS: 1 }, lensesMm: { '35': 2, '50': 1, '85': 1 } });
    expect(totals.shortest.map((h) => [h.panelId, h.durationMs])).toEqual([[b.id, 1000], [a.id, 2000], [c.id, 3000], [d.id, 4000]]);
    expect(totals.longest.map((h) => h.shotNumber)).toEqual(['12A-A', '1C', '1A', '1B']);
  });

  it('computes only the asked-for scenes; an omitted scene asked for is still left out; an unknown one is refused', async () => {
    const { p, s2, s3 } = smallBoard();
    const only = await computeInsights(p, { sceneIds: [s2.id, s3.id] });
    expect(only.scenes.map((s) => s.number)).toEqual(['12A']);
    expect(only.totals).toMatchObject({ panels: 1, screenTimeMs: 4000 });
    await expect(computeInsights(p, { sceneIds: ['nope'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('averages an empty selection as 0', async () => {
    const p = newProject('Empty');
    open.push(p);
    const s = createScene(p, {});
    const insights = await computeInsights(p, { sceneIds: [s.id] });
    expect(insights.scenes[0]).toMatchObject({ panels: 0, screenTimeMs: 0, averageShotMs: 0, rhythm: [] });
    expect(insights.totals).toMatchObject({ panels: 0, averageShotMs: 0, shortest: [], longest: [] });
  });
});
