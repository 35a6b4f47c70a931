import { ProviderError } from '../errors';
import { isOk, type ProviderHttp } from '../http';
import { nearestAspect, ratioOf, roundTo, toDataUrl } from '../image-bytes';
import { withRetry } from '../retry';
import type { GenerateRequest, ProviderCapabilities, ProviderDeps } from '../types';
import { replicateError } from './prediction';

export const REPLICATE_ASPECTS = ['1:1', '16:9', '21:9', '3:2', '2:3', '4:5', '5:4', '3:4', '4:3', '9:16', '9:21'] as const;

/** Input names models use for the image to start from (flux-dev, SDXL: image; Kontext: input_image). */
const IMAGE_INPUTS = ['image', 'input_image', 'init_image'] as const;

/** `owner/name`, optionally `:version`; "hidden" is what official models report for a version they do not publish. */
export function parseModel(model: string, label: string): { name: string; version?: string } {
  const m = /^([\w.-]+\/[\w.-]+)(?::([0-9a-f]{16,}|hidden))?$/i.exec(model);
  if (!m) throw new ProviderError('CONFIG', `${label}: "${model}" is not a model name: use owner/name or owner/name:version.`);
  return m[2] && m[2] !== 'hidden' ? { name: m[1], version: m[2] } : { name: m[1] };
}

/** What Boardwright knows of a few models without asking; others are checked against their schema when run. */
const KNOWN: Record<string, Partial<ProviderCapabilities>> = {
  'black-forest-labs/flux-schnell': { initImage: false },
  'black-forest-labs/flux-dev': { initImage: true },
};

export function replicateCapabilities(model: string): ProviderCapabilities {
  const name = model.split(':')[0];
  return Object.freeze({
    textToImage: true,
    referenceImages: false,
    initImage: true,
    maxPerCall: 1,
    aspectRatios: REPLICATE_ASPECTS,
    seed: true,
    negativePrompt: false,
    ...KNOWN[name],
  });
}

/**
 * The names of the model's inputs, from its OpenAPI schema (GET /v1/models/{name}, or the version's).
 * Replicate silently drops inputs a model does not have, so sending `image` to a text-only model would
 * quietly make an unrelated picture: only inputs the model declares are sent.
 */
export async function inputNames(http: ProviderHttp, base: string, auth: Record<string, string>, model: { name: string; version?: string }, deps: Pick<ProviderDeps, 'sleep' | 'random' | 'log'>): Promise<Set<string>> {
  const url = model.version ? `${base}/v1/models/${model.name}/versions/${model.version}` : `${base}/v1/models/${model.name}`;
  const body = await withRetry(
    async () => {
      const res = await http.send({ method: 'GET', url, headers: auth });
      if (!isOk(res)) throw replicateError(http, res);
      return http.json<{ openapi_schema?: Schema; latest_version?: { openapi_schema?: Schema } | null }>(res);
    },
    { label: 'Replicate', signal: http.signal, deps },
  );
  const schema = model.version ? body.openapi_schema : body.latest_version?.openapi_schema;
  const props = schema?.components?.schemas?.Input?.properties;
  if (!props) throw http.error('BAD_RESPONSE', `Replicate did not describe the inputs of ${model.name}.`);
  return new Set(Object.keys(props));
}

interface Schema {
  components?: { schemas?: { Input?: { properties?: Record<string, unknown> } } };
}

/** The prediction's input: only what the model takes, and a clear error when it cannot take the init image. */
export function buildInput(names: ReadonlySet<string>, request: GenerateRequest, seed: number | undefined, model: string): Record<string, unknown> {
  const input: Record<string, unknown> = { prompt: request.prompt };
  if (names.has('aspect_ratio')) input.aspect_ratio = nearestAspect(ratioOf(request.aspectRatio, request.width, request.height), REPLICATE_ASPECTS);
  else if (names.has('width') && names.has('height')) Object.assign(input, { width: roundTo(request.width, 8), height: roundTo(request.height, 8) });
  if (names.has('output_format')) input.output_format = 'png';
  if (seed !== undefined && names.has('seed')) input.seed = seed;
  if (request.negativePrompt && names.has('negative_prompt')) input.negative_prompt = request.negativePrompt;
  if (request.initImage) {
    const field = IMAGE_INPUTS.find((n) => names.has(n));
    if (!field) throw new ProviderError('CONFIG', `Replicate: ${model} takes no input image, so it cannot refine a panel. Choose a model that does (black-forest-labs/flux-dev, for one).`);
    input[field] = toDataUrl(request.initImage);
  }
  return { ...input, ...((request.params?.input as Record<string, unknown> | undefined) ?? {}) };
}
