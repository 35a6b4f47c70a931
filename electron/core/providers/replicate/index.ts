import { checkCount, connectionCheck, inBatches, plainContext, seedAt } from '../common';
import { cancelled, isProviderError } from '../errors';
import { connectKeyed } from '../connect';
import { ProviderHttp, isOk } from '../http';
import { defaultDeps, withRetry } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { createPrediction } from './create';
import { downloadOutputs, modelOfPrediction, predictionFailure, replicateError, type Prediction } from './prediction';
import { buildInput, inputNames, parseModel, replicateCapabilities } from './schema';

const LABEL = 'Replicate';
const KEY_ENV = 'REPLICATE_API_TOKEN';
const NAMES = { label: LABEL, keyEnv: KEY_ENV, baseEnv: 'REPLICATE_BASE_URL' };
export { REPLICATE_ASPECTS } from './schema';

export interface ReplicateOptions {
  /** Wait between polls of a prediction still processing. */
  pollIntervalMs?: number;
  /** Give up on a prediction that has not finished after this long. */
  maxWaitMs?: number;
}

/**
 * Replicate predictions: create with `Prefer: wait` (the answer may already hold the output), else poll
 * GET /v1/predictions/{id} until succeeded, failed or canceled; download the output URLs. Cancelling
 * asks Replicate to stop the prediction too. One prediction per variation, so each has its own seed.
 */
export class ReplicateProvider implements ImageProvider {
  readonly id = 'replicate' as const;
  readonly label = LABEL;
  readonly defaultModel = 'black-forest-labs/flux-schnell';
  /** Input names per model, read once from its schema. */
  private readonly schemas = new Map<string, Promise<Set<string>>>();

  /** What the configured model can do: flux-schnell takes no image, so it cannot refine. */
  get capabilities(): ProviderCapabilities {
    return this.capabilitiesFor(this.settings.model ?? this.defaultModel);
  }

  capabilitiesFor(model: string): ProviderCapabilities {
    return replicateCapabilities(model);
  }

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
    private readonly options: ReplicateOptions = {},
  ) {}

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, LABEL);
    const model = request.model ?? this.settings.model ?? this.defaultModel;
    const parsed = parseModel(model, LABEL);
    const { key, base, http } = connectKeyed(this.settings, NAMES, ctx, this.deps);
    const auth = { authorization: `Bearer ${key}` };
    const names = await this.inputNamesOf(http, base, auth, parsed);
    return inBatches(request.count, 1, ctx, async (first) => {
      const input = buildInput(names, request, seedAt(request, first), model);
      const prediction = await this.run(http, base, auth, parsed, input, ctx, first / request.count, 1 / request.count);
      const images = await downloadOutputs(http, base, key, prediction);
      const usedSeed = typeof input.seed === 'number' ? input.seed : seedFromLogs(prediction.logs);
      const params = { model, ...withoutImages(input), prompt: undefined, predictionId: prediction.id };
      const usage = typeof prediction.metrics?.predict_time === 'number' ? { predictTimeS: prediction.metrics.predict_time } : undefined;
      return images.map((img) => ({ ...img, seed: usedSeed, providerModel: modelOfPrediction(model, prediction), params: JSON.parse(JSON.stringify(params)), usage, costUsd: null }));
    });
  }

  private inputNamesOf(http: ProviderHttp, base: string, auth: Record<string, string>, model: { name: string; version?: string }): Promise<Set<string>> {
    const id = `${model.name}:${model.version ?? ''}`;
    let names = this.schemas.get(id);
    if (!names) {
      names = inputNames(http, base, auth, model, this.deps);
      names.catch(() => this.schemas.delete(id));
      this.schemas.set(id, names);
    }
    return names;
  }

  /** Creates the prediction and waits for its end; cancelling stops it on Replicate as well. */
  private async run(http: ProviderHttp, base: string, auth: Record<string, string>, model: { name: string; version?: string }, input: Record<string, unknown>, ctx: GenerateContext, done: number, share: number): Promise<Prediction> {
    // Replicate holds the answer up to N s; N stays under our own timeout so a slow model is not a "hung connection".
    const waitS = Math.max(1, Math.min(60, Math.floor(ctx.timeoutMs / 1000) - 5));
    const retry = { label: LABEL, signal: ctx.signal, deps: this.deps };
    let p = await createPrediction(http, { base, auth, model, input, waitS }, this.deps);
    if (!p?.id || !p.status) throw http.error('BAD_RESPONSE', `${LABEL} answered without a prediction.`);
    const started = Date.now();
    const maxWait = this.options.maxWaitMs ?? 15 * 60_000;
    try {
      while (p.status === 'starting' || p.status === 'processing') {
        ctx.onProgress(done + share * progressFromLogs(p.logs));
        if (Date.now() - started > maxWait) {
          throw http.error('TIMEOUT', `${LABEL} had not finished the image after ${Math.round(maxWait / 60_000)} minutes; it was cancelled.`);
        }
        await this.deps.sleep(this.options.pollIntervalMs ?? 1000, ctx.signal);
        p = await withRetry(async () => {
          const res = await http.send({ method: 'GET', url: `${base}/v1/predictions/${encodeURIComponent(p.id)}`, headers: auth });
          if (!isOk(res)) throw replicateError(http, res);
          return http.json<Prediction>(res);
        }, retry);
      }
    } catch (e) {
      if (ctx.signal.aborted || (isProviderError(e) && e.kind === 'TIMEOUT')) await this.cancel(http, base, auth, p.id);
      if (ctx.signal.aborted) throw cancelled();
      throw e;
    }
    if (p.status === 'succeeded') return p;
    throw predictionFailure(http, p);
  }

  /** Best effort: the user has moved on, so this neither waits long nor reports its own failure. */
  private async cancel(http: ProviderHttp, base: string, auth: Record<string, string>, id: string): Promise<void> {
    try {
      await http.send({ method: 'POST', url: `${base}/v1/predictions/${encodeURIComponent(id)}/cancel`, headers: auth, ignoreCancel: true, timeoutMs: 5_000 });
    } catch {
      // The prediction will end by itself; nothing more to do.
    }
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    return connectionCheck(async () => {
      const { key, base, http } = connectKeyed(this.settings, NAMES, plainContext(signal), this.deps);
      const res = await http.send({ method: 'GET', url: `${base}/v1/account`, headers: { authorization: `Bearer ${key}` } });
      if (!isOk(res)) throw replicateError(http, res);
      const user = (http.tryJson(res) as { username?: string } | undefined)?.username;
      return `Connected to ${LABEL}${user ? ` as ${user}` : ''}.`;
    });
  }
}

/** Models that pick their own seed usually log it: "Using seed: 1234". */
export function seedFromLogs(logs: string | undefined): number | null {
  const m = /\bseed[^\d\n]{0,3}(\d{1,12})/i.exec(logs ?? '');
  return m ? Number(m[1]) : null;
}

/** The last tqdm-style percentage in the logs ("50%|█████     | 2/4"), as 0..1. */
export function progressFromLogs(logs: string | undefined): number {
  const all = [...(logs ?? '').matchAll(/(\d{1,3})%\|/g)];
  return all.length ? Math.min(1, Number(all[all.length - 1][1]) / 100) : 0;
}

/** The input as kept with the variation: image data URLs replaced by a marker. */
function withoutImages(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('data:') ? '(init image)' : v]));
}
