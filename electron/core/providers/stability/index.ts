import { ProviderError } from '../errors';
import { checkCount, connectionCheck, expectImage, inBatches, pick, plainContext, seedAt } from '../common';
import { connectKeyed } from '../connect';
import { ProviderHttp, isOk, type HttpResult } from '../http';
import { decodeBase64, extensionOf, nearestAspect, ratioOf, toBlob } from '../image-bytes';
import { defaultDeps, withRetry } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';

const LABEL = 'Stability AI';
const KEY_ENV = 'STABILITY_API_KEY';
const NAMES = { label: LABEL, keyEnv: KEY_ENV, baseEnv: 'STABILITY_BASE_URL' };
export const STABILITY_ASPECTS = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'] as const;

interface StabilityErrorBody {
  id?: string;
  name?: string;
  errors?: string[];
}

/** Which v2beta endpoint serves a model name: ultra, core, or sd3 (which also takes `model`). */
export function endpointFor(model: string): { path: 'ultra' | 'core' | 'sd3'; model?: string } {
  if (model === 'ultra' || model === 'stable-image-ultra') return { path: 'ultra' };
  if (model === 'core' || model === 'stable-image-core') return { path: 'core' };
  return { path: 'sd3', model };
}

/**
 * Stability AI v2beta Stable Image: always multipart (even without a file), `Accept: image/*` for raw
 * bytes with `finish-reason` and `seed` headers (a JSON answer is read too). One image per call.
 */
export class StabilityProvider implements ImageProvider {
  readonly id = 'stability' as const;
  readonly label = LABEL;
  readonly defaultModel = 'core';

  /** What the configured model can do: Stable Image Core cannot refine. */
  get capabilities(): ProviderCapabilities {
    return this.capabilitiesFor(this.settings.model ?? this.defaultModel);
  }

  capabilitiesFor(model: string): ProviderCapabilities {
    return {
      textToImage: true,
      referenceImages: false,
      initImage: endpointFor(model).path !== 'core',
      maxPerCall: 1,
      aspectRatios: STABILITY_ASPECTS,
      seed: true,
      negativePrompt: true,
    };
  }

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, LABEL);
    const { key, base, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const endpoint = endpointFor(model);
    if (request.initImage && endpoint.path === 'core') {
      throw new ProviderError('CONFIG', `${LABEL}: Stable Image Core cannot refine an existing image. Choose the ultra or an sd3.5 model for refine.`);
    }
    const url = `${base}/v2beta/stable-image/generate/${endpoint.path}`;
    const aspect = nearestAspect(ratioOf(request.aspectRatio, request.width, request.height), STABILITY_ASPECTS);
    return inBatches(request.count, 1, ctx, (first) => {
      const fields: Record<string, string> = {
        prompt: request.prompt,
        output_format: 'png',
        seed: String(seedAt(request, first) ?? 0), // 0 asks Stability to pick one; it reports it back
        ...(endpoint.model ? { model: endpoint.model } : {}),
        ...(request.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
        ...stringify(pick(request.params, ['style_preset', 'cfg_scale'])),
      };
      if (request.initImage) {
        fields.strength = String(request.params?.strength ?? 0.65);
        if (endpoint.path === 'sd3') fields.mode = 'image-to-image';
      } else {
        fields.aspect_ratio = aspect; // not accepted alongside an image: the image sets the shape
      }
      return withRetry(
        async () => {
          const form = new FormData();
          for (const [k, v] of Object.entries(fields)) form.append(k, v);
          if (request.initImage) {
            form.append('image', toBlob(request.initImage), `init.${extensionOf(request.initImage.mime)}`);
          }
          const res = await http.send({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, accept: 'image/*' }, body: form });
          if (!isOk(res)) throw stabilityError(http, res);
          const { data, finishReason, seed } = readAnswer(http, res);
          if (finishReason === 'CONTENT_FILTERED') {
            throw http.statusError(res, 'the result was filtered by its content moderation (finish-reason CONTENT_FILTERED)', 'MODERATION');
          }
          const img = expectImage(http, data, res.headers.get('content-type'), res);
          const params = { ...fields, prompt: undefined, endpoint: endpoint.path };
          return [{ ...img, seed, providerModel: endpoint.model ?? `stable-image-${endpoint.path}`, params: JSON.parse(JSON.stringify(params)), costUsd: null }];
        },
        { label: LABEL, signal: ctx.signal, deps: this.deps },
      );
    });
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    return connectionCheck(async () => {
      const { key, base, http } = connectKeyed(this.settings, NAMES, plainContext(signal), this.deps);
      const res = await http.send({ method: 'GET', url: `${base}/v1/user/balance`, headers: { authorization: `Bearer ${key}` } });
      if (!isOk(res)) throw stabilityError(http, res);
      const credits = (http.tryJson(res) as { credits?: number } | undefined)?.credits;
      return `Connected to ${LABEL}${typeof credits === 'number' ? `; ${Math.round(credits * 100) / 100} credits left` : ''}.`;
    });
  }
}

/** Raw image bytes with headers, or the JSON form `{image, finish_reason, seed}`. */
function readAnswer(http: ProviderHttp, res: HttpResult): { data: Buffer; finishReason: string | null; seed: number | null } {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = http.json<{ image?: string; finish_reason?: string; seed?: number }>(res);
    if (!body.image) throw http.error('BAD_RESPONSE', `${LABEL} answered without an image.`, res);
    return { data: decodeBase64(body.image), finishReason: body.finish_reason ?? null, seed: numberOrNull(body.seed) };
  }
  return { data: res.body, finishReason: res.headers.get('finish-reason'), seed: numberOrNull(res.headers.get('seed')) };
}

/** `{id, name, errors[]}`; moderation is a 403 named content_moderation. */
function stabilityError(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as StabilityErrorBody | undefined;
  const message = body?.errors?.length ? body.errors.join('; ') : body?.name;
  if (body?.name === 'content_moderation') return http.statusError(res, message, 'MODERATION');
  if (res.status === 402 || body?.name === 'payment_required') return http.statusError(res, message, 'QUOTA_EXHAUSTED');
  return http.statusError(res, message);
}

function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const stringify = (o: Record<string, unknown>): Record<string, string> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
