import { ProviderError } from '../../providers/errors';
import { connectKeyed, type KeyedConnection } from '../../providers/connect';
import { isOk } from '../../providers/http';
import { sameOrigin } from '../../providers/common';
import { createPrediction } from '../../providers/replicate/create';
import { predictionFailure, replicateError, type Prediction } from '../../providers/replicate/prediction';
import { progressFromLogs } from '../../providers/replicate';
import { defaultDeps } from '../../providers/retry';
import type { ProviderSettings } from '../../providers/settings';
import type { GenerateContext, ProviderDeps } from '../../providers/types';
import { expectVideo } from '../video-bytes';
import { nearest, type RemoteVideo, type SubmittedVideo, type VideoCapabilities, type VideoPoll, type VideoProvider, type VideoRequest } from '../video-provider';
import { DEFAULT_REPLICATE_VIDEO_MODEL, REPLICATE_VIDEO_MODELS, replicateVideoModel, type ReplicateVideoModel } from './models';

const NAMES = { label: 'Replicate', keyEnv: 'REPLICATE_API_TOKEN', baseEnv: 'REPLICATE_BASE_URL' };
/** Replicate deletes API outputs an hour after the prediction ends. */
const RESULT_WINDOW_MS = 3600 * 1000;

/**
 * Replicate's video models: one prediction per clip (POST /v1/models/{owner}/{name}/predictions with
 * the model's own inputs, answered at once), polled by id; the output is a file URL.
 */
export class ReplicateVideoProvider implements VideoProvider {
  readonly id = 'replicate' as const;
  readonly label = NAMES.label;
  readonly defaultModel = DEFAULT_REPLICATE_VIDEO_MODEL;

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  capabilities(model = this.settings.model ?? this.defaultModel): VideoCapabilities {
    const m = replicateVideoModel(model);
    return { durations: m?.duration?.seconds ?? [5], aspectRatios: [], seed: !!m?.seed, negativePrompt: !!m?.negativePrompt };
  }

  async submit(request: VideoRequest, ctx: GenerateContext): Promise<SubmittedVideo> {
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const entry = replicateVideoModel(model);
    if (!entry) {
      const known = REPLICATE_VIDEO_MODELS.map((m) => m.name).join(', ');
      throw new ProviderError('CONFIG', `Boardwright does not know the inputs of the Replicate video model "${model}". Choose one of ${known}.`);
    }
    const c = this.connect(ctx);
    const fields = inputOf(entry, request);
    const input = { ...fields, [entry.image]: `data:${request.firstFrame.mime};base64,${request.firstFrame.data.toString('base64')}` };
    const [name, version] = model.split(':');
    const p = await createPrediction(c.http, { base: c.base, auth: auth(c), model: { name, version }, input }, this.deps);
    if (!p?.id) throw new ProviderError('BAD_RESPONSE', 'Replicate accepted the request but sent no prediction id.', { maybeCreated: true });
    return { remoteId: p.id, model, sent: { model, ...fields }, pollEveryMs: 5_000, resultWindowMs: RESULT_WINDOW_MS };
  }

  async poll(remoteId: string, ctx: GenerateContext): Promise<VideoPoll> {
    const c = this.connect(ctx);
    const res = await c.http.send({ method: 'GET', url: `${c.base}/v1/predictions/${encodeURIComponent(remoteId)}`, headers: auth(c) });
    if (res.status === 404) throw c.http.statusError(res, 'no such prediction', 'EXPIRED');
    if (!isOk(res)) throw replicateError(c.http, res);
    const p = c.http.json<Prediction>(res);
    if (p.status === 'starting' || p.status === 'processing') return { state: 'running', progress: progressFromLogs(p.logs) };
    if (p.status !== 'succeeded') throw predictionFailure(c.http, p);
    const urls = (Array.isArray(p.output) ? p.output : [p.output]).filter((u): u is string => typeof u === 'string' && u.length > 0);
    if (urls.length === 0) throw new ProviderError('BAD_RESPONSE', 'Replicate finished the prediction but returned no clip.');
    return { state: 'done', videos: urls.map((uri) => ({ uri })) };
  }

  async download(video: RemoteVideo, _remoteId: string, ctx: GenerateContext): Promise<Buffer> {
    const c = this.connect(ctx);
    // The key goes only to Replicate's own origin, never to a file host.
    const res = await c.http.send({ method: 'GET', url: video.uri, headers: sameOrigin(video.uri, c.base) ? auth(c) : {} });
    if (res.status === 403 || res.status === 404 || res.status === 410) throw c.http.statusError(res, undefined, 'EXPIRED');
    if (!isOk(res)) throw c.http.statusError(res, 'the clip could not be downloaded');
    return expectVideo(c.http, res);
  }

  async cancel(remoteId: string, ctx: GenerateContext): Promise<void> {
    const c = this.connect(ctx);
    const res = await c.http.send({ method: 'POST', url: `${c.base}/v1/predictions/${encodeURIComponent(remoteId)}/cancel`, headers: auth(c), ignoreCancel: true, timeoutMs: 10_000 });
    if (!isOk(res)) throw replicateError(c.http, res);
  }

  private connect(ctx: GenerateContext): KeyedConnection {
    return connectKeyed(this.settings, NAMES, ctx, this.deps);
  }
}

const auth = (c: KeyedConnection) => ({ authorization: `Bearer ${c.key}` });

/** The model's own input fields for a request, without the image. */
function inputOf(m: ReplicateVideoModel, request: VideoRequest): Record<string, unknown> {
  const input: Record<string, unknown> = { prompt: request.prompt, ...m.extra };
  if (m.duration) {
    const s = nearest(m.duration.seconds, request.seconds);
    input[m.duration.key] = m.duration.asText ? String(s) : s;
  }
  if (m.seed && request.seed !== undefined) input[m.seed] = request.seed;
  if (m.negativePrompt && request.negativePrompt) input[m.negativePrompt] = request.negativePrompt;
  return input;
}
