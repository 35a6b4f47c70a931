import { randomUUID } from 'node:crypto';
import { ProviderError } from '../../providers/errors';
import { connectLocal } from '../../providers/connect';
import { isOk } from '../../providers/http';
import { randomSeed, ratioOf } from '../../providers/image-bytes';
import { defaultDeps } from '../../providers/retry';
import type { ProviderSettings } from '../../providers/settings';
import type { GenerateContext, ProviderDeps } from '../../providers/types';
import { readHistory } from '../../providers/comfyui/history';
import type { ComfyLink } from '../../providers/comfyui/link';
import { stopPrompt } from '../../providers/comfyui/queue';
import { queuePrompt, uploadImage } from '../../providers/comfyui/run';
import { fillWorkflow, loadWorkflow, locateNodes } from '../../providers/comfyui/workflow';
import { expectVideo } from '../video-bytes';
import type { RemoteVideo, SubmittedVideo, VideoCapabilities, VideoPoll, VideoProvider, VideoRequest } from '../video-provider';
import { LTX_I2V_WORKFLOW } from './ltx-i2v-workflow';
import { findLengthNode, framesFor, outputVideos, sizeFor } from './video-nodes';

const NAMES = { label: 'ComfyUI', urlEnv: 'COMFYUI_URL', keyHint: 'the user:pass in COMFYUI_URL' };

/**
 * A local ComfyUI running an image-to-video workflow (the bundled LTX-Video one, or the user's own
 * in params.workflow): the panel uploaded as the first frame, the prompt, seed, size and length in
 * frames filled in, queued once; the prompt id is the job's id, /history tells when it is done.
 */
export class ComfyUIVideoProvider implements VideoProvider {
  readonly id = 'comfyui' as const;
  readonly label = NAMES.label;
  readonly defaultModel = '(the models named in the workflow)';

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  capabilities(): VideoCapabilities {
    return { durations: [2, 3, 4, 5, 6, 8], aspectRatios: [], seed: true, negativePrompt: true };
  }

  async submit(request: VideoRequest, ctx: GenerateContext): Promise<SubmittedVideo> {
    const link = this.link(ctx);
    // The still workflow in Settings is not a video workflow: only the request's own or the bundled one.
    const workflow = await loadWorkflow({ baseUrl: this.settings.baseUrl }, request.params?.workflow ?? LTX_I2V_WORKFLOW);
    const nodes = locateNodes(workflow, true);
    const lengthNode = findLengthNode(workflow);
    const seed = request.seed ?? randomSeed(this.deps.random);
    const frames = framesFor(lengthNode, request.seconds);
    const size = sizeFor(workflow, lengthNode, ratioOf(request.aspectRatio, 16, 9));
    const initImage = await uploadImage(link, request.firstFrame);
    const graph = fillWorkflow(workflow, nodes, { prompt: request.prompt, negative: request.negativePrompt, seed, ...size, batch: 1, initImage });
    Object.assign(graph[lengthNode.id].inputs, { length: frames, ...size });
    const promptId = await queuePrompt(link, graph, randomUUID());
    return {
      remoteId: promptId,
      model: this.defaultModel,
      sent: { seed, frames, fps: lengthNode.fps, ...size, prompt: request.prompt, ...(request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}), nodes },
      pollEveryMs: 2_000,
      // ComfyUI keeps its history until restarted and its output files until deleted.
      resultWindowMs: 7 * 24 * 3600 * 1000,
    };
  }

  async poll(remoteId: string, ctx: GenerateContext): Promise<VideoPoll> {
    const link = this.link(ctx);
    const res = await link.http.send({ method: 'GET', url: `${link.base}/history/${encodeURIComponent(remoteId)}`, headers: link.headers });
    if (!isOk(res)) throw link.http.statusError(res, undefined);
    const h = readHistory(link.http.json(res), remoteId);
    if (h.state === 'pending') return { state: 'running' };
    if (h.state === 'interrupted') throw new ProviderError('CANCELLED', 'The ComfyUI prompt was interrupted.');
    if (h.state === 'error') throw new ProviderError('FAILED', `ComfyUI's workflow failed${h.nodeType ? ` in ${h.nodeType} (node ${h.nodeId})` : ''}: ${h.message}`);
    const refs = outputVideos(h.entry);
    if (refs.length === 0) throw new ProviderError('BAD_RESPONSE', 'The ComfyUI workflow finished but saved no video: end it with SaveWEBM, SaveVideo or VHS_VideoCombine.');
    const view = (r: (typeof refs)[number]) => `${link.base}/view?${new URLSearchParams({ filename: r.filename, subfolder: r.subfolder ?? '', type: r.type ?? 'output' })}`;
    return { state: 'done', videos: refs.map((r) => ({ uri: view(r) })) };
  }

  async download(video: RemoteVideo, _remoteId: string, ctx: GenerateContext): Promise<Buffer> {
    const link = this.link(ctx);
    const res = await link.http.send({ method: 'GET', url: video.uri, headers: link.headers });
    if (res.status === 404) throw link.http.statusError(res, 'the clip is no longer in ComfyUI\'s output folder', 'EXPIRED');
    if (!isOk(res)) throw link.http.statusError(res, undefined);
    return expectVideo(link.http, res);
  }

  async cancel(remoteId: string, ctx: GenerateContext): Promise<void> {
    await stopPrompt(this.link(ctx), remoteId);
  }

  private link(ctx: GenerateContext): ComfyLink {
    const { base, http, headers } = connectLocal(this.settings, NAMES, ctx, this.deps);
    return { http, base, headers, deps: this.deps, events: null, pollIntervalMs: 2_000, maxWaitMs: 30 * 60_000 };
  }
}
