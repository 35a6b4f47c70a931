import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StabilityProvider } from '../../electron/core/providers/stability';
import { fakePng } from '../fakes/fake-png';
import { fieldsOf, filesOf } from '../fakes/multipart';
import { FAKE_KEY, rejectionOf, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { StabilityFake, stabilityAnswers } from '../fakes/stability-fake';

let fake: StabilityFake;
beforeEach(async () => {
  fake = new StabilityFake(FAKE_KEY);
  await fake.start();
});
afterEach(() => fake.stop());

function provider(options: { key?: string; model?: string } = {}) {
  const kit = testDeps();
  return { p: new StabilityProvider(settingsFor(fake.url, options.model ? { model: options.model } : {}, options.key ?? FAKE_KEY), kit.deps), ...kit };
}
const calls = () => fake.requestsTo(/^\/v2beta\/stable-image\/generate\//);

describe('Stability AI v2beta adapter', () => {
  it('posts multipart with no file, Accept: image/*, and reads the seed header; seeds count up per variation', async () => {
    const { p } = provider();
    const images = await p.generate(request({ count: 2, seed: 1234, negativePrompt: 'text, watermark', params: { style_preset: 'line-art' } }), testContext().ctx);
    const sent = calls();
    expect(sent.map((r) => r.path)).toEqual(['/v2beta/stable-image/generate/core', '/v2beta/stable-image/generate/core']);
    expect(sent[0].headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(sent[0].headers.accept).toBe('image/*');
    expect(sent[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(filesOf(sent[0].parts)).toEqual([]);
    expect(fieldsOf(sent[0].parts)).toEqual({
      prompt: request().prompt,
      output_format: 'png',
      seed: '1234',
      negative_prompt: 'text, watermark',
      style_preset: 'line-art',
      aspect_ratio: '16:9',
    });
    expect(fieldsOf(sent[1].parts).seed).toBe('1235');
    expect(images.map((i) => i.seed)).toEqual([1234, 1235]);
    expect(images[1].data.equals(await fakePng(1235))).toBe(true);
    expect(images[0]).toMatchObject({ mime: 'image/png', providerModel: 'stable-image-core', params: { endpoint: 'core', aspect_ratio: '16:9' } });
  });

  it('asks for seed 0 when none is given and keeps the seed Stability chose', async () => {
    const images = await provider().p.generate(request(), testContext().ctx);
    expect(fieldsOf(calls()[0].parts).seed).toBe('0');
    expect(images[0].seed).toBe(StabilityFake.randomSeedFor(request().prompt));
  });

  it('sd3 models go to /sd3 with model, and an init image as a file with strength and image-to-image mode', async () => {
    const init = { mime: 'image/png', data: await fakePng(77) };
    await provider({ model: 'sd3.5-large' }).p.generate(request({ seed: 5, aspectRatio: '2.39:1', initImage: init, params: { strength: 0.4 } }), testContext().ctx);
    const [sent] = calls();
    expect(sent.path).toBe('/v2beta/stable-image/generate/sd3');
    expect(fieldsOf(sent.parts)).toMatchObject({ model: 'sd3.5-large', mode: 'image-to-image', strength: '0.4', seed: '5' });
    expect(fieldsOf(sent.parts).aspect_ratio).toBeUndefined();
    const [file] = filesOf(sent.parts, 'image');
    expect(file.data.equals(init.data)).toBe(true);
    expect(file.contentType).toBe('image/png');
  });

  it('snaps a 2.39:1 panel to 21:9 on ultra', async () => {
    await provider({ model: 'ultra' }).p.generate(request({ aspectRatio: '2.39:1' }), testContext().ctx);
    expect(calls()[0].path).toBe('/v2beta/stable-image/generate/ultra');
    expect(fieldsOf(calls()[0].parts).aspect_ratio).toBe('21:9');
  });

  it('refining with Core is a CONFIG error before any request', async () => {
    const err = await rejectionOf(provider().p.generate(request({ initImage: { mime: 'image/png', data: await fakePng(1) } }), testContext().ctx));
    expect(err.kind).toBe('CONFIG');
    expect(calls()).toHaveLength(0);
  });

  it('capabilities are per model: Core offers no refine, ultra and sd3.5 do', () => {
    expect(provider().p.capabilities.initImage).toBe(false);
    expect(provider({ model: 'ultra' }).p.capabilities.initImage).toBe(true);
    expect(provider().p.capabilitiesFor('sd3.5-large').initImage).toBe(true);
  });

  it('reads a JSON answer {image, finish_reason, seed}', async () => {
    fake.enqueue(await stabilityAnswers.jsonAnswer(99));
    const [img] = await provider().p.generate(request(), testContext().ctx);
    expect(img.seed).toBe(99);
    expect(img.data.equals(await fakePng(99))).toBe(true);
  });

  it('401 is AUTH without the key in the message', async () => {
    const err = await rejectionOf(provider({ key: 'sk-stab-wrong-99999' }).p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'AUTH', status: 401 });
    expect(err.message).toContain('STABILITY_API_KEY');
    expect(err.message).not.toContain('sk-stab-wrong-99999');
    expect(calls()).toHaveLength(1);
  });

  it('429 honours Retry-After, then succeeds', async () => {
    fake.enqueue(stabilityAnswers.rateLimited({ 'retry-after': '3' }), stabilityAnswers.rateLimited());
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toEqual([3000, 875]); // the second 429 has no hint: backoff
  });

  it('402 (credits spent) is QUOTA_EXHAUSTED, not retried', async () => {
    fake.enqueue(stabilityAnswers.noCredits());
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'QUOTA_EXHAUSTED', status: 402 });
    expect(err.message).toContain('lack sufficient credits');
    expect(sleeps).toEqual([]);
  });

  it('403 content_moderation and finish-reason CONTENT_FILTERED are MODERATION', async () => {
    fake.enqueue(stabilityAnswers.moderation(), await stabilityAnswers.filtered(3));
    const first = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(first).toMatchObject({ kind: 'MODERATION', status: 403 });
    expect(first.message).toContain('flagged by our content moderation');
    const second = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(second.kind).toBe('MODERATION');
    expect(second.message).toContain('CONTENT_FILTERED');
    expect(calls()).toHaveLength(2);
  });

  it('retries a burst of 5xx', async () => {
    fake.enqueue(stabilityAnswers.server(500), stabilityAnswers.server(503), stabilityAnswers.server(500));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toHaveLength(3);
  });

  it('times out a hung connection; malformed JSON is BAD_RESPONSE', async () => {
    fake.enqueue({ hang: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext({ timeoutMs: 250 }).ctx))).kind).toBe('TIMEOUT');
    fake.enqueue({ malformed: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext().ctx))).kind).toBe('BAD_RESPONSE');
  });

  it('a server slower than the timeout is a TIMEOUT too', async () => {
    fake.latencyMs = 400;
    expect((await rejectionOf(provider().p.generate(request(), testContext({ timeoutMs: 100 }).ctx))).kind).toBe('TIMEOUT');
    fake.latencyMs = 20;
    expect(await provider().p.generate(request(), testContext({ timeoutMs: 5_000 }).ctx)).toHaveLength(1);
  });

  it('tests the connection with the credit balance', async () => {
    expect(await provider().p.testConnection()).toEqual({ ok: true, message: 'Connected to Stability AI; 42.5 credits left.' });
    expect((await provider({ key: 'nope-0000' }).p.testConnection()).ok).toBe(false);
  });
});
