/** Issue 14: the Veo adapter against a loopback fake of the Gemini API's long-running video operations. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VeoProvider } from '../../electron/core/motion/veo';
import type { VideoRequest } from '../../electron/core/motion/video-provider';
import { fakeClip } from '../fakes/fake-clip';
import { fakePng } from '../fakes/fake-png';
import { FAKE_KEY, rejectionOf, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { VeoFake } from '../fakes/veo-fake';

let clip: Buffer;
beforeAll(async () => {
  clip = await fakeClip();
});

let fake: VeoFake;
beforeEach(async () => {
  fake = new VeoFake(FAKE_KEY);
  fake.clip = clip;
  await fake.start();
});
afterEach(() => fake.stop());

const veo = (model?: string) => {
  const kit = testDeps();
  return { p: new VeoProvider(settingsFor(`${fake.url}/`, model ? { model } : {}), kit.deps), ...kit };
};
const request = async (extra: Partial<VideoRequest> = {}): Promise<VideoRequest> => ({
  prompt: 'Slow push in on MARA at the lighthouse door',
  seconds: 5,
  aspectRatio: '2.39:1',
  firstFrame: { mime: 'image/png', data: await fakePng(3) },
  ...extra,
});

describe('Veo adapter', () => {
  it('submits predictLongRunning with the panel inline as the first frame, snapped to 16:9 and a length Veo 3 makes', async () => {
    const { p } = veo();
    const req = await request({ negativePrompt: 'text, watermark' });
    const sub = await p.submit(req, testContext().ctx);
    const [call] = fake.requestsTo(/:predictLongRunning$/);
    expect(call.path).toBe('/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning');
    expect(call.headers['x-goog-api-key']).toBe(FAKE_KEY);
    expect(call.json).toEqual({
      instances: [{ prompt: req.prompt, image: { bytesBase64Encoded: req.firstFrame.data.toString('base64'), mimeType: 'image/png' } }],
      parameters: { aspectRatio: '16:9', durationSeconds: 6, negativePrompt: 'text, watermark', personGeneration: 'allow_adult', sampleCount: 1 },
    });
    expect(sub).toMatchObject({ remoteId: 'models/veo-3.1-fast-generate-preview/operations/op1', model: 'veo-3.1-fast-generate-preview', pollEveryMs: 10_000 });
    expect(JSON.stringify(sub.sent)).not.toContain(req.firstFrame.data.toString('base64').slice(0, 40));
    // Veo 2 makes 5–8 s; a portrait project gets 9:16.
    await veo('veo-2.0-generate-001').p.submit(await request({ seconds: 5, aspectRatio: '9:16' }), testContext().ctx);
    expect(fake.requestsTo(/:predictLongRunning$/)[1].json.parameters).toMatchObject({ aspectRatio: '9:16', durationSeconds: 5 });
  });

  it('polls the operation by name until done, then downloads the clip with the key through the redirect', async () => {
    const { p } = veo();
    fake.pollsBeforeDone = 2;
    const { remoteId } = await p.submit(await request(), testContext().ctx);
    const { ctx } = testContext();
    expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running' });
    expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running' });
    const done = await p.poll(remoteId, ctx);
    expect(done).toEqual({ state: 'done', videos: [{ uri: `${fake.url}/v1beta/files/op1:download?alt=media` }] });
    if (done.state !== 'done') return;
    const bytes = await p.download(done.videos[0], remoteId, ctx);
    expect(bytes.equals(clip)).toBe(true);
    const polls = fake.requestsTo(/\/operations\//, 'GET');
    expect(polls.map((r) => r.path)).toEqual(Array(3).fill(`/v1beta/${remoteId}`));
    expect(fake.requestsTo(/:download$/)[0].headers['x-goog-api-key']).toBe(FAKE_KEY);
    expect(fake.requestsTo(/^\/storage\//)).toHaveLength(1);
  });

  it('a clip held back by the safety filter is MODERATION (final, not charged); a failed operation is FAILED; done with nothing is BAD_RESPONSE', async () => {
    const { p } = veo();
    fake.pollsBeforeDone = 0;
    const { ctx } = testContext();
    fake.outcome = 'filtered';
    const filtered = await rejectionOf(p.poll((await p.submit(await request(), ctx)).remoteId, ctx));
    expect(filtered).toMatchObject({ kind: 'MODERATION' });
    expect(filtered.message).toContain("You weren't charged");
    expect(filtered.retryable).toBe(false);
    fake.outcome = 'failed';
    expect(await rejectionOf(p.poll((await p.submit(await request(), ctx)).remoteId, ctx))).toMatchObject({ kind: 'FAILED', message: expect.stringContaining('Internal error') });
    fake.outcome = 'empty';
    expect(await rejectionOf(p.poll((await p.submit(await request(), ctx)).remoteId, ctx))).toMatchObject({ kind: 'BAD_RESPONSE' });
  });

  it('a per-day quota is final; a per-minute one says how long to wait; neither leaks the key', async () => {
    const { p, logs } = veo();
    const quota = (quotaId: string, delay?: string) => ({
      status: 429,
      json: {
        error: {
          code: 429, message: 'You exceeded your current quota.', status: 'RESOURCE_EXHAUSTED',
          details: [
            { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [{ quotaMetric: 'generativelanguage.googleapis.com/predict_long_running_requests', quotaId }] },
            ...(delay ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: delay }] : []),
          ],
        },
      },
    });
    fake.enqueue(quota('PredictLongRunningRequestsPerDayPerProjectPerModel'), quota('PredictLongRunningRequestsPerMinutePerProjectPerModel', '47s'));
    const daily = await rejectionOf(p.submit(await request(), testContext().ctx));
    expect(daily).toMatchObject({ kind: 'QUOTA_EXHAUSTED' });
    expect(daily.retryable).toBe(false);
    const minute = await rejectionOf(p.submit(await request(), testContext().ctx));
    expect(minute).toMatchObject({ kind: 'RATE_LIMITED', retryAfterMs: 47_000 });
    expect(JSON.stringify([daily.message, minute.message, logs])).not.toContain(FAKE_KEY);
  });

  it('an expired file is EXPIRED; a download that is not a video is refused', async () => {
    const { p } = veo();
    fake.pollsBeforeDone = 0;
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    const done = await p.poll(remoteId, ctx);
    if (done.state !== 'done') throw new Error('expected a finished operation');
    fake.expired = true;
    expect(await rejectionOf(p.download(done.videos[0], remoteId, ctx))).toMatchObject({ kind: 'EXPIRED', status: 403 });
    fake.expired = false;
    fake.clip = await fakePng(1);
    fake.clipType = 'application/octet-stream';
    expect(await rejectionOf(p.download(done.videos[0], remoteId, ctx))).toMatchObject({ kind: 'BAD_RESPONSE', message: expect.stringContaining('not a video') });
  });

  it('an operation that never finishes stays "running" (the job runner, not the adapter, owns the deadline)', async () => {
    const { p } = veo();
    fake.outcome = 'never';
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    for (let i = 0; i < 5; i++) expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running' });
  });
});
