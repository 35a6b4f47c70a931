/** Issue 14: a ComfyUI image-to-video workflow (the bundled LTX-Video one, or the user's Wan + VideoHelperSuite one) against the ComfyUI fake. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComfyUIVideoProvider } from '../../electron/core/motion/comfyui';
import type { VideoRequest } from '../../electron/core/motion/video-provider';
import { ComfyUIFake } from '../fakes/comfyui-fake';
import { fakeClip } from '../fakes/fake-clip';
import { fakePng } from '../fakes/fake-png';
import { rejectionOf, settingsFor, testContext, testDeps } from '../fakes/provider-kit';

let fake: ComfyUIFake;
beforeEach(async () => {
  fake = new ComfyUIFake();
  fake.completion = 'silent';
  fake.pendingPolls = 1;
  fake.videoClip = await fakeClip();
  await fake.start();
});
afterEach(() => fake.stop());

const comfy = () => new ComfyUIVideoProvider(settingsFor(fake.url, {}, null), testDeps().deps);
const request = async (extra: Partial<VideoRequest> = {}): Promise<VideoRequest> => ({
  prompt: 'The lamp room door creaks open',
  negativePrompt: 'blurry',
  seconds: 5,
  seed: 1234,
  aspectRatio: '2.39:1',
  firstFrame: { mime: 'image/png', data: await fakePng(4) },
  ...extra,
});

/** The user's own Wan 2.1 workflow ending in VideoHelperSuite's VHS_VideoCombine. */
const WAN_VHS = {
  '6': { class_type: 'CLIPTextEncode', inputs: { text: 'a prompt', clip: ['38', 0] }, _meta: { title: 'Positive' } },
  '7': { class_type: 'CLIPTextEncode', inputs: { text: 'bad', clip: ['38', 0] }, _meta: { title: 'Negative' } },
  '3': { class_type: 'KSampler', inputs: { seed: 1, steps: 20, cfg: 6, positive: ['50', 0], negative: ['50', 1], latent_image: ['50', 2] } },
  '52': { class_type: 'LoadImage', inputs: { image: 'x.png' } },
  '50': { class_type: 'WanImageToVideo', inputs: { positive: ['6', 0], negative: ['7', 0], start_image: ['52', 0], width: 832, height: 480, length: 81, batch_size: 1 } },
  '60': { class_type: 'VHS_VideoCombine', inputs: { images: ['8', 0], frame_rate: 16, filename_prefix: 'wan' } },
};

describe('ComfyUI video adapter', () => {
  it('fills the bundled LTX-Video workflow: prompt, negative, seed, the uploaded first frame, 8n+1 frames and the project\'s shape', async () => {
    const req = await request();
    const sub = await comfy().submit(req, testContext().ctx);
    const { graph } = fake.graphs.get(sub.remoteId)!;
    expect(graph['3'].inputs.text).toBe(req.prompt);
    expect(graph['4'].inputs.text).toBe('blurry');
    expect(graph['10'].inputs.noise_seed).toBe(1234);
    expect(fake.inputs.get(String(graph['5'].inputs.image))!.equals(req.firstFrame.data)).toBe(true);
    // 5 s at 24 fps, on LTX's 8n+1 rule; about LTX's own pixel count at 2.39:1, on 32 px steps.
    expect(graph['6'].inputs).toMatchObject({ length: 121, width: 960, height: 416 });
    expect(Object.values(graph).some((n) => '_boardwright' in n)).toBe(false);
    expect(sub).toMatchObject({ sent: { seed: 1234, frames: 121, fps: 24, width: 960, height: 416 } });
  });

  it('polls /history until done, finds the SaveWEBM file (images + animated) and downloads it from /view', async () => {
    const p = comfy();
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request(), ctx);
    expect(await p.poll(remoteId, ctx)).toEqual({ state: 'running' });
    const done = await p.poll(remoteId, ctx);
    if (done.state !== 'done') throw new Error('expected a finished prompt');
    expect(done.videos).toEqual([{ uri: `${fake.url}/view?filename=clip_00001_.webm&subfolder=boardwright&type=output` }]);
    expect((await p.download(done.videos[0], remoteId, ctx)).equals(fake.videoClip)).toBe(true);
  });

  it('a Wan workflow saving through VHS_VideoCombine: 4n+1 frames at 16 fps, the clip found under gifs', async () => {
    const p = comfy();
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request({ seconds: 4, params: { workflow: WAN_VHS } }), ctx);
    expect(fake.graphs.get(remoteId)!.graph['50'].inputs.length).toBe(65);
    await p.poll(remoteId, ctx);
    const done = await p.poll(remoteId, ctx);
    expect(done).toEqual({ state: 'done', videos: [{ uri: `${fake.url}/view?filename=wan_00001.mp4&subfolder=&type=output` }] });
  });

  it('refuses a workflow with no image-to-video node, reports one that saves only stills, and a failed run', async () => {
    const stills = { ...WAN_VHS, '60': { class_type: 'SaveImage', inputs: { images: ['8', 0], filename_prefix: 'still' } } };
    const noVideo = Object.fromEntries(Object.entries(WAN_VHS).filter(([id]) => id !== '50'));
    expect(await rejectionOf(comfy().submit(await request({ params: { workflow: noVideo } }), testContext().ctx))).toMatchObject({ kind: 'CONFIG' });
    const p = comfy();
    const { ctx } = testContext();
    const { remoteId } = await p.submit(await request({ params: { workflow: stills } }), ctx);
    await p.poll(remoteId, ctx);
    expect(await rejectionOf(p.poll(remoteId, ctx))).toMatchObject({ kind: 'BAD_RESPONSE', message: expect.stringContaining('saved no video') });
    fake.completion = 'error';
    const failed = await p.submit(await request(), ctx);
    // The fake runs the prompt a moment after queuing it: poll as the job runner would, until it ends.
    let outcome: unknown = { state: 'running' };
    for (let i = 0; i < 50 && (outcome as { state?: string }).state === 'running'; i++) outcome = await p.poll(failed.remoteId, ctx).catch((e: unknown) => e);
    expect(outcome).toMatchObject({ kind: 'FAILED', message: expect.stringContaining('out of memory') });
  });
});
