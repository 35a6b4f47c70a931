import { checkCount, connectionCheck, expectImage, inBatches, pick, plainContext, sameOrigin } from '../common';
import { connectKeyed } from '../connect';
import { ProviderHttp, isOk, type HttpResult } from '../http';
import { decodeBase64, extensionOf, ratioOf, toBlob } from '../image-bytes';
import { defaultDeps, withRetry } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { openaiError } from './errors';

const LABEL = 'OpenAI';
const KEY_ENV = 'OPENAI_API_KEY';
const NAMES = { label: LABEL, keyEnv: KEY_ENV, baseEnv: 'OPENAI_BASE_URL' };

/** Parameters passed through from request.params to the Images API when set. */
const PASSTHROUGH = ['quality', 'output_format', 'output_compression', 'background', 'moderation', 'style', 'user'] as const;

interface ImagesResponse {
  data?: { b64_json?: string; url?: string; revised_prompt?: string }[];
  output_format?: string;
  usage?: { input_tokens?: number; output_tokens?: number; total_tokens?: number };
}

/** OpenAI Images: POST /images/generations (JSON), or /images/edits (multipart image[]) with reference or init images. */
export class OpenAIProvider implements ImageProvider {
  readonly id = 'openai' as const;
  readonly label = LABEL;
  readonly defaultModel = 'gpt-image-1';
  readonly capabilities: ProviderCapabilities = {
    textToImage: true,
    referenceImages: true,
    initImage: true,
    maxPerCall: 10,
    aspectRatios: ['1:1', '3:2', '2:3'],
    seed: false,
    negativePrompt: false,
  };

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, LABEL);
    const { key, base, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const perCall = model === 'dall-e-3' ? 1 : this.capabilities.maxPerCall;
    return inBatches(request.count, perCall, ctx, (_first, n) =>
      withRetry(() => this.call(http, base, key, request, model, n), { label: LABEL, signal: ctx.signal, deps: this.deps }),
    );
  }

  private async call(http: ProviderHttp, base: string, key: string, request: GenerateRequest, model: string, n: number): Promise<GeneratedImage[]> {
    const inputs = [...(request.initImage ? [request.initImage] : []), ...(request.referenceImages ?? [])];
    const edit = inputs.length > 0;
    const params: Record<string, unknown> = {
      model,
      prompt: request.prompt,
      n,
      size: typeof request.params?.size === 'string' ? request.params.size : sizeFor(model, ratioOf(request.aspectRatio, request.width, request.height)),
      ...pick(request.params, PASSTHROUGH),
      ...(edit ? pick(request.params, ['input_fidelity']) : {}),
    };
    if (model.startsWith('dall-e')) params.response_format = 'b64_json';
    const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
    let res: HttpResult;
    if (edit) {
      const form = new FormData();
      for (const [k, v] of Object.entries(params)) form.append(k, String(v));
      // gpt-image models take up to 16 images as repeated image[] parts; dall-e-2 takes one "image".
      const field = model === 'dall-e-2' ? 'image' : 'image[]';
      inputs.forEach((img, i) => form.append(field, toBlob(img), `input-${i + 1}.${extensionOf(img.mime)}`));
      res = await http.send({ method: 'POST', url: `${base}/images/edits`, headers, body: form });
    } else {
      res = await http.send({ method: 'POST', url: `${base}/images/generations`, headers, json: params });
    }
    if (!isOk(res)) throw openaiError(http, res);
    const body = http.json<ImagesResponse>(res);
    const data = Array.isArray(body.data) ? body.data : [];
    if (data.length === 0) throw http.error('BAD_RESPONSE', `${LABEL} answered without an image.`, res);
    const usage = shareUsage(body.usage, data.length);
    const sent = { ...params, endpoint: edit ? 'edits' : 'generations', inputImages: inputs.length, n: undefined };
    const out: GeneratedImage[] = [];
    for (const item of data) {
      const bytes = item.b64_json ? decodeBase64(item.b64_json) : item.url ? await this.download(http, base, key, item.url) : undefined;
      if (!bytes) throw http.error('BAD_RESPONSE', `${LABEL} answered with an entry that has neither image data nor a URL.`, res);
      const img = expectImage(http, bytes, body.output_format ? `image/${body.output_format}` : null, res);
      out.push({
        ...img,
        seed: null,
        providerModel: model,
        params: JSON.parse(JSON.stringify(sent)),
        usage,
        costUsd: null,
        ...(item.revised_prompt ? { revisedPrompt: item.revised_prompt } : {}),
      });
    }
    return out;
  }

  /** dall-e answers may be URLs on a CDN: the key goes only to OpenAI's own origin. */
  private async download(http: ProviderHttp, base: string, key: string, url: string): Promise<Buffer> {
    const headers: Record<string, string> = sameOrigin(url, base) ? { authorization: `Bearer ${key}` } : {};
    const res = await http.send({ method: 'GET', url, headers });
    if (!isOk(res)) throw http.statusError(res, 'the image could not be downloaded');
    return res.body;
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    return connectionCheck(async () => {
      const { key, base, http } = connectKeyed(this.settings, NAMES, plainContext(signal), this.deps);
      const res = await http.send({ method: 'GET', url: `${base}/models`, headers: { authorization: `Bearer ${key}` } });
      if (!isOk(res)) throw openaiError(http, res);
      return `Connected to ${LABEL}; the key works.`;
    });
  }
}

/** The nearest size the model accepts for the panel's aspect ratio. */
export function sizeFor(model: string, ratio: number): string {
  if (model === 'dall-e-2') return '1024x1024';
  const [wide, tall] = model === 'dall-e-3' ? ['1792x1024', '1024x1792'] : ['1536x1024', '1024x1536'];
  return ratio >= 1.25 ? wide : ratio <= 0.8 ? tall : '1024x1024';
}

/** One call's token usage shared out over its images, so summing variations gives the call's total. */
function shareUsage(usage: ImagesResponse['usage'], n: number): Record<string, number> | undefined {
  if (!usage) return undefined;
  const out: Record<string, number> = {};
  if (usage.input_tokens !== undefined) out.inputTokens = usage.input_tokens / n;
  if (usage.output_tokens !== undefined) out.outputTokens = usage.output_tokens / n;
  if (usage.total_tokens !== undefined) out.totalTokens = usage.total_tokens / n;
  return out;
}
