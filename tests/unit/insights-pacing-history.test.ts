import { afterEach, describe, expect, it } from 'vitest';
import { createPanel, deletePanels, movePanels, updatePanels } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { computeInsights } from '../../electron/core/insights/compute';
import type { Project } from '../../electron/core/project';
import { newProject } from './edit-helpers';

let open: Project[] = [];
afterEach(() => {
  open.forEach((p) => p.close());
  open = [];
});

const day = (n: number, hour = 12) => `2026-03-0${n}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * Day 1: scene 1 gets A and B (2 s each), scene 2 gets D (6 s).
 * Day 2: A goes to 4 s, C (3 s) is added to scene 1, D moves to scene 1.
 * Day 3: B is deleted. Day 4: D goes to 1 s. Day 5: E (5 s) is added to scene 2; scene 1 does not change.
 */
function boardWithAPast() {
  const p = newProject('History');
  open.push(p);
  const s1 = createScene(p, {});
  const s2 = createScene(p, {});
  const a = createPanel(p, { sceneId: s1.id, patch: { durationMs: 2000 } });
  const b = createPanel(p, { sceneId: s1.id, patch: { durationMs: 2000 } });
  const d = createPanel(p, { sceneId: s2.id, patch: { durationMs: 6000 } });
  updatePanels(p, [a.id], { durationMs: 4000 });
  const c = createPanel(p, { sceneId: s1.id, patch: { durationMs: 3000 } });
  movePanels(p, [d.id], s1.id, 3);
  deletePanels(p, [b.id]);
  updatePanels(p, [d.id], { durationMs: 1000 });
  const e = createPanel(p, { sceneId: s2.id, patch: { durationMs: 5000 } });
  const setCreated = p.db.prepare('UPDATE panels SET created_at = ? WHERE id = ?');
  const setLogged = p.db.prepare('UPDATE decisions SET created_at = ? WHERE panel_id = ? AND kind = ?');
  for (const panel of [a, b, d]) setCreated.run(day(1), panel.id);
  setCreated.run(day(2), c.id);
  setCreated.run(day(5), e.id);
  setLogged.run(day(2, 9), a.id, 'shot.duration');
  setLogged.run(day(2, 15), d.id, 'panel.moved');
  setLogged.run(day(3), b.id, 'panel.deleted');
  setLogged.run(day(4), d.id, 'shot.duration');
  return { p, s1, s2 };
}

describe('insights: pacing history rebuilt from the board and the decision log', () => {
  it('gives the average shot length and panel count at the end of each day the selection changed', async () => {
    const { p, s1 } = boardWithAPast();
    const { pacingHistory } = await computeInsights(p, { sceneIds: [s1.id] });
    expect(pacingHistory).toEqual([
      { date: '2026-03-01', panels: 2, averageShotMs: 2000 }, // A 2, B 2
      { date: '2026-03-02', panels: 4, averageShotMs: 3750 }, // A 4, B 2, C 3, D 6
      { date: '2026-03-03', panels: 3, averageShotMs: 4333 }, // A 4, C 3, D 6
      { date: '2026-03-04', panels: 3, averageShotMs: 2667 }, // A 4, C 3, D 1
    ]);
    // The last point is the board as it is now.
    expect((await computeInsights(p, { sceneIds: [s1.id] })).totals).toMatchObject({ panels: 3, averageShotMs: 2667 });
  });

  it('for the whole project, counts every scene, including the day only scene 2 changed', async () => {
    const { p } = boardWithAPast();
    expect((await computeInsights(p)).pacingHistory).toEqual([
      { date: '2026-03-01', panels: 3, averageShotMs: 3333 }, // A 2, B 2, D 6
      { date: '2026-03-02', panels: 4, averageShotMs: 3750 },
      { date: '2026-03-03', panels: 3, averageShotMs: 4333 },
      { date: '2026-03-04', panels: 3, averageShotMs: 2667 },
      { date: '2026-03-05', panels: 4, averageShotMs: 3250 }, // + E 5
    ]);
  });

  it('leaves out panels omitted now, and the days of an undone edit', async () => {
    const { p, s1 } = boardWithAPast();
    const c = p.board().scenes[0].panels.find((x) => x.durationMs === 3000)!;
    p.db.prepare('UPDATE panels SET omitted = 1 WHERE id = ?').run(c.id);
    updatePanels(p, [c.id], { durationMs: 8000 });
    p.undo();
    expect((await computeInsights(p, { sceneIds: [s1.id] })).pacingHistory).toEqual([
      { date: '2026-03-01', panels: 2, averageShotMs: 2000 },
      { date: '2026-03-02', panels: 3, averageShotMs: 4000 }, // A 4, B 2, D 6
      { date: '2026-03-03', panels: 2, averageShotMs: 5000 },
      { date: '2026-03-04', panels: 2, averageShotMs: 2500 },
    ]);
  });
});
