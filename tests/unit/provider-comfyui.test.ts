import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComfyUIProvider, type ComfyOptions } from '../../electron/core/providers/comfyui';
import type { ProviderSettings } from '../../electron/core/providers/settings';
import { ComfyUIFake, comfyAnswers, type Completion } from '../fakes/comfyui-fake';
import { EDITOR_FORMAT, IMG2IMG, MARKED_FLUX, TXT2IMG } from '../fakes/comfyui-workflows';
import { fakePng } from '../fakes/fake-png';
import { filesOf } from '../fakes/multipart';
import { rejectionOf, request, settingsFor, stalledSleep, testContext, testDeps } from '../fakes/provider-kit';
import { tempDir } from './helpers';

let fake: ComfyUIFake;
beforeEach(async () => {
  fake = new ComfyUIFake();
  await fake.start();
});
afterEach(() => fake.stop());

/** With `polling: false` the poll sleep never ends: only websocket frames can finish the wait. */
function provider(options: { workflow?: object; settings?: Partial<ProviderSettings>; polling?: boolean; comfy?: ComfyOptions } = {}) {
  const pollWaits: number[] = [];
  const kit = testDeps(options.polling === false ? { sleep: stalledSleep(pollWaits) } : {});
  const settings = settingsFor(fake.url, { workflow: (options.workflow ?? TXT2IMG) as Record<string, unknown>, ...options.settings }, null);
  return { p: new ComfyUIProvider(settings, kit.deps, { pollIntervalMs: 1000, ...options.comfy }), pollWaits, ...kit };
}
const queued = () => fake.requestsTo(/^\/prompt$/, 'POST');
const historyGets = () => fake.requestsTo(/^\/history\//);

describe('ComfyUI adapter', () => {
  it('fills prompt, negative, seed, size and batch into the workflow and downloads the saved images from /view', async () => {
    const { p } = provider({ polling: false });
    const images = await p.generate(request({ count: 4, seed: 321, negativePrompt: 'blurry, text', width: 1021, height: 574 }), testContext().ctx);
    const [sent] = queued();
    const ws = fake.requestsTo(/^\/ws$/)[0];
    expect(sent.json.client_id).toBe(ws.query.get('clientId'));
    const g = sent.json.prompt;
    expect(g['6'].inputs.text).toBe(request().prompt);
    expect(g['7'].inputs.text).toBe('blurry, text');
    expect(g['3'].inputs).toMatchObject({ seed: 321, steps: 20, positive: ['6', 0] });
    expect(g['5'].inputs).toEqual({ width: 1024, height: 576, batch_size: 4 });
    const views = fake.requestsTo(/^\/view$/);
    expect(views.map((v) => Object.fromEntries(v.query))).toEqual([0, 1, 2, 3].map((i) => ({ filename: `ComfyUI_321_${i}.png`, subfolder: '', type: 'output' })));
    for (const [i, img] of images.entries()) expect(img.data.equals(await fakePng(ComfyUIFake.imageSeed(321, i)))).toBe(true);
    expect(images[2]).toMatchObject({ seed: 321, providerModel: 'v1-5-pruned-emaonly.safetensors', params: { batchSize: 4, batchIndex: 2, width: 1024, height: 576, promptId: sent.json.prompt_id } });
    expect(sent.json.prompt_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each<[Completion, string]>([
    ['executing-null', 'the old signal: executing with node null'],
    ['execution_success', 'the new signal: execution_success'],
    ['progress_state', 'the newest signal: a final progress_state with every node finished'],
  ])('finishes on websocket %s (%s), confirmed by /history', async (completion) => {
    fake.completion = completion;
    fake.startOnFirstPoll = true; // the adapter has seen an empty history and is waiting when the run starts
    const { p, pollWaits } = provider({ polling: false });
    const images = await p.generate(request({ seed: 1 }), testContext().ctx);
    expect(images).toHaveLength(1);
    expect(historyGets()).toHaveLength(2); // {} before the run, the entry after the frame
    expect(pollWaits).toEqual([1000]); // the poll it was waiting for never came: the frame woke it
  });

  it('reports sampler progress from websocket frames', async () => {
    fake.startOnFirstPoll = true;
    const { ctx, progress } = testContext();
    await provider({ polling: false }).p.generate(request({ seed: 1 }), ctx);
    expect(progress).toContain(0.5); // progress {value: 10, max: 20}
    expect(progress.at(-1)).toBe(1);
  });

  it('without a websocket it polls /history until the entry appears', async () => {
    fake.websocket = false;
    fake.completion = 'silent';
    fake.pendingPolls = 2;
    const { p, sleeps, logs } = provider();
    expect(await p.generate(request({ seed: 8 }), testContext().ctx)).toHaveLength(1);
    expect(historyGets()).toHaveLength(3);
    expect(sleeps).toEqual([1000, 1000]);
    expect(logs.some((l) => l.includes('polling /history'))).toBe(true);
  });

  it('reads the old history shape (outputs without status)', async () => {
    fake.historyShape = 'old';
    fake.completion = 'silent';
    const { p } = provider({ comfy: { websocket: false } });
    const [img] = await p.generate(request({ seed: 8 }), testContext().ctx);
    expect(img.data.equals(await fakePng(ComfyUIFake.imageSeed(8, 0)))).toBe(true);
    expect(fake.requestsTo(/^\/ws$/)).toHaveLength(0);
  });

  it('a hint that outruns the history is confirmed at the next poll', async () => {
    fake.historyLag = 1;
    const { p, sleeps } = provider();
    expect(await p.generate(request({ seed: 2 }), testContext().ctx)).toHaveLength(1);
    expect(sleeps.length).toBeGreaterThanOrEqual(1);
  });

  it('execution_error over the websocket is FAILED naming the node and the exception', async () => {
    fake.completion = 'error';
    fake.startOnFirstPoll = true;
    const err = await rejectionOf(provider({ polling: false }).p.generate(request(), testContext().ctx));
    expect(historyGets()).toHaveLength(1); // the frame decided, before any second look at /history
    expect(err).toMatchObject({ kind: 'FAILED', retryable: false });
    expect(err.message).toBe('ComfyUI failed in node 3 (KSampler): Allocation on device 0 would exceed allowed memory. (out of memory)');
  });

  it('execution_error found in /history (status_str "error") when there is no websocket', async () => {
    fake.completion = 'error';
    const err = await rejectionOf(provider({ comfy: { websocket: false } }).p.generate(request(), testContext().ctx));
    expect(err.kind).toBe('FAILED');
    expect(err.message).toContain('node 3 (KSampler)');
    expect(err.message).toContain('out of memory');
  });

  it('honours _boardwright marks: prompt through a guider, RandomNoise seed, SD3 latent size, one output node', async () => {
    const { p } = provider({ workflow: MARKED_FLUX, polling: false });
    const images = await p.generate(request({ count: 2, seed: 44, width: 1000, height: 562 }), testContext().ctx);
    const g = queued()[0].json.prompt;
    expect(g['6'].inputs.text).toBe(request().prompt);
    expect(g['25'].inputs.noise_seed).toBe(44);
    expect(g['27'].inputs).toEqual({ width: 1008, height: 560, batch_size: 2 });
    expect(Object.values(g).some((n: any) => '_boardwright' in n)).toBe(false);
    expect(fake.requestsTo(/^\/view$/).map((v) => v.query.get('filename'))).toEqual(['flux_44_0.png', 'flux_44_1.png']);
    expect(images[0].providerModel).toBe('flux1-dev.safetensors');
  });

  it('refining uploads the init image and points LoadImage at it', async () => {
    const init = { mime: 'image/png', data: await fakePng(5) };
    await provider({ workflow: IMG2IMG, polling: false }).p.generate(request({ seed: 3, initImage: init }), testContext().ctx);
    const [upload] = fake.requestsTo(/^\/upload\/image$/);
    const [file] = filesOf(upload.parts, 'image');
    expect(file.data.equals(init.data)).toBe(true);
    expect(queued()[0].json.prompt['11'].inputs.image).toBe(file.filename);
  });

  it('refuses unusable workflows with CONFIG before queueing anything', async () => {
    expect(await rejectionOf(provider({ workflow: EDITOR_FORMAT }).p.generate(request(), testContext().ctx))).toMatchObject({ kind: 'CONFIG', message: expect.stringContaining('Export (API)') });
    const noWorkflow = new ComfyUIProvider(settingsFor(fake.url, {}, null), testDeps().deps);
    expect((await rejectionOf(noWorkflow.generate(request(), testContext().ctx))).kind).toBe('CONFIG');
    expect((await rejectionOf(provider().p.generate(request({ initImage: { mime: 'image/png', data: await fakePng(1) } }), testContext().ctx))).message).toContain('LoadImage');
    expect(queued()).toHaveLength(0);
  });

  it('reads the workflow from COMFYUI_WORKFLOW\'s path', async () => {
    const file = path.join(tempDir(), 'workflow_api.json');
    fs.writeFileSync(file, JSON.stringify(TXT2IMG));
    const { p } = provider({ workflow: undefined, settings: { workflow: undefined, workflowPath: file }, polling: false });
    expect(await p.generate(request({ seed: 1 }), testContext().ctx)).toHaveLength(1);
  });

  it('a workflow failing validation is BAD_REQUEST naming the node and the value', async () => {
    fake.enqueue(comfyAnswers.validation());
    const err = await rejectionOf(provider().p.generate(request(), testContext().ctx));
    expect(err).toMatchObject({ kind: 'BAD_REQUEST', status: 400 });
    expect(err.message).toContain('node 4 (CheckpointLoaderSimple): Value not in list');
    expect(err.message).toContain("ckpt_name: 'v1-5-pruned-emaonly.safetensors' not in ['sdxl.safetensors']");
  });

  it('a 5xx on /prompt that queued nothing is reported, not sent again; times out a hung /prompt; malformed JSON is BAD_RESPONSE', async () => {
    fake.enqueue(comfyAnswers.server(500));
    const { p, sleeps } = provider();
    const err = await rejectionOf(p.generate(request({ seed: 1 }), testContext().ctx));
    expect(err).toMatchObject({ kind: 'SERVER', status: 500, retryable: false });
    expect(queued()).toHaveLength(1);
    expect(sleeps).toEqual([]);
    fake.enqueue({ hang: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext({ timeoutMs: 300 }).ctx))).kind).toBe('TIMEOUT');
    fake.enqueue({ malformed: true });
    expect((await rejectionOf(provider().p.generate(request(), testContext().ctx))).kind).toBe('BAD_RESPONSE');
  });

  it('cancelling a running prompt removes it from the queue and interrupts it', async () => {
    fake.completion = 'never';
    const ac = new AbortController();
    const { p, pollWaits } = provider({ polling: false });
    const pending = p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (pollWaits.length === 0) await new Promise((r) => setTimeout(r, 5));
    const ours = queued()[0].json.prompt_id;
    ac.abort();
    expect((await rejectionOf(pending)).kind).toBe('CANCELLED');
    expect(fake.requestsTo(/^\/queue$/, 'POST')[0].json).toEqual({ delete: [ours] });
    expect(fake.requestsTo(/^\/interrupt$/, 'POST')[0].json).toEqual({ prompt_id: ours });
    expect(fake.interrupted).toEqual([ours]);
  });

  it('tests the connection with /system_stats', async () => {
    expect(await provider().p.testConnection()).toEqual({ ok: true, message: 'Connected to ComfyUI 0.3.40 on cuda:0 NVIDIA GeForce RTX 4090.' });
  });
});
