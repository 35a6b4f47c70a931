import { cancelled } from '../../electron/core/providers/errors';
import { Secret } from '../../electron/core/providers/secret';
import type { ProviderSettings } from '../../electron/core/providers/settings';
import type { GenerateContext, GenerateRequest, ProviderDeps } from '../../electron/core/providers/types';

/** A key distinctive enough that finding it anywhere in output is proof of a leak. */
export const FAKE_KEY = 'sk-test-BOARDWRIGHT-9f8e7d6c5b4a-DO-NOT-LEAK';

/**
 * Provider dependencies for tests: sleeps are recorded, not waited (a 2 s Retry-After shows up as
 * 2000 in `sleeps`), the random source is fixed, and every log line is kept for the key scan.
 */
export function testDeps(options: { random?: number; sleep?: ProviderDeps['sleep'] } = {}) {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const deps: ProviderDeps = {
    sleep:
      options.sleep ??
      (async (ms, signal) => {
        if (signal.aborted) throw cancelled();
        sleeps.push(ms);
        await new Promise((r) => setImmediate(r));
        if (signal.aborted) throw cancelled();
      }),
    random: () => options.random ?? 0.5,
    log: (line) => logs.push(line),
  };
  return { deps, sleeps, logs };
}

/** A sleep that never ends unless cancelled: proves completion came from somewhere other than polling. */
export function stalledSleep(record: number[] = []): ProviderDeps['sleep'] {
  return (ms, signal) =>
    new Promise((_, reject) => {
      record.push(ms);
      if (signal.aborted) return reject(cancelled());
      signal.addEventListener('abort', () => reject(cancelled()), { once: true });
    });
}

export function testContext(options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const progress: number[] = [];
  const ctx: GenerateContext = {
    signal: options.signal ?? new AbortController().signal,
    timeoutMs: options.timeoutMs ?? 5_000,
    onProgress: (f) => progress.push(f),
  };
  return { ctx, progress };
}

export function settingsFor(baseUrl: string, extra: Partial<ProviderSettings> = {}, key: string | null = FAKE_KEY): ProviderSettings {
  return { baseUrl, ...(key ? { key: new Secret(key) } : {}), ...extra };
}

export function request(extra: Partial<GenerateRequest> = {}): GenerateRequest {
  return { prompt: 'Wide shot: MARA at the lighthouse door, storm behind her', count: 1, width: 1024, height: 576, aspectRatio: '16:9', ...extra };
}

/** The rejection of a promise, for asserting on ProviderError fields. */
export async function rejectionOf(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the promise to reject');
}
