import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenAIProvider } from '../../electron/core/providers/openai';
import { fakePng } from '../fakes/fake-png';
import { filesOf, fieldsOf } from '../fakes/multipart';
import { OpenAIFake, openaiAnswers } from '../fakes/openai-fake';
import { FAKE_KEY, rejectionOf, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';

let fake: OpenAIFake;
beforeEach(async () => {
  fake = new OpenAIFake(FAKE_KEY);
  await fake.start();
});
afterEach(() => fake.stop());

function provider(extra: { key?: string | null; model?: string } = {}) {
  const kit = testDeps();
  const p = new OpenAIProvider(settingsFor(fake.baseUrl, extra.model ? { model: extra.model } : {}, extra.key === undefined ? FAKE_KEY : extra.key), kit.deps);
  return { p, ...kit };
}

describe('OpenAI Images adapter', () => {
  it('generates through /images/generations with the key as a Bearer token and the panel shape as size', async () => {
    const { p } = provider();
    const { ctx, progress } = testContext();
    const images = await p.generate(request({ count: 2 }), ctx);
    const [sent] = fake.requestsTo(/images\/generations/);
    expect(sent.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(sent.headers['content-type']).toContain('application/json');
    expect(sent.json).toMatchObject({ model: 'gpt-image-1', prompt: request().prompt, n: 2, size: '1536x1024' });
    expect(images).toHaveLength(2);
    expect(images[0].data.equals(await fakePng(OpenAIFake.seedFor(request().prompt, 0)))).toBe(true);
    expect(images[1].data.equals(await fakePng(OpenAIFake.seedFor(request().prompt, 1)))).toBe(true);
    expect(images[0]).toMatchObject({ mime: 'image/png', seed: null, providerModel: 'gpt-image-1', costUsd: null });
    expect(images[0].params).toMatchObject({ model: 'gpt-image-1', size: '1536x1024', endpoint: 'generations' });
    // The call's usage is shared out so the variations add up to what OpenAI reported.
    expect(images[0].usage).toEqual({ inputTokens: 50, outputTokens: 100, totalTokens: 150 });
    expect(progress.at(-1)).toBe(1);
  });

  it('sends reference and init images to /images/edits as repeated image[] parts, init first', async () => {
    const { p } = provider();
    const init = { mime: 'image/png', data: await fakePng(1) };
    const ref = { mime: 'image/png', data: await fakePng(2) };
    const images = await p.generate(request({ count: 1, aspectRatio: '2:3', width: 512, height: 768, initImage: init, referenceImages: [ref], params: { input_fidelity: 'high' } }), testContext().ctx);
    const [sent] = fake.requestsTo(/images\/edits/);
    expect(sent.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(sent.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(fieldsOf(sent.parts)).toMatchObject({ model: 'gpt-image-1', prompt: request().prompt, n: '1', size: '1024x1536', input_fidelity: 'high' });
    const files = filesOf(sent.parts, 'image[]');
    expect(files.map((f) => f.data.equals(init.data) ? 'init' : f.data.equals(ref.data) ? 'ref' : '?')).toEqual(['init', 'ref']);
    expect(files[0].contentType).toBe('image/png');
    expect(images[0].params).toMatchObject({ endpoint: 'edits', inputImages: 2 });
  });

  it('splits more than ten variations over several calls', async () => {
    const { p } = provider();
    const images = await p.generate(request({ count: 12 }), testContext().ctx);
    expect(images).toHaveLength(12);
    expect(fake.requestsTo(/images\/generations/).map((r) => r.json.n)).toEqual([10, 2]);
  });

  it('asks dall-e-3 for one image per call, in b64_json, and keeps the revised prompt; URLs are downloaded', async () => {
    fake.answerWithUrls = true;
    const { p } = provider({ model: 'dall-e-3' });
    const images = await p.generate(request({ count: 2 }), testContext().ctx);
    const calls = fake.requestsTo(/images\/generations/);
    expect(calls.map((r) => r.json)).toMatchObject([
      { model: 'dall-e-3', n: 1, size: '1792x1024', response_format: 'b64_json' },
      { model: 'dall-e-3', n: 1, size: '1792x1024', response_format: 'b64_json' },
    ]);
    expect(images[0].revisedPrompt).toBe(`${request().prompt} (revised)`);
    expect(fake.requestsTo(/^\/files\//)).toHaveLength(2);
  });

  it('a refused key is AUTH, named by its variable, never retried and never echoed', async () => {
    const { p, sleeps } = provider({ key: 'sk-wrong-key-0123456789' });
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'AUTH', status: 401, retryable: false, requestId: 'req_fake401' });
    expect(err.message).toContain('OPENAI_API_KEY');
    expect(err.message).not.toContain('sk-wrong-key-0123456789');
    expect(fake.requestsTo(/images/)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it.each<[string, () => Record<string, string>, number, number]>([
    ['Retry-After in seconds', () => ({ 'retry-after': '2' }), 2000, 2000],
    ['retry-after-ms', () => ({ 'retry-after-ms': '1500' }), 1500, 1500],
    // An HTTP date has one-second resolution and is read a moment after it is written.
    ['Retry-After as an HTTP date', () => ({ 'retry-after': new Date(Date.now() + 30_000).toUTCString() }), 20_000, 30_000],
  ])('429 with %s waits what OpenAI asked, then succeeds', async (_name, headers, min, max) => {
    fake.enqueue(openaiAnswers.rateLimited(headers()));
    const { p, sleeps } = provider();
    const images = await p.generate(request(), testContext().ctx);
    expect(images).toHaveLength(1);
    expect(fake.requestsTo(/images/)).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(min);
    expect(sleeps[0]).toBeLessThanOrEqual(max);
  });

  it('x-should-retry: false stops the retry of a 429', async () => {
    fake.enqueue(openaiAnswers.rateLimited({ 'retry-after': '1', 'x-should-retry': 'false' }));
    const { p } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err.kind).toBe('RATE_LIMITED');
    expect(fake.requestsTo(/images/)).toHaveLength(1);
  });

  it('insufficient_quota is QUOTA_EXHAUSTED at once, not retried', async () => {
    fake.enqueue(openaiAnswers.quota());
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'QUOTA_EXHAUSTED', retryable: false });
    expect(err.message).toContain('exceeded your current quota');
    expect(fake.requestsTo(/images/)).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('a burst of 5xx is retried with exponential backoff and jitter', async () => {
    fake.enqueue(openaiAnswers.server(500), openaiAnswers.server(502), openaiAnswers.server(503));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(fake.requestsTo(/images/)).toHaveLength(4);
    expect(sleeps).toEqual([438, 875, 1750]); // 0.5, 1, 2 s less the fixed 12.5 % jitter of the test
  });

  it('gives up after four retries of a 5xx', async () => {
    fake.enqueue(...Array.from({ length: 5 }, () => openaiAnswers.server(503)));
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'SERVER', status: 503, retryable: false });
    expect(err.message).toMatch(/gave up after 4 retries/);
    expect(sleeps).toEqual([438, 875, 1750, 3500]);
  });

  it('a connection that never answers times out', async () => {
    fake.enqueue({ hang: true });
    const { p } = provider();
    const err = await rejectionOf(p.generate(request(), testContext({ timeoutMs: 300 }).ctx));
    expect(err.kind).toBe('TIMEOUT');
    expect(err.message).toMatch(/did not answer within 300 ms/);
  });

  it('malformed JSON is BAD_RESPONSE', async () => {
    fake.enqueue({ malformed: true });
    const { p } = provider();
    expect(await rejectionOf(p.generate(request(), testContext().ctx))).toMatchObject({ kind: 'BAD_RESPONSE' });
  });

  it('a moderation_blocked refusal is MODERATION with OpenAI\'s reason, not retried', async () => {
    fake.enqueue(openaiAnswers.moderation());
    const { p } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'MODERATION', status: 400, retryable: false });
    expect(err.message).toContain('safety_violations=[violence]');
    expect(fake.requestsTo(/images/)).toHaveLength(1);
  });

  it('cancelling during a request rejects with CANCELLED', async () => {
    fake.enqueue({ hang: true });
    const { p } = provider();
    const ac = new AbortController();
    const pending = p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect(await rejectionOf(pending)).toMatchObject({ kind: 'CANCELLED', code: 'CANCELLED' });
  });

  it('a missing key is CONFIG before any request', async () => {
    const { p } = provider({ key: null });
    expect(await rejectionOf(p.generate(request(), testContext().ctx))).toMatchObject({ kind: 'CONFIG' });
    expect(fake.requests).toHaveLength(0);
  });

  it('tests the connection with GET /models', async () => {
    expect(await provider().p.testConnection()).toEqual({ ok: true, message: 'Connected to OpenAI; the key works.' });
    const bad = await provider({ key: 'sk-bad-000000' }).p.testConnection();
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain('refused the key');
    expect(fake.requestsTo(/\/v1\/models/, 'GET')).toHaveLength(2);
  });
});

describe('OpenAI: each model sends only what its endpoint accepts', () => {
  const init = async () => ({ mime: 'image/png', data: await fakePng(1) });
  const ref = async () => ({ mime: 'image/png', data: await fakePng(2) });

  it('the fake refuses what OpenAI refuses: dall-e-3 on /images/edits, unknown fields, several images for dall-e-2', async () => {
    const post = (path: string, form: FormData) => fetch(`${fake.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${FAKE_KEY}` }, body: form });
    const png = new Blob([new Uint8Array(await fakePng(1))], { type: 'image/png' });
    const form = (fields: Record<string, string>, images: [string, number][]) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      for (const [name, n] of images) for (let i = 0; i < n; i++) f.append(name, png, `i${i}.png`);
      return f;
    };
    const dalle3 = await post('/images/edits', form({ model: 'dall-e-3', prompt: 'x' }, [['image', 1]]));
    expect(dalle3.status).toBe(400);
    expect((await dalle3.json()).error).toMatchObject({ param: 'model', code: 'invalid_value' });
    const style = await post('/images/edits', form({ model: 'gpt-image-1', prompt: 'x', style: 'vivid' }, [['image[]', 1]]));
    expect((await style.json()).error).toMatchObject({ param: 'style', code: 'unknown_parameter' });
    const twoImages = await post('/images/edits', form({ model: 'dall-e-2', prompt: 'x' }, [['image', 2]]));
    expect((await twoImages.json()).error).toMatchObject({ param: 'image', code: 'invalid_value' });
  });

  it('gives each model its own capabilities; the configured model decides what the provider reports', () => {
    const p = provider().p;
    expect(p.capabilitiesFor('gpt-image-1')).toMatchObject({ initImage: true, referenceImages: true, maxPerCall: 10 });
    expect(p.capabilitiesFor('dall-e-3')).toMatchObject({ initImage: false, referenceImages: false, maxPerCall: 1 });
    expect(p.capabilitiesFor('dall-e-2')).toMatchObject({ initImage: true, referenceImages: false });
    expect(provider({ model: 'dall-e-3' }).p.capabilities.initImage).toBe(false);
    expect(p.capabilities.initImage).toBe(true);
  });

  it('dall-e-3 cannot refine: CONFIG before any request, instead of an edit OpenAI would refuse', async () => {
    const err = await rejectionOf(provider({ model: 'dall-e-3' }).p.generate(request({ initImage: await init() }), testContext().ctx));
    expect(err).toMatchObject({ kind: 'CONFIG' });
    expect(err.message).toMatch(/dall-e-3 cannot refine/);
    expect(fake.requests).toHaveLength(0);
  });

  it('dall-e-3 with reference images generates from the prompt; style goes to generations only', async () => {
    const images = await provider({ model: 'dall-e-3' }).p.generate(request({ referenceImages: [await ref()], params: { style: 'natural', moderation: 'low' } }), testContext().ctx);
    expect(images).toHaveLength(1);
    expect(fake.requestsTo(/images\/edits/)).toHaveLength(0);
    const [sent] = fake.requestsTo(/images\/generations/);
    expect(sent.json).toEqual({ model: 'dall-e-3', prompt: request().prompt, n: 1, size: '1792x1024', style: 'natural', response_format: 'b64_json' });
  });

  it('gpt-image edits get neither moderation nor style; its generations keep moderation', async () => {
    const params = { moderation: 'low', style: 'vivid', quality: 'high', input_fidelity: 'high' };
    await provider().p.generate(request({ initImage: await init(), params }), testContext().ctx);
    await provider().p.generate(request({ params }), testContext().ctx);
    const [edit] = fake.requestsTo(/images\/edits/);
    expect(fieldsOf(edit.parts)).toEqual({ model: 'gpt-image-1', prompt: request().prompt, n: '1', size: '1536x1024', quality: 'high', input_fidelity: 'high' });
    const [gen] = fake.requestsTo(/images\/generations/);
    expect(gen.json).toEqual({ model: 'gpt-image-1', prompt: request().prompt, n: 1, size: '1536x1024', quality: 'high', moderation: 'low' });
  });

  it('a dall-e-2 edit sends the init image alone as "image", never the references', async () => {
    const first = await init();
    const images = await provider({ model: 'dall-e-2' }).p.generate(request({ initImage: first, referenceImages: [await ref()] }), testContext().ctx);
    expect(images).toHaveLength(1);
    const [sent] = fake.requestsTo(/images\/edits/);
    expect(filesOf(sent.parts).map((f) => [f.name, f.data.equals(first.data)])).toEqual([['image', true]]);
    expect(fieldsOf(sent.parts)).toEqual({ model: 'dall-e-2', prompt: request().prompt, n: '1', size: '1024x1024', response_format: 'b64_json' });
  });

  it('a model that needs a verified organization is reported as that, with OpenAI\'s words, not as a bad key', async () => {
    fake.unverifiedModels.add('gpt-image-1');
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'CONFIG', status: 403, retryable: false });
    expect(err.message).toContain('accepted the key');
    expect(err.message).toContain('must be verified to use the model `gpt-image-1`');
    expect(err.message).not.toMatch(/refused the key|Check OPENAI_API_KEY/);
    expect(sleeps).toEqual([]);
  });
});
