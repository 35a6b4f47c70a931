import { ProviderError } from '../../providers/errors';
import { connectKeyed } from '../../providers/connect';
import { isOk } from '../../providers/http';
import { nearestAspect, ratioOf } from '../../providers/image-bytes';
import { defaultDeps } from '../../providers/retry';
import type { ProviderSettings } from '../../providers/settings';
import type { GenerateContext, ProviderDeps } from '../../providers/types';
import { geminiError } from '../../providers/gemini/response';
import { expectVideo } from '../video-bytes';
import { nearest, type RemoteVideo, type SubmittedVideo, type VideoCapabilities, type VideoPoll, type VideoProvider, type VideoRequest } from '../video-provider';
import { readOperation, type VeoOperation } from './operation';

const NAMES = { label: 'Veo', keyEnv: 'GEMINI_API_KEY', baseEnv: 'GEMINI_BASE_URL' };
const ASPECTS = ['16:9', '9:16'] as const;
/** Veo 2 makes 5–8 s; Veo 3.x makes 4, 6 or 8 s. */
const VEO2_SECONDS = [5, 6, 7, 8];
const VEO3_SECONDS = [4, 6, 8];
/** Google deletes generated files after two days. */
const RESULT_WINDOW_MS = 2 * 24 * 3600 * 1000;

/**
 * Google Veo through the Gemini API: POST models/{model}:predictLongRunning with the panel as the
 * first frame (inline base64: Veo takes no image URLs), then GET the operation by name until done, then
 * GET the file with the key, following redirects.
 */
export class VeoProvider implements VideoProvider {
  readonly id = 'veo' as const;
  readonly label = NAMES.label;
  readonly defaultModel = 'veo-3.1-fast-generate-preview';

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  capabilities(model = this.settings.model ?? this.defaultModel): VideoCapabilities {
    // The seed is documented for Veo 3 but refused by Google's own SDK in Gemini mode: not sent.
    return { durations: model.startsWith('veo-2') ? VEO2_SECONDS : VEO3_SECONDS, aspectRatios: ASPECTS, seed: false, negativePrompt: true };
  }

  async submit(request: VideoRequest, ctx: GenerateContext): Promise<SubmittedVideo> {
    const { key, base, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const parameters = {
      aspectRatio: nearestAspect(ratioOf(request.aspectRatio, 16, 9), ASPECTS),
      durationSeconds: nearest(this.capabilities(model).durations, request.seconds),
      ...(request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
      // Image-to-video allows adults only.
      personGeneration: 'allow_adult',
      sampleCount: 1,
    };
    const image = { bytesBase64Encoded: request.firstFrame.data.toString('base64'), mimeType: request.firstFrame.mime };
    const res = await http.send({
      method: 'POST',
      url: `${base}/v1beta/models/${encodeURIComponent(model)}:predictLongRunning`,
      headers: { 'x-goog-api-key': key },
      json: { instances: [{ prompt: request.prompt, image }], parameters },
    });
    if (!isOk(res)) throw geminiError(http, res);
    const name = http.json<{ name?: unknown }>(res).name;
    if (typeof name !== 'string' || !name.includes('/operations/')) {
      throw new ProviderError('BAD_RESPONSE', 'Veo accepted the request but sent no operation name to follow it by.', { status: res.status, maybeCreated: true });
    }
    return { remoteId: name, model, sent: { model, prompt: request.prompt, ...parameters }, pollEveryMs: 10_000, resultWindowMs: RESULT_WINDOW_MS };
  }

  async poll(remoteId: string, ctx: GenerateContext): Promise<VideoPoll> {
    const { key, base, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const res = await http.send({ method: 'GET', url: `${base}/v1beta/${remoteId}`, headers: { 'x-goog-api-key': key } });
    if (!isOk(res)) throw geminiError(http, res);
    return readOperation(http.json<VeoOperation>(res));
  }

  async download(video: RemoteVideo, _remoteId: string, ctx: GenerateContext): Promise<Buffer> {
    const { key, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const res = await http.send({ method: 'GET', url: video.uri, headers: { 'x-goog-api-key': key } });
    if (res.status === 403 || res.status === 404) throw http.statusError(res, undefined, 'EXPIRED');
    if (!isOk(res)) throw geminiError(http, res);
    return expectVideo(http, res);
  }
}
