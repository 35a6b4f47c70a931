/** Issue 14: the Runway adapter against a loopback fake of Runway's task API. */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunwayProvider } from '../../electron/core/motion/runway';
import type { VideoRequest } from '../../electron/core/motion/video-provider';
import { fakeClip } from '../fakes/fake-clip';
import { fakePng } from '../fakes/fake-png';
import { FAKE_KEY, rejectionOf, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { RunwayFake } from '../fakes/runway-fake';

let clip: Buffer;
beforeAll(async () => {
  clip = await fakeClip();
});

let fake: RunwayFake;
beforeEach(async () => {
  fake = new RunwayFake(FAKE_KEY);
  fake.clip = clip;
  await fake.start();
});
afterEach(() => fake.stop());

const runway = (model?: string) => {
  const kit = testDeps();
  return { p: new RunwayProvider(settingsFor(fake.url, model ? { model } : {}), kit.deps), ...kit };
};
const request = async (extra: Partial<VideoRequest> = {}): Promise<VideoRequest> => ({
  prompt: 'Handheld: MARA runs down the pier',
  seconds: 4,
  seed: 42,
  aspectRatio: '2.39:1',
  firstFrame: { mime: 'image/png', data: await fakePng(5) },
  ...extra,
});

describe('Runway adapter', () => {
  it('sends image_to_video with the version header, the panel as a data URI, the nearest ratio and length, and the seed', async () => {
    const { p } = runway();
    const req = await request({ prompt: 'x'.repeat(1200) });
    const sub = await p.submit(req, testContext().ctx);
    const [call] = fake.requestsTo(/image_to_video/);
    expect(call.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(call.headers['x-runway-version']).toBe('2024-11-06');
    expect(call.json).toEqual({
      model: 'gen4_turbo', promptText: 'x'.repeat(1000), ratio: '1584:672', duration: 5, seed: 42,
      promptImage: `data:image/png;base64,${req.firstFrame.data.toString('base64')}`,
    });
    expect(sub).toMatchObject({ remoteId: 'task-1', model: 'gen4_turbo', pollEveryMs: 6_000 });
    expect(sub.sent).not.toHaveProperty('promptImage');
  });

  it('THROTTLED and RUNNING are "running" (with progress); SUCCEEDED gives the output, downloaded', async () => {
    const { p } = runway();
    fake.states = ['THROTTLED', 'RUNNING', 'SUCCEEDED'];
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running' });
    expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running', progress: 0.5 });
    const done = await p.poll(remoteId, ctx);
    if (done.state !== 'done') throw new Error('expected SUCCEEDED');
    expect((await p.download(done.videos[0], remoteId, ctx)).equals(clip)).toBe(true);
  });

  it('an expired output URL is fetched again from the task; when that fails too it is EXPIRED', async () => {
    const { p } = runway();
    fake.states = ['SUCCEEDED'];
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    const done = await p.poll(remoteId, ctx);
    if (done.state !== 'done') throw new Error('expected SUCCEEDED');
    fake.expireOutputs();
    expect((await p.download(done.videos[0], remoteId, ctx)).equals(clip)).toBe(true);
    expect(fake.requestsTo(/\/v1\/tasks\//, 'GET')).toHaveLength(2);
    expect(fake.requestsTo(/^\/output\//).map((r) => r.query.get('sig'))).toEqual(['1', '2']);
    // A task Runway no longer has: nothing fresh to fetch.
    expect(await rejectionOf(p.download({ uri: `${fake.url}/output/old.mp4?sig=0` }, 'gone', ctx))).toMatchObject({ kind: 'EXPIRED' });
  });

  it('SAFETY failures are MODERATION (final); other failures FAILED; a 400 is final; cancel DELETEs the task', async () => {
    const { p } = runway();
    fake.states = ['FAILED'];
    const { ctx } = testContext();
    const safety = await rejectionOf(p.poll((await p.submit(await request(), ctx)).remoteId, ctx));
    expect(safety).toMatchObject({ kind: 'MODERATION', message: expect.stringContaining('SAFETY.OUTPUT.VIDEO') });
    expect(safety.retryable).toBe(false);
    fake.failure = { failure: 'An unexpected error occurred.', failureCode: 'INTERNAL.BAD_OUTPUT.CODE01' };
    expect(await rejectionOf(p.poll((await p.submit(await request(), ctx)).remoteId, ctx))).toMatchObject({ kind: 'FAILED' });
    fake.enqueueFor(/image_to_video/, { status: 400, json: { error: 'promptText is too long' } });
    const bad = await rejectionOf(p.submit(await request(), ctx));
    expect(bad).toMatchObject({ kind: 'BAD_REQUEST', message: expect.stringContaining('promptText is too long') });
    expect(bad.retryable).toBe(false);
    fake.enqueueFor(/image_to_video/, { status: 429, json: { error: 'Too many requests' }, headers: { 'retry-after': '3' } });
    expect(await rejectionOf(p.submit(await request(), ctx))).toMatchObject({ kind: 'RATE_LIMITED', retryAfterMs: 3000 });
    await p.cancel('task-2', ctx);
    expect(fake.cancelled).toEqual(['task-2']);
    expect(fake.requestsTo(/\/v1\/tasks\/task-2/, 'DELETE')[0].headers['x-runway-version']).toBe('2024-11-06');
  });

  it('a Veo model on Runway takes 4/6/8 s and a negative prompt, and no seed', async () => {
    const { p } = runway('veo3.1');
    await p.submit(await request({ seconds: 7, negativePrompt: 'captions' }), testContext().ctx);
    const body = fake.requestsTo(/image_to_video/)[0].json;
    expect(body).toMatchObject({ model: 'veo3.1', duration: 8, negativePrompt: 'captions', ratio: '1280:720' });
    expect(body).not.toHaveProperty('seed');
  });
});
