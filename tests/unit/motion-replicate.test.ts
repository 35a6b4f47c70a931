/** Issue 14: Replicate video models, each with its own inputs, against the loopback Replicate fake. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplicateVideoProvider } from '../../electron/core/motion/replicate';
import type { VideoRequest } from '../../electron/core/motion/video-provider';
import { fakeClip } from '../fakes/fake-clip';
import { fakePng } from '../fakes/fake-png';
import { FAKE_KEY, rejectionOf, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { ReplicateFake } from '../fakes/replicate-fake';

let fake: ReplicateFake;
beforeEach(async () => {
  fake = new ReplicateFake(FAKE_KEY);
  fake.videoClip = await fakeClip();
  await fake.start();
});
afterEach(() => fake.stop());

const replicate = (model?: string) => new ReplicateVideoProvider(settingsFor(fake.url, model ? { model } : {}), testDeps().deps);
const request = async (extra: Partial<VideoRequest> = {}): Promise<VideoRequest> => ({
  prompt: 'Slow dolly in: the lighthouse lamp flickers on',
  seconds: 8,
  seed: 7,
  negativePrompt: 'text',
  aspectRatio: '16:9',
  firstFrame: { mime: 'image/png', data: await fakePng(9) },
  ...extra,
});

describe('Replicate video adapter', () => {
  it('creates a Kling prediction with Kling\'s own inputs (start_image, duration 5|10, negative_prompt, no seed), answered at once', async () => {
    const req = await request();
    const sub = await replicate().submit(req, testContext().ctx);
    const [call] = fake.requestsTo(/predictions$/, 'POST');
    expect(call.path).toBe('/v1/models/kwaivgi/kling-v2.1/predictions');
    expect(call.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(call.headers.prefer).toBeUndefined();
    expect(call.json.input).toEqual({ prompt: req.prompt, duration: 10, negative_prompt: 'text', start_image: `data:image/png;base64,${req.firstFrame.data.toString('base64')}` });
    expect(sub).toMatchObject({ remoteId: 'pred1', model: 'kwaivgi/kling-v2.1', sent: { model: 'kwaivgi/kling-v2.1', prompt: req.prompt, duration: 10, negative_prompt: 'text' } });
    expect(fake.predictions.get('pred1')!.ignored).toEqual([]);
  });

  it('polls until succeeded (progress from the logs), then downloads from the file host without the token', async () => {
    fake.pollsBeforeDone = 2;
    const p = replicate();
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running', progress: 0.5 });
    const done = await p.poll(remoteId, ctx);
    if (done.state !== 'done') throw new Error('expected success');
    expect((await p.download(done.videos[0], remoteId, ctx)).equals(fake.videoClip)).toBe(true);
    expect(fake.cdn.requests[0].headers.authorization).toBeUndefined();
  });

  it('a model not in the table is refused before any request; deleted outputs are EXPIRED; safety failures are MODERATION; cancel reaches Replicate', async () => {
    expect(await rejectionOf(replicate('someone/unknown-video').submit(await request(), testContext().ctx))).toMatchObject({ kind: 'CONFIG', message: expect.stringContaining('kwaivgi/kling-v2.1') });
    expect(fake.requests).toHaveLength(0);
    const p = replicate();
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    const done = await p.poll(remoteId, ctx);
    if (done.state !== 'done') throw new Error('expected success');
    fake.outputsDeleted = true;
    expect(await rejectionOf(p.download(done.videos[0], remoteId, ctx))).toMatchObject({ kind: 'EXPIRED', status: 404 });
    fake.failWith = 'NSFW content detected in the output';
    const flagged = await p.submit(await request(), ctx);
    expect(await rejectionOf(p.poll(flagged.remoteId, ctx))).toMatchObject({ kind: 'MODERATION' });
    fake.failWith = null;
    fake.pollsBeforeDone = 3;
    const running = await p.submit(await request(), ctx);
    await p.cancel(running.remoteId, ctx);
    expect(fake.predictions.get(running.remoteId)!.status).toBe('canceled');
    expect(await rejectionOf(p.poll(running.remoteId, ctx))).toMatchObject({ kind: 'CANCELLED' });
  });
});
