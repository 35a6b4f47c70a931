import { ProviderError } from '../errors';
import { checkCount, connectionCheck, expectImage, inBatches, pick, plainContext, sameOrigin } from '../common';
import { connectKeyed } from '../connect';
import { ProviderHttp, isOk, type HttpResult } from '../http';
import { decodeBase64, extensionOf, ratioOf, toBlob } from '../image-bytes';
import { defaultDeps, withRetry } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { openaiError } from './errors';
import { openaiModel, type OpenAIModel } from './models';

const LABEL = 'OpenAI';
const KEY_ENV = 'OPENAI_API_KEY';
const NAMES = { label: LABEL, keyEnv: KEY_ENV, baseEnv: 'OPENAI_BASE_URL' };

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

  /** What the configured model can do: dall-e-3 cannot refine, dall-e-2 takes one image. */
  get capabilities(): ProviderCapabilities {
    return this.capabilitiesFor(this.settings.model ?? this.defaultModel);
  }

  capabilitiesFor(model: string): ProviderCapabilities {
    return openaiModel(model).capabilities;
  }

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
  ) {}

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, LABEL);
    const { key, base, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const spec = openaiModel(model);
    if (request.initImage && !spec.capabilities.initImage) {
      throw new ProviderError('CONFIG', `${LABEL}: ${model} cannot refine an existing image (it has no edit endpoint). Choose gpt-image-1 or dall-e-2 in Settings to refine.`);
    }
    return inBatches(request.count, spec.capabilities.maxPerCall, ctx, (_first, n) =>
      withRetry(() => this.call(http, base, key, request, model, spec, n), { label: LABEL, signal: ctx.signal, deps: this.deps }),
    );
  }

  private async call(http: ProviderHttp, base: string, key: string, request: GenerateRequest, model: string, spec: OpenAIModel, n: number): Promise<GeneratedImage[]> {
    const inputs = inputImages(request, spec);
    const edit = inputs.length > 0;
    const params: Record<string, unknown> = {
      model,
      prompt: request.prompt,
      n,
      size: typeof request.params?.size === 'string' ? request.params.size : sizeFor(model, ratioOf(request.aspectRatio, request.width, request.height)),
      ...pick(request.params, (edit ? spec.editFields : spec.generationFields) ?? []),
    };
    if (spec.responseFormat) params.response_format = 'b64_json';
    const headers = { authorization: `Bearer ${key}`, accept: 'application/json' };
    let res: HttpResult;
    if (edit) {
      const form = new FormData();
      for (const [k, v] of Object.entries(params)) form.append(k, String(v));
      inputs.forEach((img, i) => form.append(spec.editImage.field, toBlob(img), `input-${i + 1}.${extensionOf(img.mime)}`));
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

/**
 * The images an edit sends, init first: as many as the model's edit takes. References go only to
 * models that take them; a model without edits gets none (and generates from the prompt alone).
 */
function inputImages(request: GenerateRequest, spec: OpenAIModel) {
  const all = [...(request.initImage ? [request.initImage] : []), ...(spec.capabilities.referenceImages ? (request.referenceImages ?? []) : [])];
  return all.slice(0, spec.editImage.max);
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
