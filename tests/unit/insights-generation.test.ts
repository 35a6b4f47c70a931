import { describe, expect, it } from 'vitest';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { pickVariation } from '../../electron/core/generation/pick';
import { computeInsights } from '../../electron/core/insights/compute';
import { GatedProvider, seededPng, useHarnesses, type Harness } from './generation-helpers';

const { make } = useHarnesses();

/** Runs one request and returns its variations' ids in the order they were stored. */
async function request(h: Harness, panel: number, providerId: 'openai' | 'stability', prompt: string, count: number, model?: string): Promise<{ jobId: string; ids: string[] }> {
  const job = h.service.start({ panelId: h.panelIds[panel], providerId, prompt, count, seed: 1, model });
  await h.service.settled(job.id);
  const ids = h.project.db.prepare('SELECT id FROM variations WHERE job_id = ? ORDER BY rowid').pluck().all(job.id) as string[];
  return { jobId: job.id, ids };
}

describe('insights: generation figures', () => {
  it('counts variations and prompt versions per panel, picks per provider/model, first-variation picks and time to pick', async () => {
    const openai = new GatedProvider('openai');
    const stability = new GatedProvider('stability');
    openai.autoRelease = stability.autoRelease = true;
    const h = make({ panels: 3, providers: [openai, stability] });
    const [p0, p1] = h.panelIds;
    const first = await request(h, 0, 'openai', 'Mara at the door', 3);
    const second = await request(h, 1, 'stability', 'The stairs from above', 2, 'sd3');
    const third = await request(h, 1, 'stability', 'The stairs from below', 2, 'sd3');
    await pickVariation(h.project, first.ids[0]); // the first of its request
    await pickVariation(h.project, second.ids[1]); // the second of its request
    await pickVariation(h.project, third.ids[0]); // a later pick on the same panel
    // A picture set by hand keeps the one it replaces as an 'import' variation: not generated, not counted.
    await setPanelImage(h.project, p0, await seededPng(900), 'own.png');

    const time = h.project.db.prepare('UPDATE generation_jobs SET created_at = ? WHERE id = ?');
    time.run('2026-03-01T10:00:00.000Z', first.jobId);
    time.run('2026-03-01T10:00:00.000Z', second.jobId);
    time.run('2026-03-01T10:05:00.000Z', third.jobId);
    const picked = h.project.db.prepare("SELECT id FROM decisions WHERE kind = 'variation.picked' ORDER BY rowid").pluck().all() as string[];
    const at = h.project.db.prepare('UPDATE decisions SET created_at = ? WHERE id = ?');
    at.run('2026-03-01T10:01:00.000Z', picked[0]); // 60 s after panel 0's first request
    at.run('2026-03-01T10:03:00.000Z', picked[1]); // 180 s after panel 1's first request
    at.run('2026-03-01T10:09:00.000Z', picked[2]);

    const { generation } = await computeInsights(h.project);
    expect(generation).toEqual({
      variations: 7,
      variationsPerPanel: { [p0]: 3, [p1]: 4 },
      picksByModel: { 'openai/gated-1': 1, 'stability/sd3': 2 },
      picks: 3,
      firstVariationPickedShare: 0.667,
      promptVersionsPerPanel: { [p0]: 1, [p1]: 2 },
      medianTimeToPickMs: 120_000,
    });
    // Scene by scene: a selection without those panels has no generation figures.
    h.project.db.prepare('UPDATE panels SET omitted = 1 WHERE id IN (?, ?)').run(p0, p1);
    expect((await computeInsights(h.project)).generation).toEqual({
      variations: 0, variationsPerPanel: {}, picksByModel: {}, picks: 0, firstVariationPickedShare: 0, promptVersionsPerPanel: {}, medianTimeToPickMs: null,
    });
  });
});
