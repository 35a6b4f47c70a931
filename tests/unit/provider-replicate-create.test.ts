import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplicateProvider } from '../../electron/core/providers/replicate';
import { cancelled } from '../../electron/core/providers/errors';
import { fakePng } from '../fakes/fake-png';
import { FAKE_KEY, rejectionOf, request, settingsFor, testContext, testDeps } from '../fakes/provider-kit';
import { ReplicateFake, SDXL_VERSION, replicateAnswers } from '../fakes/replicate-fake';

let fake: ReplicateFake;
beforeEach(async () => {
  fake = new ReplicateFake(FAKE_KEY);
  await fake.start();
});
afterEach(() => fake.stop());

function provider(options: { model?: string; sleep?: ReturnType<typeof testDeps>['deps']['sleep'] } = {}) {
  const kit = testDeps({ sleep: options.sleep });
  return { p: new ReplicateProvider(settingsFor(fake.url, options.model ? { model: options.model } : {}), kit.deps, { pollIntervalMs: 1 }), ...kit };
}
const creates = () => fake.requestsTo(/predictions$/, 'POST');

describe('Replicate: a create is never repeated once it may have reached Replicate', () => {
  it.each(['502', 'drop'] as const)('after a create answered %s, the prediction it made is found and followed, not created again', async (failure) => {
    fake.afterCreate.push(failure);
    const { p, sleeps } = provider();
    const images = await p.generate(request({ seed: 42 }), testContext().ctx);
    expect(creates()).toHaveLength(1);
    expect(fake.predictions.size).toBe(1);
    expect(fake.requestsTo(/^\/v1\/predictions$/, 'GET')).toHaveLength(1);
    expect(images[0].params).toMatchObject({ predictionId: 'pred1' });
    expect(images[0].data.equals(await fakePng(42))).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('a 5xx create whose prediction cannot be found is reported, not sent again', async () => {
    fake.enqueue(replicateAnswers.server(503));
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'SERVER', status: 503, retryable: false, maybeCreated: true });
    expect(err.message).toContain('Not sent again');
    expect(creates()).toHaveLength(1);
  });

  it('a connection that was refused (nothing sent) is retried, and creates one prediction', async () => {
    const port = Number(new URL(fake.url).port);
    await fake.stop();
    const restart = async (_ms: number, signal: AbortSignal) => {
      if (signal.aborted) throw cancelled();
      if (!fake.raw.listening) await fake.start(port);
    };
    const images = await provider({ sleep: restart }).p.generate(request(), testContext().ctx);
    expect(images).toHaveLength(1);
    expect(creates()).toHaveLength(1);
  });

  it('a 429 on create is retried after its Retry-After, as Replicate\'s SDK does', async () => {
    fake.enqueue(replicateAnswers.throttled({ 'retry-after': '3' }));
    const { p, sleeps } = provider();
    expect(await p.generate(request(), testContext().ctx)).toHaveLength(1);
    expect(sleeps).toEqual([3000]);
    expect(fake.predictions.size).toBe(1);
  });
});

describe('Replicate: each model gets only the inputs it declares', () => {
  it('flux-schnell has no image input: its capabilities say so, and a refine is refused before anything is created', async () => {
    const { p } = provider();
    expect(p.capabilities.initImage).toBe(false);
    expect(p.capabilitiesFor('black-forest-labs/flux-dev').initImage).toBe(true);
    const err = await rejectionOf(p.generate(request({ initImage: { mime: 'image/png', data: await fakePng(3) } }), testContext().ctx));
    expect(err.kind).toBe('CONFIG');
    expect(err.message).toMatch(/flux-schnell takes no input image/);
    expect(creates()).toHaveLength(0);
  });

  it('flux-schnell never gets negative_prompt; flux-dev gets the init image as image', async () => {
    await provider().p.generate(request({ negativePrompt: 'blurry', seed: 1 }), testContext().ctx);
    expect(creates()[0].json.input).toEqual({ prompt: request().prompt, aspect_ratio: '16:9', output_format: 'png', seed: 1 });
    const init = { mime: 'image/png', data: await fakePng(3) };
    await provider({ model: 'black-forest-labs/flux-dev' }).p.generate(request({ initImage: init, negativePrompt: 'blurry', seed: 1 }), testContext().ctx);
    expect(creates()[1].json.input).toEqual({ prompt: request().prompt, aspect_ratio: '16:9', output_format: 'png', seed: 1, image: `data:image/png;base64,${init.data.toString('base64')}` });
    expect([...fake.predictions.values()].map((p) => p.ignored)).toEqual([[], []]);
  });

  it('a versioned SDXL gets width, height and negative_prompt (its schema has no aspect_ratio)', async () => {
    await provider({ model: `stability-ai/sdxl:${SDXL_VERSION}` }).p.generate(request({ negativePrompt: 'blurry', seed: 5 }), testContext().ctx);
    expect(fake.requestsTo(/\/versions\//, 'GET')).toHaveLength(1);
    expect(creates()[0].json).toEqual({ version: SDXL_VERSION, input: { prompt: request().prompt, width: 1024, height: 576, seed: 5, negative_prompt: 'blurry' } });
  });

  it('status aborted is Replicate stopping the prediction before it started, not a model failure', async () => {
    fake.abortWith = 'Prediction deadline exceeded before it started';
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err.kind).not.toBe('FAILED');
    expect(err.kind).toBe('SERVER');
    expect(err.message).toMatch(/stopped the prediction before the model started \(aborted\)/);
    expect(err.message).not.toMatch(/model failed/);
  });

  it('an official model reports its version as "hidden": that is kept out of the model name, and accepted back', async () => {
    const [img] = await provider().p.generate(request(), testContext().ctx);
    expect(fake.predictions.get('pred1')!.version).toBe('hidden');
    expect(img.providerModel).toBe('black-forest-labs/flux-schnell');
    const again = await provider({ model: 'black-forest-labs/flux-schnell:hidden' }).p.generate(request(), testContext().ctx);
    expect(again).toHaveLength(1);
    expect(creates()[1].path).toBe('/v1/models/black-forest-labs/flux-schnell/predictions');
  });
});
