import { randomUUID } from 'node:crypto';
import { checkCount, connectionCheck, expectImage, inBatches, pick, plainContext } from '../common';
import { ProviderError, cancelled } from '../errors';
import { LOCAL_DIFFUSION_CAPABILITIES, connectLocal } from '../connect';
import { ProviderHttp, isOk, type HttpResult } from '../http';
import { decodeBase64, randomSeed, roundTo } from '../image-bytes';
import { defaultDeps, withRetry } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { a1111Error, interruptIfRunning, parseInfo, watchProgress } from './protocol';

const LABEL = 'AUTOMATIC1111';
const KEY_HINT = 'the user:pass in A1111_URL (--api-auth)';
/** Sampler settings passed through from request.params when set. */
const PASSTHROUGH = ['steps', 'cfg_scale', 'sampler_name', 'scheduler', 'restore_faces', 'tiling', 'override_settings'] as const;

export interface A1111Options {
  /** How often to ask /sdapi/v1/progress while an image is being made. */
  progressIntervalMs?: number;
}

/**
 * AUTOMATIC1111 / Forge web UI started with --api: txt2img, or img2img with init_images when refining.
 * `--api-auth user:pass` is read from the URL (http://user:pass@host:7860) and sent as HTTP Basic.
 */
export class A1111Provider implements ImageProvider {
  readonly id = 'a1111' as const;
  readonly label = LABEL;
  readonly defaultModel = '(the model loaded in the web UI)';
  readonly capabilities: ProviderCapabilities = LOCAL_DIFFUSION_CAPABILITIES;

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
    private readonly options: A1111Options = {},
  ) {}

  private connect(ctx: Pick<GenerateContext, 'signal' | 'timeoutMs'>) {
    return connectLocal(this.settings, { label: LABEL, urlEnv: 'A1111_URL', keyHint: KEY_HINT }, ctx, this.deps);
  }

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, LABEL);
    const { base, http, headers } = this.connect(ctx);
    const firstSeed = request.seed ?? randomSeed(this.deps.random);
    const img2img = request.initImage !== undefined;
    const url = `${base}/sdapi/v1/${img2img ? 'img2img' : 'txt2img'}`;
    return inBatches(request.count, this.capabilities.maxPerCall, ctx, async (first, n) => {
      const body: Record<string, unknown> = {
        prompt: request.prompt,
        negative_prompt: request.negativePrompt ?? '',
        seed: firstSeed + first,
        width: roundTo(request.width, 8),
        height: roundTo(request.height, 8),
        batch_size: n,
        n_iter: 1,
        ...pick(request.params, PASSTHROUGH),
      };
      if (request.initImage) {
        body.init_images = [request.initImage.data.toString('base64')];
        body.denoising_strength = request.params?.denoising_strength ?? 0.75;
      }
      // Our own task id: a cancel can then tell whether the web UI is running our job or someone else's.
      const taskId = `task(boardwright-${randomUUID()})`;
      body.force_task_id = taskId;
      const stop = watchProgress(http, `${base}/sdapi/v1/progress?skip_current_image=true`, headers, this.options.progressIntervalMs ?? 1000, (f) =>
        ctx.onProgress(Math.min(1, (first + n * f) / request.count)),
      );
      const onAbort = () => void interruptIfRunning(http, base, headers, taskId, this.deps.log);
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const res = await withRetry(async () => {
          const r = await http.send({ method: 'POST', url, headers, json: body });
          if (!isOk(r)) throw a1111Error(http, r);
          return r;
        }, { label: LABEL, signal: ctx.signal, deps: this.deps });
        return this.read(http, res, body, n);
      } finally {
        stop();
        ctx.signal.removeEventListener('abort', onAbort);
      }
    });
  }

  private read(http: ProviderHttp, res: HttpResult, body: Record<string, unknown>, n: number): GeneratedImage[] {
    const answer = http.json<{ images?: string[]; info?: string }>(res);
    const info = parseInfo(answer.info);
    // With a batch the web UI may put a grid of all images first; info says where the real ones start.
    const images = (answer.images ?? []).slice(info.index_of_first_image ?? 0, (info.index_of_first_image ?? 0) + n);
    if (images.length < n) throw http.error('BAD_RESPONSE', `${LABEL} returned ${images.length} of the ${n} images asked for.`, res);
    const model = typeof info.sd_model_name === 'string' ? info.sd_model_name : 'stable-diffusion';
    const sent: Record<string, unknown> = { ...body, prompt: undefined, init_images: undefined, force_task_id: undefined, initImage: body.init_images ? true : undefined };
    return images.map((b64, i) => ({
      ...expectImage(http, decodeBase64(b64), 'image/png', res),
      seed: Array.isArray(info.all_seeds) && typeof info.all_seeds[i] === 'number' ? info.all_seeds[i] : typeof info.seed === 'number' ? info.seed + i : null,
      providerModel: model,
      params: JSON.parse(JSON.stringify({ ...sent, sampler_name: info.sampler_name ?? sent.sampler_name, steps: info.steps ?? sent.steps, cfg_scale: info.cfg_scale ?? sent.cfg_scale })),
      costUsd: null,
    }));
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    return connectionCheck(async () => {
      const { base, http, headers } = this.connect(plainContext(signal));
      const res = await http.send({ method: 'GET', url: `${base}/sdapi/v1/sd-models`, headers });
      if (!isOk(res)) throw a1111Error(http, res);
      const models = http.json<unknown[]>(res);
      if (signal?.aborted) throw cancelled();
      if (!Array.isArray(models)) throw new ProviderError('BAD_RESPONSE', `${LABEL} answered /sdapi/v1/sd-models with something unexpected.`);
      return `Connected to ${LABEL}; ${models.length} model${models.length === 1 ? '' : 's'} available.`;
    });
  }
}
