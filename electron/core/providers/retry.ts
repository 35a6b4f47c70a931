import { ProviderError, cancelled } from './errors';
import type { ProviderDeps } from './types';

/**
 * One retry policy for every adapter, modelled on the official OpenAI SDK: retry 408, 409, 429 and
 * 5xx (unless `x-should-retry: false`), waiting what the provider asked for when it asked for 0-60 s,
 * else exponential backoff 0.5-8 s with jitter. Spent quotas and moderation refusals never retry.
 */
export interface RetryPolicy {
  maxRetries: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Provider hints longer than this are ignored in favour of backoff. */
  maxHintMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 4, minDelayMs: 500, maxDelayMs: 8000, maxHintMs: 60_000 };

export const isRetryableStatus = (status: number): boolean => status === 408 || status === 409 || status === 429 || status >= 500;

/** `x-should-retry: true|false` overrides the status (OpenAI sends it). */
export function shouldRetryHeader(headers: Headers): boolean | undefined {
  const v = headers.get('x-should-retry')?.trim().toLowerCase();
  return v === 'true' ? true : v === 'false' ? false : undefined;
}

/** The wait a response asks for: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfterFromHeaders(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headers.get('retry-after');
  if (ra === null || ra.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(ra.trim())) return Number(ra) * 1000;
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Google's `google.rpc.RetryInfo` detail: `{"@type": ".../google.rpc.RetryInfo", "retryDelay": "47s"}`. */
export function googleRetryDelayMs(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const d of details) {
    const rec = d as { '@type'?: string; retryDelay?: unknown };
    if (!String(rec?.['@type'] ?? '').endsWith('google.rpc.RetryInfo')) continue;
    const m = /^(\d+(?:\.\d+)?)s$/.exec(String(rec.retryDelay ?? '').trim());
    if (m) return Math.round(Number(m[1]) * 1000);
  }
  return undefined;
}

/** Exponential backoff before retry number `retriesSoFar + 1`, with up to 25 % jitter downwards. */
export function backoffMs(retriesSoFar: number, policy: RetryPolicy, random: () => number): number {
  const base = Math.min(policy.minDelayMs * 2 ** retriesSoFar, policy.maxDelayMs);
  return Math.round(base * (1 - random() * 0.25));
}

/** The wait before the next attempt after `err`. */
export function retryDelayMs(err: ProviderError, retriesSoFar: number, policy: RetryPolicy, random: () => number): number {
  const hint = err.retryAfterMs;
  if (hint !== undefined && hint >= 0 && hint <= policy.maxHintMs) return hint;
  return backoffMs(retriesSoFar, policy, random);
}

export interface RetryOptions {
  /** Who is being retried, for the log and the final message ("OpenAI"). */
  label: string;
  signal: AbortSignal;
  deps: Pick<ProviderDeps, 'sleep' | 'random' | 'log'>;
  policy?: RetryPolicy;
  /**
   * The attempt creates a job that runs and may be billed (a Replicate prediction, a ComfyUI prompt).
   * As in the official SDKs, it is repeated only when it surely never took effect: a 429, or a
   * connection that was never made. Anything else (a 5xx, a dropped connection) fails with
   * `maybeCreated`, so the adapter can look the job up instead of creating a second one.
   */
  create?: boolean;
}

/** Failures after which a create may or may not have taken effect (a 4xx answer says it did not). */
const UNCERTAIN: ReadonlySet<string> = new Set(['SERVER', 'NETWORK', 'RATE_LIMITED', 'TIMEOUT']);

/** Whether a failed create may still have created the job on the provider. */
export const mayHaveCreated = (e: ProviderError): boolean => !(e.status === 429 || (e.kind === 'NETWORK' && e.reachedServer === false));

/** Runs `attempt` until it succeeds, fails for good, or the retries run out. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  for (let n = 0; ; n++) {
    if (options.signal.aborted) throw cancelled();
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof ProviderError) || options.signal.aborted) throw e;
      if (options.create && mayHaveCreated(e)) {
        if (!UNCERTAIN.has(e.kind)) throw e;
        throw new ProviderError(e.kind, `${e.message} Not sent again: the job may already exist.`, { status: e.status, requestId: e.requestId, shouldRetry: false, maybeCreated: true });
      }
      if (!e.retryable) throw e;
      if (n >= policy.maxRetries) {
        throw new ProviderError(e.kind, `${e.message} (gave up after ${policy.maxRetries} retries)`, {
          status: e.status,
          requestId: e.requestId,
          shouldRetry: false,
        });
      }
      const wait = retryDelayMs(e, n, policy, options.deps.random);
      options.deps.log(`${options.label}: ${e.kind}${e.status ? ` ${e.status}` : ''}, retry ${n + 1}/${policy.maxRetries} in ${wait} ms`);
      await options.deps.sleep(wait, options.signal);
    }
  }
}

/** The real sleep: a timer that stops early, with CANCELLED, when the signal aborts. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const defaultDeps = (): ProviderDeps => ({ sleep: realSleep, random: Math.random, log: () => {} });
