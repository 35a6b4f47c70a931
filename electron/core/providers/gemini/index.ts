import { checkCount, connectionCheck, expectImage, inBatches, pick, plainContext } from '../common';
import { connectKeyed } from '../connect';
import { isOk } from '../http';
import { decodeBase64, nearestAspect, ratioOf } from '../image-bytes';
import { defaultDeps, withRetry } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { geminiError, readCandidate, type GenerateContentResponse } from './response';

const LABEL = 'Gemini';
const KEY_ENV = 'GEMINI_API_KEY';
const NAMES = { label: LABEL, keyEnv: KEY_ENV, baseEnv: 'GEMINI_BASE_URL' };
export const GEMINI_ASPECTS = ['1:1', '2:3', '3:2', '3:4', '4:3', '9:16', '16:9', '21:9'] as const;

/**
 * Google Gemini native image generation: POST /v1beta/models/{model}:generateContent with IMAGE in the
 * response modalities. One image per call, so n variations are n calls; references go in as inlineData.
 */
export class GeminiProvider implements ImageProvider {
  readonly id = 'gemini' as const;
  readonly label = LABEL;
  readonly defaultModel = 'gemini-2.5-flash-image';
  readonly capabilities: ProviderCapabilities = {
    textToImage: true,
    referenceImages: true,
    initImage: true,
    maxPerCall: 1,
    aspectRatios: GEMINI_ASPECTS,
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
    const aspectRatio = nearestAspect(ratioOf(request.aspectRatio, request.width, request.height), GEMINI_ASPECTS);
    const imageConfig = { aspectRatio, ...pick(request.params, ['imageSize']) };
    // The init image (the panel to refine) comes first, then characters and style references.
    const inputs = [...(request.initImage ? [request.initImage] : []), ...(request.referenceImages ?? [])];
    const body = {
      contents: [
        {
          role: 'user',
          parts: [{ text: request.prompt }, ...inputs.map((img) => ({ inlineData: { mimeType: img.mime, data: img.data.toString('base64') } }))],
        },
      ],
      generationConfig: { responseModalities: ['TEXT', 'IMAGE'], imageConfig },
    };
    const url = `${base}/v1beta/models/${encodeURIComponent(model)}:generateContent`;
    const params = { model, imageConfig, inputImages: inputs.length };
    return inBatches(request.count, 1, ctx, () =>
      withRetry(
        async () => {
          const res = await http.send({ method: 'POST', url, headers: { 'x-goog-api-key': key }, json: body });
          if (!isOk(res)) throw geminiError(http, res);
          const answer = readCandidate(http, res, http.json<GenerateContentResponse>(res));
          const img = expectImage(http, decodeBase64(answer.image.data), answer.image.mimeType, res);
          return [
            {
              ...img,
              seed: null,
              providerModel: answer.modelVersion ?? model,
              params,
              usage: answer.usage,
              costUsd: null,
              ...(answer.text ? { providerNote: answer.text } : {}),
            },
          ];
        },
        { label: LABEL, signal: ctx.signal, deps: this.deps },
      ),
    );
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    return connectionCheck(async () => {
      const { key, base, http } = connectKeyed(this.settings, NAMES, plainContext(signal), this.deps);
      const model = this.settings.model ?? this.defaultModel;
      const res = await http.send({ method: 'GET', url: `${base}/v1beta/models/${encodeURIComponent(model)}`, headers: { 'x-goog-api-key': key } });
      if (!isOk(res)) throw geminiError(http, res);
      return `Connected to ${LABEL}; ${model} is available.`;
    });
  }
}
