import { describe, expect, it } from 'vitest';
import { ProviderError, redact } from '../../electron/core/providers/errors';
import {
  DEFAULT_RETRY,
  backoffMs,
  googleRetryDelayMs,
  isRetryableStatus,
  realSleep,
  retryAfterFromHeaders,
  retryDelayMs,
  shouldRetryHeader,
  withRetry,
} from '../../electron/core/providers/retry';
import { rejectionOf, testDeps } from '../fakes/provider-kit';

const now = Date.parse('2025-06-01T12:00:00Z');

describe('the shared retry policy', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    expect([400, 401, 403, 404, 408, 409, 422, 429, 500, 503].filter(isRetryableStatus)).toEqual([408, 409, 429, 500, 503]);
  });

  it('reads retry-after-ms first, then Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'Sun, 01 Jun 2025 12:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterFromHeaders(new Headers(), now)).toBeUndefined();
  });

  it('reads x-should-retry', () => {
    expect(shouldRetryHeader(new Headers({ 'x-should-retry': 'false' }))).toBe(false);
    expect(shouldRetryHeader(new Headers({ 'x-should-retry': 'true' }))).toBe(true);
    expect(shouldRetryHeader(new Headers())).toBeUndefined();
  });

  it('reads Gemini\'s google.rpc.RetryInfo retryDelay', () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] }, { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '47s' }];
    expect(googleRetryDelayMs(details)).toBe(47_000);
    expect(googleRetryDelayMs([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' }])).toBe(1500);
    expect(googleRetryDelayMs([])).toBeUndefined();
    expect(googleRetryDelayMs('nope')).toBeUndefined();
  });

  it('backs off exponentially from 0.5 s to at most 8 s, with up to 25 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffMs(n, DEFAULT_RETRY, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(0, DEFAULT_RETRY, () => 0.999)).toBeGreaterThanOrEqual(375);
  });

  it('uses a provider hint of 0-60 s, and falls back to backoff for longer ones', () => {
    const err = (ms: number) => new ProviderError('RATE_LIMITED', 'x', { retryAfterMs: ms });
    expect(retryDelayMs(err(47_000), 0, DEFAULT_RETRY, () => 0)).toBe(47_000);
    expect(retryDelayMs(err(0), 2, DEFAULT_RETRY, () => 0)).toBe(0);
    expect(retryDelayMs(err(3_600_000), 1, DEFAULT_RETRY, () => 0)).toBe(1000);
  });

  it('retries retryable failures, not final ones, and never a quota or moderation even when told to', async () => {
    const run = async (errors: ProviderError[]) => {
      const { deps, sleeps } = testDeps();
      let calls = 0;
      const result = await withRetry(
        async () => {
          const e = errors[calls++];
          if (e) throw e;
          return 'ok';
        },
        { label: 'Test', signal: new AbortController().signal, deps },
      ).catch((e) => e);
      return { result, calls, sleeps };
    };
    expect(await run([new ProviderError('SERVER', 'a', { status: 502 }), new ProviderError('NETWORK', 'b')])).toMatchObject({ result: 'ok', calls: 3 });
    expect(await run([new ProviderError('BAD_REQUEST', 'c', { status: 400, shouldRetry: true })])).toMatchObject({ result: 'ok', calls: 2 });
    expect(await run([new ProviderError('QUOTA_EXHAUSTED', 'd', { shouldRetry: true })])).toMatchObject({ calls: 1 });
    expect(await run([new ProviderError('MODERATION', 'e', { shouldRetry: true })])).toMatchObject({ calls: 1 });
    expect(await run([new ProviderError('TIMEOUT', 'f')])).toMatchObject({ calls: 1 });
  });

  it('a create is repeated only after a 429 or a connection never made; otherwise it fails once, marked maybeCreated', async () => {
    const run = async (failures: ProviderError[]) => {
      const { deps, sleeps } = testDeps();
      let calls = 0;
      const outcome = await withRetry(
        async () => {
          if (calls < failures.length) throw failures[calls++];
          calls++;
          return 'created';
        },
        { label: 'T', signal: new AbortController().signal, deps, create: true },
      ).catch((e) => e);
      return { outcome, calls, sleeps };
    };
    const refused = new ProviderError('NETWORK', 'refused', { reachedServer: false });
    const throttled = new ProviderError('RATE_LIMITED', 'slow down', { status: 429 });
    expect(await run([refused, throttled])).toMatchObject({ outcome: 'created', calls: 3 });
    for (const uncertain of [
      new ProviderError('SERVER', 'bad gateway', { status: 502 }),
      new ProviderError('NETWORK', 'socket hang up', { reachedServer: true }),
      new ProviderError('TIMEOUT', 'no answer'),
      new ProviderError('RATE_LIMITED', 'request timeout', { status: 408 }),
    ]) {
      const { outcome, calls, sleeps } = await run([uncertain]);
      expect(calls).toBe(1);
      expect(sleeps).toEqual([]);
      expect(outcome).toMatchObject({ kind: uncertain.kind, maybeCreated: true, retryable: false });
      expect(outcome.message).toContain('Not sent again');
    }
    const rejected = new ProviderError('BAD_REQUEST', 'bad input', { status: 422 });
    expect((await run([rejected])).outcome).toBe(rejected);
  });

  it('a cancel during the backoff wait ends the retries with CANCELLED', async () => {
    const ac = new AbortController();
    const err = await rejectionOf(
      withRetry(
        async () => {
          throw new ProviderError('SERVER', 'down', { status: 503, retryAfterMs: 60_000 });
        },
        { label: 'Test', signal: ac.signal, deps: { sleep: realSleep, random: () => 0, log: () => ac.abort() } },
      ),
    );
    expect(err.kind).toBe('CANCELLED');
  });

  it('the real sleep waits, and stops at once when cancelled', async () => {
    await realSleep(1, new AbortController().signal);
    const ac = new AbortController();
    const pending = realSleep(60_000, ac.signal);
    ac.abort();
    expect((await rejectionOf(pending)).kind).toBe('CANCELLED');
  });
});

describe('redaction', () => {
  it('removes every occurrence of a secret, URL-encoded ones and URL credentials too', () => {
    const key = 'sk-abc/def+ghi=123';
    const text = `bad key ${key} at https://user:pa55@host/x?key=${encodeURIComponent(key)} and again ${key}`;
    const out = redact(text, [key, undefined, '']);
    expect(out).toBe('bad key [redacted] at https://host/x?key=[redacted] and again [redacted]');
  });
});
