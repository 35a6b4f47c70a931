import { describe, expect, it } from 'vitest';
import { listVariations } from '../../electron/core/generation/job-rows';
import { readImageBytes } from '../../electron/core/queries/image-queries';
import { ProviderError } from '../../electron/core/providers/errors';
import { CAPS, GatedProvider, jobEvents, useHarnesses, type Harness } from './generation-helpers';

const { make, track } = useHarnesses();

const start = (h: Harness, extra: Partial<Parameters<Harness['service']['start']>[0]> = {}) =>
  h.service.start({ panelId: h.panelIds[0], providerId: 'openai', prompt: 'Mara on the stairs, pencil sketch', count: 2, ...extra });

describe('generation jobs', () => {
  it('run a job: queued, running, succeeded; every variation keeps its image, provider, model, seed, params, timing, usage and cost', async () => {
    const h = make();
    const provider = h.providers.get('openai') as GatedProvider;
    const job = start(h, { count: 3, seed: 7, negativePrompt: 'text, watermark' });
    expect(job).toMatchObject({ status: 'queued', count: 3, seed: 7, provider: 'openai', attempts: 0 });
    await provider.waitForCalls(1);
    expect(h.service.job(job.id).status).toBe('running');
    const call = provider.calls[0];
    expect(call.request).toMatchObject({ prompt: 'Mara on the stairs, pencil sketch', negativePrompt: 'text, watermark', count: 3, seed: 7, aspectRatio: '2.39:1', width: 1024, height: 448 });
    expect(call.request.params).toMatchObject({ shotSize: 'MCU', angle: 'low', lensMm: 35, characters: [] });
    call.release();
    const done = await h.service.settled(job.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, variationCount: 3, progress: 1, error: null });
    expect(jobEvents(h.events, job.id)).toEqual(expect.arrayContaining(['queued', 'running', 'succeeded']));
    expect(jobEvents(h.events, job.id).at(-1)).toBe('succeeded');

    const variations = listVariations(h.project.db, h.panelIds[0]);
    expect(variations).toHaveLength(3);
    expect(variations.map((v) => v.seed).sort()).toEqual([7, 8, 9]);
    for (const v of variations) {
      expect(v).toMatchObject({ jobId: job.id, promptVersionId: done.promptVersionId, provider: 'openai', model: 'gated-1', usage: { total_tokens: 150 }, costUsd: 0.04, current: false, width: 64, height: 64 });
      expect(v.params).toMatchObject({ prompt: 'Mara on the stairs, pencil sketch', n: 3 });
      expect(v.elapsedMs).toBeGreaterThanOrEqual(0);
      expect(readImageBytes(h.project.db, v.imageSha256, 'full')?.mime).toBe('image/png');
      expect(readImageBytes(h.project.db, v.imageSha256, 'thumb')?.mime).toBe('image/webp');
    }
    const added = h.events.find((e) => e.kind === 'variations.added');
    expect(added).toMatchObject({ panelId: h.panelIds[0], jobId: job.id });
    // Generating is not an edit: nothing to undo.
    expect(h.project.history().undoLabel).toBe('Add panel');
  });

  it('honour the per-provider concurrency limit; other providers do not wait', async () => {
    const openai = new GatedProvider('openai');
    const gemini = new GatedProvider('gemini');
    const h = make({ concurrency: 2, providers: [openai, gemini] });
    const jobs = Array.from({ length: 5 }, () => start(h, { count: 1 }));
    const other = start(h, { providerId: 'gemini', count: 1 });
    await openai.waitForCalls(2);
    await gemini.waitForCalls(1);
    expect(openai.running).toBe(2);
    expect(jobs.map((j) => h.service.job(j.id).status)).toEqual(['running', 'running', 'queued', 'queued', 'queued']);
    gemini.calls[0].release();
    expect((await h.service.settled(other.id)).status).toBe('succeeded');
    for (let n = 0; n < 5; n++) {
      await openai.waitForCalls(n + 1);
      openai.calls[n].release();
      await h.service.settled(jobs[n].id);
    }
    expect(openai.maxRunning).toBe(2);
    expect(jobs.map((j) => h.service.job(j.id).status)).toEqual(Array(5).fill('succeeded'));
  });

  it('cancel a job waiting in line: it never reaches the provider', async () => {
    const h = make({ concurrency: 1 });
    const provider = h.providers.get('openai') as GatedProvider;
    const first = start(h);
    const second = start(h);
    await provider.waitForCalls(1);
    expect(h.service.cancel(second.id).status).toBe('cancelled');
    provider.calls[0].release();
    await h.service.idle();
    expect(provider.calls).toHaveLength(1);
    expect(h.service.job(first.id).status).toBe('succeeded');
    expect(h.service.job(second.id)).toMatchObject({ status: 'cancelled', variationCount: 0, error: { kind: 'CANCELLED' } });
  });

  it('cancel a job while the provider works: the provider sees the abort, nothing is stored', async () => {
    const h = make();
    const provider = h.providers.get('openai') as GatedProvider;
    const job = start(h);
    await provider.waitForCalls(1);
    h.service.cancel(job.id);
    expect(provider.calls[0].ctx.signal.aborted).toBe(true);
    expect(await h.service.settled(job.id)).toMatchObject({ status: 'cancelled', variationCount: 0 });
    expect(listVariations(h.project.db, h.panelIds[0])).toEqual([]);
  });

  it('cancel a job after the provider answered, before its images are stored: nothing is stored', async () => {
    const h = make();
    const provider = h.providers.get('openai') as GatedProvider;
    const job = start(h);
    await provider.waitForCalls(1);
    provider.calls[0].release();
    h.service.cancel(job.id);
    expect(await h.service.settled(job.id)).toMatchObject({ status: 'cancelled', variationCount: 0 });
    expect(listVariations(h.project.db, h.panelIds[0])).toEqual([]);
  });

  for (const [kind, message] of [
    ['QUOTA_EXHAUSTED', 'Gemini: the per-day quota for gemini-2.5-flash-image is spent (GenerateRequestsPerDay). It resets tomorrow.'],
    ['MODERATION', 'Stability AI refused the prompt: content_moderation.'],
  ] as const) {
    it(`a ${kind} failure is shown at once, with the provider's reason, and not retried`, async () => {
      const h = make();
      const provider = h.providers.get('openai') as GatedProvider;
      const job = start(h);
      await provider.waitForCalls(1);
      provider.calls[0].fail(new ProviderError(kind, message));
      const done = await h.service.settled(job.id);
      expect(done).toMatchObject({ status: 'failed', attempts: 1, error: { kind, message } });
      const failed = h.events.filter((e) => e.kind === 'job.updated' && e.job.id === job.id).at(-1);
      expect(failed).toMatchObject({ job: { status: 'failed', error: { kind, message } } });
      await new Promise((r) => setTimeout(r, 20));
      expect(provider.calls).toHaveLength(1);
      // The user can still try again deliberately.
      h.service.retry(job.id);
      await provider.waitForCalls(2);
      provider.calls[1].release();
      expect(await h.service.settled(job.id)).toMatchObject({ status: 'succeeded', attempts: 2, error: null });
    });
  }

  it('keys never reach a stored error message', async () => {
    const h = make();
    const provider = h.providers.get('openai') as GatedProvider;
    const job = start(h);
    await provider.waitForCalls(1);
    provider.calls[0].fail(new Error('upstream said: Incorrect API key provided: sk-test-SECRET-123'));
    const done = await h.service.settled(job.id);
    expect(done.error?.message).toContain('[redacted]');
    expect(done.error?.message).not.toContain('sk-test-SECRET-123');
  });

  it('jobs survive a restart: cut off while queued or running they are interrupted, and can be retried', async () => {
    const h = make({ concurrency: 1 });
    const provider = h.providers.get('openai') as GatedProvider;
    const running = start(h);
    const queued = start(h);
    await provider.waitForCalls(1);
    // A quit: the process goes away with both jobs unfinished.
    h.service.dispose();
    const again = h.reopen();
    track(again);
    expect(again.service.jobs().map((j) => [j.id, j.status]).sort()).toEqual([[queued.id, 'interrupted'], [running.id, 'interrupted']].sort());
    expect(again.service.job(running.id).error?.message).toMatch(/stopped before this job finished/);
    provider.autoRelease = true;
    again.service.retry(running.id);
    again.service.retry(queued.id);
    await again.service.idle();
    expect(again.service.job(running.id)).toMatchObject({ status: 'succeeded', attempts: 2, variationCount: 2 });
    expect(again.service.job(queued.id)).toMatchObject({ status: 'succeeded', attempts: 1, variationCount: 2 });
  });

  it('refuses bad requests before queuing anything', () => {
    const h = make({ providers: [new GatedProvider('openai'), new GatedProvider('stability', { ...CAPS, initImage: false, referenceImages: false })] });
    expect(() => start(h, { count: 9 })).toThrow(/1 to 8 variations/);
    expect(() => start(h, { count: 0 })).toThrow(/1 to 8 variations/);
    expect(() => start(h, { prompt: '   ' })).toThrow(/Write a prompt/);
    expect(() => start(h, { panelId: 'nope' })).toThrow(/No panel/);
    expect(() => start(h, { providerId: 'replicate' })).toThrow(/No replicate/);
    expect(() => start(h, { refine: true })).toThrow(/no picture to refine/);
    expect(() => start(h, { providerId: 'stability', refine: true })).toThrow(/cannot refine/);
    expect(h.service.jobs()).toEqual([]);
  });
});
