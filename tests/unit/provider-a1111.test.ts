import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A1111Provider } from '../../electron/core/providers/a1111';
import { A1111Fake, a1111Answers } from '../fakes/a1111-fake';
import { fakePng } from '../fakes/fake-png';
import { rejectionOf, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';

let fake: A1111Fake;
beforeEach(async () => {
  fake = new A1111Fake();
  await fake.start();
});
afterEach(() => fake.stop());

function provider(baseUrl = fake.url, progressIntervalMs = 1000) {
  const kit = testDeps();
  return { p: new A1111Provider(settingsFor(baseUrl, {}, null), kit.deps, { progressIntervalMs }), ...kit };
}
const generations = () => fake.requestsTo(/^\/sdapi\/v1\/(txt2img|img2img)$/);
const withCredentials = (user: string, pass: string) => fake.url.replace('http://', `http://${user}:${encodeURIComponent(pass)}@`);

describe('AUTOMATIC1111 / Forge adapter', () => {
  it('txt2img: one batch with consecutive seeds, the grid skipped, seeds read from info', async () => {
    const images = await provider().p.generate(request({ count: 4, seed: 500, negativePrompt: 'blurry', width: 1021, height: 574, params: { steps: 12, sampler_name: 'DPM++ 2M' } }), testContext().ctx);
    const [sent] = generations();
    expect(sent.path).toBe('/sdapi/v1/txt2img');
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.json).toEqual({ prompt: request().prompt, negative_prompt: 'blurry', seed: 500, width: 1024, height: 576, batch_size: 4, n_iter: 1, steps: 12, sampler_name: 'DPM++ 2M', force_task_id: expect.stringMatching(/^task\(boardwright-[0-9a-f-]{36}\)$/) });
    expect(images.map((i) => i.seed)).toEqual([500, 501, 502, 503]);
    for (const [i, img] of images.entries()) expect(img.data.equals(await fakePng(500 + i))).toBe(true);
    expect(images[0]).toMatchObject({ providerModel: 'dreamshaper_8', mime: 'image/png', params: { steps: 12, sampler_name: 'DPM++ 2M', cfg_scale: 7, width: 1024 } });
  });

  it('splits more than eight variations into batches and picks a seed when none is given', async () => {
    const images = await provider().p.generate(request({ count: 10 }), testContext().ctx);
    const [a, b] = generations().map((r) => r.json);
    expect([a.batch_size, b.batch_size]).toEqual([8, 2]);
    expect(b.seed).toBe(a.seed + 8);
    expect(images.map((i) => i.seed)).toEqual(Array.from({ length: 10 }, (_, i) => a.seed + i));
  });

  it('img2img sends the init image as base64 with denoising_strength', async () => {
    const init = { mime: 'image/png', data: await fakePng(9) };
    await provider().p.generate(request({ seed: 1, initImage: init }), testContext().ctx);
    const [sent] = generations();
    expect(sent.path).toBe('/sdapi/v1/img2img');
    expect(sent.json.init_images).toEqual([init.data.toString('base64')]);
    expect(sent.json.denoising_strength).toBe(0.75);
  });

  it('user:pass in the URL becomes HTTP Basic; a wrong password is AUTH and never shown', async () => {
    fake.auth = 'director:s3cret-pa55word';
    await provider(withCredentials('director', 's3cret-pa55word')).p.generate(request({ seed: 1 }), testContext().ctx);
    expect(generations()[0].headers.authorization).toBe(`Basic ${Buffer.from('director:s3cret-pa55word').toString('base64')}`);
    const err = await rejectionOf(provider(withCredentials('director', 'wrong-pa55word')).p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'AUTH', status: 401 });
    expect(err.message).toContain('A1111_URL');
    expect(err.message).not.toContain('wrong-pa55word');
    expect(err.message).not.toContain(Buffer.from('director:wrong-pa55word').toString('base64'));
  });

  it('reports progress from /sdapi/v1/progress while the image is made', async () => {
    fake.holdUntilProgressPolled = true;
    const { ctx, progress } = testContext();
    await provider(fake.url, 10).p.generate(request({ count: 2 }), ctx);
    expect(progress).toContain(0.5);
    expect(progress.at(-1)).toBe(1);
    expect(fake.requestsTo(/progress$/)[0].query.get('skip_current_image')).toBe('true');
  });

  it('retries a burst of 5xx, honouring Retry-After', async () => {
    fake.enqueue(a1111Answers.badGateway(502), a1111Answers.busy());
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toEqual([438, 1000]);
  });

  it('an out-of-memory 500 is FAILED with the web UI\'s words, not retried; 422 is BAD_REQUEST', async () => {
    fake.enqueue(a1111Answers.outOfMemory());
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'FAILED', status: 500 });
    expect(err.message).toContain('CUDA out of memory');
    expect(sleeps).toEqual([]);
    fake.enqueue({ status: 422, json: { detail: [{ loc: ['body', 'sampler_name'], msg: 'unknown sampler', type: 'value_error' }] } });
    const bad = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(bad.kind).toBe('BAD_REQUEST');
    expect(bad.message).toContain('sampler_name: unknown sampler');
  });

  it('times out a hung connection; malformed JSON is BAD_RESPONSE', async () => {
    fake.enqueue({ hang: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext({ timeoutMs: 250 }).ctx))).kind).toBe('TIMEOUT');
    fake.enqueue({ malformed: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext().ctx))).kind).toBe('BAD_RESPONSE');
  });

  it('cancelling our running job interrupts the web UI', async () => {
    fake.holdJobs = true;
    const ac = new AbortController();
    const pending = provider().p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (fake.runningTask === null) await new Promise((r) => setTimeout(r, 5));
    const ours = generations()[0].json.force_task_id;
    expect(fake.runningTask).toBe(ours);
    ac.abort();
    expect((await rejectionOf(pending)).kind).toBe('CANCELLED');
    while (fake.requestsTo(/interrupt$/).length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(fake.requestsTo(/^\/internal\/progress$/, 'POST')[0].json).toMatchObject({ id_task: ours });
    expect(fake.interrupted).toEqual([ours]);
  });

  it('cancelling a job that waits behind another client\'s leaves the other job running', async () => {
    const releaseOther = fake.occupy('task(someone-else)');
    const ac = new AbortController();
    const { p, logs } = provider();
    const pending = p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (generations().length === 0) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect((await rejectionOf(pending)).kind).toBe('CANCELLED');
    // The cancel has decided once it logs; an interrupt would have been sent before that line.
    const decided = () => logs.some((l) => l.includes('cancelled task(')) || fake.requestsTo(/^\/sdapi\/v1\/interrupt$/).length > 0;
    while (!decided()) await new Promise((r) => setTimeout(r, 5));
    expect(fake.requestsTo(/^\/sdapi\/v1\/interrupt$/)).toHaveLength(0);
    expect(logs.find((l) => l.includes('cancelled task('))).toMatch(/was not running \(queued\): nothing interrupted/);
    expect(fake.requestsTo(/^\/sdapi\/v1\/interrupt$/)).toHaveLength(0);
    expect(fake.interrupted).toEqual([]);
    expect(fake.runningTask).toBe('task(someone-else)');
    releaseOther();
  });

  it('a 404 from the API itself (unknown sampler) is BAD_REQUEST with its detail; only a missing path means --api', async () => {
    const err = await rejectionOf(provider().p.generate(request({ params: { sampler_name: 'Euler Z' } }), testContext().ctx));
    expect(err).toMatchObject({ kind: 'BAD_REQUEST', status: 404 });
    expect(err.message).toContain('Sampler not found');
    expect(err.message).not.toContain('--api');
    const noApi = await rejectionOf(provider(`${fake.url}/not-the-api`).p.generate(request(), testContext().ctx));
    expect(noApi).toMatchObject({ kind: 'BAD_REQUEST', status: 404 });
    expect(noApi.message).toMatch(/start the web UI with --api/);
  });

  it('the fake refuses img2img without init_images as the web UI does (404 "Init image not found")', async () => {
    const res = await fetch(`${fake.url}/sdapi/v1/img2img`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'x', width: 512, height: 512 }) });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ detail: 'Init image not found' });
  });

  it('a web UI that is not running is NETWORK, retried, and the message says to start it', async () => {
    const gone = new A1111Fake();
    const url = await gone.start();
    await gone.stop();
    const { p, sleeps } = provider(url);
    const err = await rejectionOf(p.generate(request(), testContext().ctx));
    expect(err.kind).toBe('NETWORK');
    expect(err.message).toMatch(/Could not reach AUTOMATIC1111 at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Is it running\?/);
    expect(sleeps).toHaveLength(4);
  });

  it('tests the connection by listing models', async () => {
    expect(await provider().p.testConnection()).toEqual({ ok: true, message: 'Connected to AUTOMATIC1111; 2 models available.' });
    fake.auth = 'a:b';
    expect((await provider().p.testConnection()).ok).toBe(false);
  });
});
