import { ProviderError, isProviderError } from './errors';
import type { HttpResult, ProviderHttp } from './http';
import { sniffImageMime } from './image-bytes';
import type { ProviderSettings } from './settings';
import { validHttpUrl } from './settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage } from './types';

/** The key, or a CONFIG error naming the variable to set. */
export function requireKey(settings: ProviderSettings, label: string, envName: string): string {
  const key = settings.key?.reveal();
  if (!key) throw new ProviderError('CONFIG', `${label} needs an API key: set ${envName} or add the key in Settings.`);
  return key;
}

/** The base URL without trailing slash, or a CONFIG error. */
export function requireBaseUrl(settings: ProviderSettings, label: string, envName: string): string {
  const url = settings.baseUrl?.replace(/\/+$/, '');
  if (!url || !validHttpUrl(url)) {
    throw new ProviderError('CONFIG', `${label} has no valid address: set ${envName} to an http:// or https:// URL.`);
  }
  return url;
}

export function checkCount(request: GenerateRequest, label: string): void {
  if (!Number.isInteger(request.count) || request.count < 1) {
    throw new ProviderError('BAD_REQUEST', `${label}: ask for at least one variation (got ${request.count}).`);
  }
}

/**
 * Makes `count` images in calls of at most `perCall`, reporting progress after each call.
 * `call(first, n)` gets the index of its first image and how many to make.
 */
export async function inBatches(
  count: number,
  perCall: number,
  ctx: GenerateContext,
  call: (first: number, n: number) => Promise<GeneratedImage[]>,
): Promise<GeneratedImage[]> {
  const out: GeneratedImage[] = [];
  ctx.onProgress(0);
  while (out.length < count) {
    const n = Math.min(perCall, count - out.length);
    const images = await call(out.length, n);
    out.push(...images.slice(0, n));
    ctx.onProgress(Math.min(1, out.length / count));
  }
  return out;
}

/** Image bytes checked to really be an image, with their type. */
export function expectImage(http: ProviderHttp, data: Buffer, declaredMime?: string | null, res?: HttpResult): { data: Buffer; mime: string } {
  const mime = sniffImageMime(data);
  if (!mime) {
    const what = declaredMime ? `${declaredMime}, ` : '';
    throw http.error('BAD_RESPONSE', `${http.id.label} sent something that is not an image (${what}${data.length} bytes).`, res);
  }
  return { data, mime };
}

/** The seed of variation `i` when the request fixed a first seed. */
export const seedAt = (request: GenerateRequest, i: number): number | undefined => (request.seed === undefined ? undefined : request.seed + i);

/** Runs a connection check: ok with `okMessage`, or the error's message; cancellation still throws. */
export async function connectionCheck(run: () => Promise<string>): Promise<ConnectionResult> {
  try {
    return { ok: true, message: await run() };
  } catch (e) {
    if (isProviderError(e) && e.kind === 'CANCELLED') throw e;
    if (isProviderError(e)) return { ok: false, message: e.message };
    return { ok: false, message: `Connection test failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** A context for calls outside a generation (connection tests). */
export function plainContext(signal: AbortSignal | undefined, timeoutMs = 15_000): GenerateContext {
  return { signal: signal ?? new AbortController().signal, timeoutMs, onProgress: () => {} };
}

/** Same scheme, host and port: only then may a download carry the provider's key. */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Copies only the listed keys of `params` that are set. */
export function pick(params: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (params?.[k] !== undefined && params[k] !== null) out[k] = params[k];
  return out;
}
