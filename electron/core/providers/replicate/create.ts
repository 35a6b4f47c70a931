import { isProviderError } from '../errors';
import { isOk, type ProviderHttp } from '../http';
import { withRetry } from '../retry';
import type { ProviderDeps } from '../types';
import { replicateError, type Prediction } from './prediction';

/** How far back a lookup accepts a prediction as the one just created (clocks differ a little). */
const LOOKUP_WINDOW_MS = 5 * 60_000;

export interface CreateCall {
  base: string;
  auth: Record<string, string>;
  model: { name: string; version?: string };
  input: Record<string, unknown>;
  /** Seconds Replicate may hold the answer (Prefer: wait=N); absent for long jobs, answered at once and polled. */
  waitS?: number;
}

/**
 * Creates a prediction once. As in Replicate's own SDK, a create is repeated only after a 429 or a
 * connection that was never made: after a 5xx, a timeout or a dropped connection the prediction may
 * exist (and be billed), so it is looked up in the account's recent predictions instead.
 */
export async function createPrediction(http: ProviderHttp, call: CreateCall, deps: Pick<ProviderDeps, 'sleep' | 'random' | 'log'>): Promise<Prediction> {
  const url = call.model.version ? `${call.base}/v1/predictions` : `${call.base}/v1/models/${call.model.name}/predictions`;
  const body = call.model.version ? { version: call.model.version, input: call.input } : { input: call.input };
  const startedAt = Date.now();
  try {
    return await withRetry(
      async () => {
        const res = await http.send({ method: 'POST', url, headers: { ...call.auth, ...(call.waitS ? { prefer: `wait=${call.waitS}` } : {}) }, json: body });
        if (!isOk(res)) throw replicateError(http, res);
        return http.json<Prediction>(res);
      },
      { label: 'Replicate', signal: http.signal, deps, create: true },
    );
  } catch (e) {
    if (!isProviderError(e) || !e.maybeCreated) throw e;
    const found = await findCreated(http, call, startedAt).catch(() => undefined);
    if (!found) throw e;
    deps.log(`Replicate: the create failed (${e.kind}) but prediction ${found.id} exists; following it`);
    return found;
  }
}

interface Listed extends Prediction {
  model?: string;
  input?: Record<string, unknown>;
  created_at?: string;
}

/** GET /v1/predictions (newest first): a recent prediction of this model with exactly this input. */
async function findCreated(http: ProviderHttp, call: CreateCall, startedAt: number): Promise<Prediction | undefined> {
  const res = await http.send({ method: 'GET', url: `${call.base}/v1/predictions`, headers: call.auth });
  if (!isOk(res)) return undefined;
  const results = (http.tryJson(res) as { results?: Listed[] } | undefined)?.results ?? [];
  const wanted = JSON.stringify(sortKeys(call.input));
  return results.find(
    (p) =>
      (call.model.version ? p.version === call.model.version : p.model === call.model.name) &&
      Date.parse(p.created_at ?? '') >= startedAt - LOOKUP_WINDOW_MS &&
      JSON.stringify(sortKeys(p.input ?? {})) === wanted,
  );
}

const sortKeys = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
