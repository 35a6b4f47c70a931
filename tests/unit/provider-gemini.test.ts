import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GeminiProvider } from '../../electron/core/providers/gemini';
import { fakePng } from '../fakes/fake-png';
import { GeminiFake, geminiAnswers } from '../fakes/gemini-fake';
import { FAKE_KEY, rejectionOf, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';

let fake: GeminiFake;
beforeEach(async () => {
  fake = new GeminiFake(FAKE_KEY);
  await fake.start();
});
afterEach(() => fake.stop());

function provider(key: string = FAKE_KEY) {
  const kit = testDeps();
  return { p: new GeminiProvider(settingsFor(fake.url, {}, key), kit.deps), ...kit };
}
const generateCalls = () => fake.requestsTo(/:generateContent$/);

describe('Gemini image adapter', () => {
  it('makes one generateContent call per variation with the key in x-goog-api-key and IMAGE output', async () => {
    const { p } = provider();
    const { ctx, progress } = testContext();
    const images = await p.generate(request({ count: 3 }), ctx);
    const calls = generateCalls();
    expect(calls).toHaveLength(3);
    expect(calls[0].path).toBe('/v1beta/models/gemini-2.5-flash-image:generateContent');
    expect(calls[0].headers['x-goog-api-key']).toBe(FAKE_KEY);
    expect(calls[0].headers.authorization).toBeUndefined();
    expect(calls[0].json).toEqual({
      contents: [{ role: 'user', parts: [{ text: request().prompt }] }],
      generationConfig: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '16:9' } },
    });
    for (let i = 0; i < 3; i++) expect(images[i].data.equals(await fakePng(GeminiFake.seedFor(request().prompt, i)))).toBe(true);
    expect(images[0]).toMatchObject({
      mime: 'image/png',
      seed: null,
      providerModel: 'gemini-2.5-flash-image',
      providerNote: 'Here is the storyboard frame.',
      usage: { inputTokens: 20, outputTokens: 1290, totalTokens: 1310 },
    });
    expect(progress).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it('sends the init image then the references as inlineData parts, and snaps 2.39:1 to 21:9', async () => {
    const { p } = provider();
    const init = { mime: 'image/png', data: await fakePng(10) };
    const ref = { mime: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) };
    await p.generate(request({ aspectRatio: '2.39:1', width: 1434, height: 600, initImage: init, referenceImages: [ref], params: { imageSize: '2K' } }), testContext().ctx);
    const [call] = generateCalls();
    expect(call.json.contents[0].parts).toEqual([
      { text: request().prompt },
      { inlineData: { mimeType: 'image/png', data: init.data.toString('base64') } },
      { inlineData: { mimeType: 'image/jpeg', data: ref.data.toString('base64') } },
    ]);
    expect(call.json.generationConfig.imageConfig).toEqual({ aspectRatio: '21:9', imageSize: '2K' });
  });

  it('a thinking model\'s draft images (thought: true) are skipped: the last real image is kept, with its text only', async () => {
    fake.thoughtDrafts = 2;
    const [img] = await provider().p.generate(request(), testContext().ctx);
    expect(img.data.equals(await fakePng(GeminiFake.seedFor(request().prompt, 0)))).toBe(true);
    expect(img.data.equals(await fakePng(GeminiFake.draftSeed(0)))).toBe(false);
    expect(img.providerNote).toBe('Here is the storyboard frame.');
  });

  it('an invalid key (400 API_KEY_INVALID) and PERMISSION_DENIED are AUTH, not retried, key not echoed', async () => {
    const { p } = provider('AIza-wrong-key-000000');
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'AUTH', status: 400, retryable: false });
    expect(err.message).toContain('GEMINI_API_KEY');
    expect(err.message).not.toContain('AIza-wrong-key-000000');
    fake.enqueue(geminiAnswers.permissionDenied(), { status: 401, json: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } });
    expect(await rejectionOf(provider().p.generate(request(), testContext().ctx))).toMatchObject({ kind: 'AUTH', status: 403 });
    expect(await rejectionOf(provider().p.generate(request(), testContext().ctx))).toMatchObject({ kind: 'AUTH', status: 401 });
    expect(generateCalls()).toHaveLength(3);
  });

  it('429 with RetryInfo retryDelay "47s" waits 47 s, then succeeds', async () => {
    fake.enqueue(geminiAnswers.rateLimited('47s'));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toEqual([47_000]);
    expect(generateCalls()).toHaveLength(2);
  });

  it('a per-day QuotaFailure is QUOTA_EXHAUSTED at once, even with a RetryInfo', async () => {
    fake.enqueue(geminiAnswers.perDayQuota());
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request({ count: 4 }), testContext().ctx));
    expect(err).toMatchObject({ kind: 'QUOTA_EXHAUSTED', status: 429, retryable: false });
    expect(err.message).toContain('GenerateRequestsPerDayPerProjectPerModel-FreeTier');
    expect(sleeps).toEqual([]);
    expect(generateCalls()).toHaveLength(1);
  });

  it('retries a burst of 503 and 500 with backoff', async () => {
    fake.enqueue(geminiAnswers.server(503), geminiAnswers.server(500));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toEqual([438, 875]);
  });

  it('times out a connection that never answers', async () => {
    fake.enqueue({ hang: true });
    const err = await rejectionOf(provider().p.generate(request(), testContext({ timeoutMs: 250 }).ctx));
    expect(err.kind).toBe('TIMEOUT');
  });

  it('malformed JSON is BAD_RESPONSE', async () => {
    fake.enqueue({ malformed: true });
    expect(await rejectionOf(provider().p.generate(request(), testContext().ctx))).toMatchObject({ kind: 'BAD_RESPONSE' });
  });

  it('a blocked prompt (promptFeedback.blockReason) is MODERATION naming the reason', async () => {
    fake.enqueue(geminiAnswers.blockedPrompt());
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'MODERATION', retryable: false });
    expect(err.message).toContain('PROHIBITED_CONTENT');
    expect(generateCalls()).toHaveLength(1);
  });

  it('finishReason IMAGE_SAFETY is MODERATION with Gemini\'s finishMessage', async () => {
    fake.enqueue(geminiAnswers.imageSafety());
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err.kind).toBe('MODERATION');
    expect(err.message).toContain('IMAGE_SAFETY');
    expect(err.message).toContain('violent content');
  });

  it('finishReason NO_IMAGE is FAILED and quotes what the model said', async () => {
    fake.enqueue(geminiAnswers.noImage());
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err.kind).toBe('FAILED');
    expect(err.message).toContain('NO_IMAGE');
    expect(err.message).toContain('describe this scene in words');
  });

  it('tests the connection by fetching the model', async () => {
    expect(await provider().p.testConnection()).toEqual({ ok: true, message: 'Connected to Gemini; gemini-2.5-flash-image is available.' });
    expect(fake.requestsTo(/^\/v1beta\/models\/gemini-2.5-flash-image$/, 'GET')[0].headers['x-goog-api-key']).toBe(FAKE_KEY);
    expect((await provider('bad-key-12345').p.testConnection()).ok).toBe(false);
  });
});
