import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplicateProvider } from '../../electron/core/providers/replicate';
import { fakePng } from '../fakes/fake-png';
import { FAKE_KEY, rejectionOf, request, settingsFor, stalledSleep, testContext, testDeps } from '../fakes/provider-kit';
import { NSFW_ERROR, ReplicateFake, replicateAnswers } from '../fakes/replicate-fake';

let fake: ReplicateFake;
beforeEach(async () => {
  fake = new ReplicateFake(FAKE_KEY);
  await fake.start();
});
afterEach(() => fake.stop());

function provider(options: { key?: string; model?: string; sleep?: ReturnType<typeof stalledSleep> } = {}) {
  const kit = testDeps({ sleep: options.sleep });
  const settings = settingsFor(fake.url, options.model ? { model: options.model } : {}, options.key ?? FAKE_KEY);
  return { p: new ReplicateProvider(settings, kit.deps, { pollIntervalMs: 1000 }), ...kit };
}
const creates = () => fake.requestsTo(/predictions$/, 'POST');
const polls = () => fake.requestsTo(/^\/v1\/predictions\/[\w-]+$/, 'GET');

describe('Replicate adapter', () => {
  it('creates a prediction with Prefer: wait and downloads the output without sending the token to the CDN', async () => {
    const { p } = provider();
    const images = await p.generate(request({ seed: 42 }), testContext({ timeoutMs: 120_000 }).ctx);
    const [sent] = creates();
    expect(sent.path).toBe('/v1/models/black-forest-labs/flux-schnell/predictions');
    expect(sent.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(sent.headers.prefer).toBe('wait=60');
    expect(sent.json).toEqual({ input: { prompt: request().prompt, aspect_ratio: '16:9', output_format: 'png', seed: 42 } });
    expect(polls()).toHaveLength(0);
    const [download] = fake.cdn.requests;
    expect(download.path).toBe('/delivery/42.png');
    expect(download.headers.authorization).toBeUndefined();
    expect(images[0].data.equals(await fakePng(42))).toBe(true);
    expect(images[0]).toMatchObject({ seed: 42, mime: 'image/png', usage: { predictTimeS: 1.25 }, providerModel: 'black-forest-labs/flux-schnell' });
    expect(images[0].params).toMatchObject({ model: 'black-forest-labs/flux-schnell', seed: 42, predictionId: 'pred1' });
  });

  it('keeps Prefer: wait below a short timeout', async () => {
    await provider().p.generate(request(), testContext({ timeoutMs: 20_000 }).ctx);
    expect(creates()[0].headers.prefer).toBe('wait=15');
  });

  it('polls a prediction answering "processing" until it has "succeeded", reporting progress from its logs', async () => {
    fake.pollsBeforeDone = 3;
    const { p, sleeps } = provider();
    const { ctx, progress } = testContext();
    const images = await p.generate(request({ count: 2, seed: 7 }), ctx);
    expect(polls().map((r) => r.path)).toEqual(['/v1/predictions/pred1', '/v1/predictions/pred1', '/v1/predictions/pred1', '/v1/predictions/pred2', '/v1/predictions/pred2', '/v1/predictions/pred2']);
    expect(polls()[0].headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(sleeps).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    expect(images.map((i) => i.seed)).toEqual([7, 8]);
    expect(progress).toContain(0.25); // half of the first of two variations
    expect(progress.at(-1)).toBe(1);
  });

  it('a versioned model posts to /v1/predictions with {version, input}; an init image goes as a data URL', async () => {
    const init = { mime: 'image/png', data: await fakePng(3) };
    await provider({ model: 'stability-ai/sdxl:7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc' }).p.generate(request({ initImage: init }), testContext().ctx);
    const [sent] = creates();
    expect(sent.path).toBe('/v1/predictions');
    expect(sent.json.version).toBe('7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc');
    expect(sent.json.input.image).toBe(`data:image/png;base64,${init.data.toString('base64')}`);
  });

  it('without a seed, keeps the one the model logged', async () => {
    const [img] = await provider().p.generate(request(), testContext().ctx);
    expect(creates()[0].json.input.seed).toBeUndefined();
    expect(img.seed).toBe(ReplicateFake.seedFor(request().prompt));
  });

  it('401 is AUTH naming REPLICATE_API_TOKEN, without the token', async () => {
    const err = await rejectionOf(provider({ key: 'r8_wrong_token_123456' }).p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'AUTH', status: 401 });
    expect(err.message).toContain('REPLICATE_API_TOKEN');
    expect(err.message).not.toContain('r8_wrong_token_123456');
  });

  it('429 waits the Retry-After; 402 billing is QUOTA_EXHAUSTED at once', async () => {
    fake.enqueue(replicateAnswers.throttled({ 'retry-after': '5' }));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toEqual([5000]);
    fake.enqueue(replicateAnswers.billing());
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'QUOTA_EXHAUSTED', status: 402 });
    expect(err.message).toContain('set up billing');
  });

  it('retries a burst of 5xx while polling', async () => {
    fake.pollsBeforeDone = 2;
    fake.enqueueFor(/^\/v1\/predictions\/[\w-]+$/, replicateAnswers.server(502), replicateAnswers.server(503));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(polls()).toHaveLength(4);
    expect(sleeps).toEqual([1000, 438, 875, 1000]);
  });

  it('a prediction failed by the safety checker is MODERATION with the model\'s words; another failure is FAILED', async () => {
    fake.failWith = NSFW_ERROR;
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'MODERATION', retryable: false });
    expect(err.message).toContain('NSFW content detected');
    fake.failWith = 'CUDA out of memory';
    const other = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(other.kind).toBe('FAILED');
    expect(other.message).toContain('CUDA out of memory');
    expect(creates()).toHaveLength(2);
  });

  it('cancelling while the prediction processes cancels it on Replicate', async () => {
    fake.pollsBeforeDone = 1000;
    const ac = new AbortController();
    const waits: number[] = [];
    const pending = provider({ sleep: stalledSleep(waits) }).p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (waits.length === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect(await rejectionOf(pending)).toMatchObject({ kind: 'CANCELLED' });
    const [cancel] = fake.requestsTo(/\/cancel$/);
    expect(cancel.path).toBe('/v1/predictions/pred1/cancel');
    expect(cancel.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(fake.predictions.get('pred1')!.status).toBe('canceled');
  });

  it('times out a hung create; malformed JSON is BAD_RESPONSE', async () => {
    fake.enqueue({ hang: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext({ timeoutMs: 250 }).ctx))).kind).toBe('TIMEOUT');
    fake.enqueue({ malformed: true, status: 201 });
    expect((await rejectionOf(provider().p.generate(request(), testContext().ctx))).kind).toBe('BAD_RESPONSE');
  });

  it('refuses a model name that is not owner/name before any request', async () => {
    expect((await rejectionOf(provider({ model: 'flux schnell' }).p.generate(request(), testContext().ctx))).kind).toBe('CONFIG');
    expect(fake.requests).toHaveLength(0);
  });

  it('tests the connection with /v1/account', async () => {
    expect(await provider().p.testConnection()).toEqual({ ok: true, message: 'Connected to Replicate as storyboarder.' });
    expect((await provider({ key: 'r8_nope_0000' }).p.testConnection()).ok).toBe(false);
  });
});
