import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComfyUIProvider } from '../../electron/core/providers/comfyui';
import { ComfyUIFake } from '../fakes/comfyui-fake';
import { IMG2IMG, TXT2IMG } from '../fakes/comfyui-workflows';
import { fakePng } from '../fakes/fake-png';
import { rejectionOf, request, settingsFor, stalledSleep, testContext, testDeps } from '../fakes/provider-kit';

let fake: ComfyUIFake;
beforeEach(async () => {
  fake = new ComfyUIFake();
  await fake.start();
});
afterEach(() => fake.stop());

function provider(options: { workflow?: object; polling?: boolean } = {}) {
  const pollWaits: number[] = [];
  const kit = testDeps(options.polling === false ? { sleep: stalledSleep(pollWaits) } : {});
  const settings = settingsFor(fake.url, { workflow: (options.workflow ?? TXT2IMG) as Record<string, unknown> }, null);
  return { p: new ComfyUIProvider(settings, kit.deps, { pollIntervalMs: 1000, websocket: false }), pollWaits, ...kit };
}
const queued = () => fake.requestsTo(/^\/prompt$/, 'POST');

describe('ComfyUI: a prompt is queued once', () => {
  it.each(['500', 'drop'] as const)('after POST /prompt answered %s, the prompt it queued is found and followed, not queued again', async (failure) => {
    fake.afterCreate.push(failure);
    const { p, sleeps } = provider();
    const images = await p.generate(request({ seed: 9 }), testContext().ctx);
    expect(queued()).toHaveLength(1);
    expect(fake.graphs.size).toBe(1);
    expect(images[0].params.promptId).toBe(queued()[0].json.prompt_id);
    expect(images[0].data.equals(await fakePng(ComfyUIFake.imageSeed(9, 0)))).toBe(true);
    expect(sleeps.filter((ms) => ms !== 1000)).toEqual([]); // no retry backoff, only history polls
  });
});

describe('ComfyUI: refines running side by side keep their own init image', () => {
  it('each upload has its own name, and each prompt loads the image it was given', async () => {
    fake.holdUploadsUntil = 2; // both uploads land before either prompt is queued
    const [a, b] = [{ mime: 'image/png', data: await fakePng(101) }, { mime: 'image/png', data: await fakePng(202) }];
    await Promise.all([
      provider({ workflow: IMG2IMG }).p.generate(request({ seed: 1, initImage: a }), testContext().ctx),
      provider({ workflow: IMG2IMG }).p.generate(request({ seed: 2, initImage: b }), testContext().ctx),
    ]);
    const names = fake.requestsTo(/^\/upload\/image$/).map((r) => r.parts!.find((x) => x.name === 'image')!.filename);
    expect(new Set(names).size).toBe(2);
    const bySeed = new Map([...fake.graphs].map(([id, { graph }]) => [graph['3'].inputs.seed, fake.loadedImages.get(id)]));
    expect(bySeed.get(1)?.equals(a.data)).toBe(true);
    expect(bySeed.get(2)?.equals(b.data)).toBe(true);
  });
});

describe('ComfyUI: a cancel stops only our own prompt', () => {
  it('a prompt still waiting behind another client\'s job is dropped from the queue, and nothing is interrupted', async () => {
    fake.completion = 'never';
    fake.interruptMode = 'global'; // an older server: /interrupt stops whatever runs
    const theirs = fake.submit(TXT2IMG);
    const ac = new AbortController();
    const { p, pollWaits } = provider({ polling: false });
    const pending = p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (pollWaits.length === 0) await new Promise((r) => setTimeout(r, 5));
    const ours = queued()[0].json.prompt_id;
    expect(fake.pendingPrompts).toEqual([ours]);
    ac.abort();
    expect((await rejectionOf(pending)).kind).toBe('CANCELLED');
    expect(fake.pendingPrompts).toEqual([]);
    expect(fake.requestsTo(/^\/interrupt$/, 'POST')).toHaveLength(0);
    expect(fake.interrupted).toEqual([]);
    expect(fake.runningPrompt).toBe(theirs);
  });

  it('our running prompt is interrupted by name', async () => {
    fake.completion = 'never';
    fake.interruptMode = 'global';
    const ac = new AbortController();
    const { p, pollWaits } = provider({ polling: false });
    const pending = p.generate(request(), testContext({ signal: ac.signal }).ctx);
    while (pollWaits.length === 0) await new Promise((r) => setTimeout(r, 5));
    const ours = [...fake.graphs.keys()][0];
    while (fake.runningPrompt !== ours) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    expect((await rejectionOf(pending)).kind).toBe('CANCELLED');
    expect(fake.requestsTo(/^\/interrupt$/, 'POST').map((r) => r.json)).toEqual([{ prompt_id: ours }]);
    expect(fake.interrupted).toEqual([ours]);
  });
});
