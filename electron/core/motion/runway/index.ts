import { ProviderError } from '../../providers/errors';
import { connectKeyed, type KeyedConnection } from '../../providers/connect';
import { isOk, type HttpResult, type ProviderHttp } from '../../providers/http';
import { nearestAspect, ratioOf } from '../../providers/image-bytes';
import { defaultDeps } from '../../providers/retry';
import type { ProviderSettings } from '../../providers/settings';
import type { GenerateContext, ProviderDeps } from '../../providers/types';
import { expectVideo } from '../video-bytes';
import { nearest, type RemoteVideo, type SubmittedVideo, type VideoCapabilities, type VideoPoll, type VideoProvider, type VideoRequest } from '../video-provider';

const NAMES = { label: 'Runway', keyEnv: 'RUNWAY_API_KEY', baseEnv: 'RUNWAY_BASE_URL' };
const VERSION = '2024-11-06';
const GEN4_RATIOS = ['1280:720', '720:1280', '1104:832', '832:1104', '960:960', '1584:672'] as const;
const MAX_PROMPT = 1000;
/** Runway takes a data URI of at most 5 MB. */
const MAX_DATA_URI = 5 * 1024 * 1024;
/** Output URLs last 24–48 h; the task can be read again for fresh ones. */
const RESULT_WINDOW_MS = 24 * 3600 * 1000;

interface RunwayTask {
  id?: string;
  status?: 'PENDING' | 'THROTTLED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  progress?: number;
  output?: string[];
  failure?: string;
  failureCode?: string;
}

/**
 * Runway's API: POST /v1/image_to_video with the panel as a data URI, then GET /v1/tasks/{id} until
 * SUCCEEDED (THROTTLED means queued behind the account's concurrency limit, not failed). Every call
 * carries the pinned X-Runway-Version.
 */
export class RunwayProvider implements VideoProvider {
  readonly id = 'runway' as const;
  readonly label = NAMES.label;
  readonly defaultModel = 'gen4_turbo';

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  capabilities(model = this.settings.model ?? this.defaultModel): VideoCapabilities {
    if (model.startsWith('veo')) return { durations: [4, 6, 8], aspectRatios: ['1280:720', '720:1280'], seed: false, negativePrompt: true };
    return { durations: [5, 10], aspectRatios: GEN4_RATIOS, seed: true, negativePrompt: false };
  }

  async submit(request: VideoRequest, ctx: GenerateContext): Promise<SubmittedVideo> {
    const c = this.connect(ctx);
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const caps = this.capabilities(model);
    const promptImage = `data:${request.firstFrame.mime};base64,${request.firstFrame.data.toString('base64')}`;
    if (promptImage.length > MAX_DATA_URI) {
      throw new ProviderError('BAD_REQUEST', `Runway takes a first frame of at most 5 MB as data; this one is ${(promptImage.length / 1048576).toFixed(1)} MB.`);
    }
    const fields = {
      model,
      promptText: clipText(request.prompt, MAX_PROMPT),
      ratio: nearestAspect(ratioOf(request.aspectRatio, 16, 9), caps.aspectRatios),
      duration: nearest(caps.durations, request.seconds),
      ...(caps.seed && request.seed !== undefined ? { seed: request.seed } : {}),
      ...(caps.negativePrompt && request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
    };
    const res = await c.http.send({ method: 'POST', url: `${c.base}/v1/image_to_video`, headers: this.headers(c), json: { ...fields, promptImage } });
    if (!isOk(res)) throw runwayError(c.http, res);
    const id = c.http.json<{ id?: unknown }>(res).id;
    if (typeof id !== 'string' || !id) throw new ProviderError('BAD_RESPONSE', 'Runway accepted the request but sent no task id.', { status: res.status, maybeCreated: true });
    return { remoteId: id, model, sent: fields, pollEveryMs: 6_000, resultWindowMs: RESULT_WINDOW_MS };
  }

  async poll(remoteId: string, ctx: GenerateContext): Promise<VideoPoll> {
    const task = await this.task(remoteId, ctx);
    switch (task.status) {
      case 'SUCCEEDED': {
        const urls = (task.output ?? []).filter((u) => typeof u === 'string' && u.length > 0);
        if (urls.length === 0) throw new ProviderError('BAD_RESPONSE', 'Runway finished the task but sent no clip.');
        return { state: 'done', videos: urls.map((uri) => ({ uri })) };
      }
      case 'FAILED': {
        const code = task.failureCode ?? '';
        const why = `${task.failure ?? 'no reason given'}${code ? ` (${code})` : ''}`;
        if (code.startsWith('SAFETY.')) throw new ProviderError('MODERATION', `Runway's content moderation refused the clip: ${why}. Change the prompt or the picture, then try again.`);
        throw new ProviderError('FAILED', `Runway could not make the clip: ${why}.`);
      }
      case 'CANCELLED':
        throw new ProviderError('CANCELLED', 'The Runway task was cancelled.');
      default:
        return { state: 'running', ...(typeof task.progress === 'number' ? { progress: task.progress } : {}) };
    }
  }

  /** Output URLs expire: on a 403/404 the task is read again for fresh ones, once, before giving up. */
  async download(video: RemoteVideo, remoteId: string, ctx: GenerateContext): Promise<Buffer> {
    const c = this.connect(ctx);
    let res = await c.http.send({ method: 'GET', url: video.uri });
    if (res.status === 403 || res.status === 404) {
      const fresh = await this.poll(remoteId, ctx);
      if (fresh.state === 'done' && fresh.videos[0].uri !== video.uri) res = await c.http.send({ method: 'GET', url: fresh.videos[0].uri });
      if (res.status === 403 || res.status === 404) throw c.http.statusError(res, undefined, 'EXPIRED');
    }
    if (!isOk(res)) throw c.http.statusError(res, undefined);
    return expectVideo(c.http, res);
  }

  async cancel(remoteId: string, ctx: GenerateContext): Promise<void> {
    const c = this.connect(ctx);
    const res = await c.http.send({ method: 'DELETE', url: `${c.base}/v1/tasks/${encodeURIComponent(remoteId)}`, headers: this.headers(c), ignoreCancel: true, timeoutMs: 10_000 });
    if (!isOk(res) && res.status !== 404) throw runwayError(c.http, res);
  }

  private async task(remoteId: string, ctx: GenerateContext): Promise<RunwayTask> {
    const c = this.connect(ctx);
    const res = await c.http.send({ method: 'GET', url: `${c.base}/v1/tasks/${encodeURIComponent(remoteId)}`, headers: this.headers(c) });
    if (res.status === 404) throw c.http.statusError(res, 'no such task', 'EXPIRED');
    if (!isOk(res)) throw runwayError(c.http, res);
    return c.http.json<RunwayTask>(res);
  }

  private connect(ctx: GenerateContext): KeyedConnection {
    return connectKeyed(this.settings, NAMES, ctx, this.deps);
  }

  private headers(c: KeyedConnection): Record<string, string> {
    return { authorization: `Bearer ${c.key}`, 'x-runway-version': VERSION };
  }
}

/** Runway's errors are `{"error": "..."}`; a 400 is final, 429 and 5xx are retried by the runner. */
function runwayError(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as { error?: unknown } | undefined;
  return http.statusError(res, typeof body?.error === 'string' ? body.error : undefined);
}

/** At most `max` characters, cut at a word where there is one near the end. */
function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max * 0.8 ? cut.slice(0, space) : cut;
}
