import { ProviderError, cancelled, redact, redactAndClip, type ProviderErrorKind } from './errors';
import { retryAfterFromHeaders, shouldRetryHeader } from './retry';
import type { GenerateContext, ProviderDeps } from './types';

export interface HttpCall {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** JSON-encoded with content-type application/json. */
  json?: unknown;
  /** Sent as is (FormData makes fetch write multipart with its own boundary). */
  body?: string | FormData;
  /** Overrides the context's timeout for this call (cancel requests after an abort use a short one). */
  timeoutMs?: number;
  /** Sent even when the context is cancelled: the cleanup calls (Replicate cancel, ComfyUI interrupt). */
  ignoreCancel?: boolean;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** Which key the filmmaker should check, named in AUTH messages ("OPENAI_API_KEY"). */
export interface HttpIdentity {
  label: string;
  keyHint: string;
  secrets: readonly (string | undefined)[];
}

/**
 * One HTTP conversation with a provider on behalf of one generation: every exchange is bounded by
 * the context's timeout and cancel signal, and every message it produces is scrubbed of secrets.
 */
export class ProviderHttp {
  constructor(
    readonly id: HttpIdentity,
    private readonly ctx: Pick<GenerateContext, 'signal' | 'timeoutMs'>,
    private readonly deps: Pick<ProviderDeps, 'log'>,
  ) {}

  get signal(): AbortSignal {
    return this.ctx.signal;
  }

  async send(call: HttpCall): Promise<HttpResult> {
    if (this.ctx.signal.aborted && !call.ignoreCancel) throw cancelled();
    const timeoutMs = call.timeoutMs ?? this.ctx.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.ignoreCancel ? timeout : AbortSignal.any([this.ctx.signal, timeout]);
    const headers: Record<string, string> = { ...call.headers };
    let body = call.body;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    const where = this.redact(`${call.method} ${call.url}`);
    try {
      const res = await fetch(call.url, { method: call.method, headers, body, signal, redirect: 'follow' });
      const buf = Buffer.from(await res.arrayBuffer());
      this.deps.log(`${this.id.label}: ${where} -> ${res.status}`);
      return { status: res.status, headers: res.headers, body: buf };
    } catch (e) {
      if (this.ctx.signal.aborted && !call.ignoreCancel) throw cancelled();
      if (timeout.aborted) {
        this.deps.log(`${this.id.label}: ${where} timed out after ${timeoutMs} ms`);
        throw this.error('TIMEOUT', `${this.id.label} did not answer within ${formatSeconds(timeoutMs)}. Check the connection, or try again later.`);
      }
      const code = networkCode(e);
      this.deps.log(`${this.id.label}: ${where} failed (${code})`);
      const message = `Could not reach ${this.id.label} at ${this.redact(origin(call.url))} (${code}).${isLocal(call.url) ? ' Is it running?' : ''}`;
      throw new ProviderError('NETWORK', this.redact(message), { reachedServer: !NEVER_CONNECTED.has(code) });
    }
  }

  /** Parses a JSON body, or fails with BAD_RESPONSE naming what came back instead. */
  json<T = unknown>(res: HttpResult): T {
    try {
      return JSON.parse(res.body.toString('utf8')) as T;
    } catch {
      const ct = res.headers.get('content-type') ?? 'no content type';
      throw this.error('BAD_RESPONSE', `${this.id.label} sent a reply that is not valid JSON (${ct}, ${res.body.length} bytes).`, res);
    }
  }

  /** Like json() but never throws: for error bodies that may be HTML from a proxy. */
  tryJson(res: HttpResult): unknown {
    try {
      return JSON.parse(res.body.toString('utf8'));
    } catch {
      return undefined;
    }
  }

  error(kind: ProviderErrorKind, message: string, res?: HttpResult, retryAfterMs?: number): ProviderError {
    return new ProviderError(kind, this.redact(message), {
      status: res?.status,
      retryAfterMs: retryAfterMs ?? (res ? retryAfterFromHeaders(res.headers) : undefined),
      shouldRetry: res ? shouldRetryHeader(res.headers) : undefined,
      requestId: res?.headers.get('x-request-id') ?? undefined,
    });
  }

  /**
   * The usual reading of an HTTP error status; adapters pass `kind` when the body says more
   * (a 429 that is really a spent quota, a 400 that is a moderation refusal).
   */
  statusError(res: HttpResult, providerMessage: string | undefined, kind?: ProviderErrorKind, retryAfterMs?: number): ProviderError {
    const k = kind ?? kindOfStatus(res.status);
    const said = providerMessage ? `: ${redactAndClip(providerMessage, this.id.secrets)}` : '';
    const s = res.status;
    const label = this.id.label;
    const text: Record<ProviderErrorKind, string> = {
      AUTH: `${label} refused the key (${s})${said}. Check ${this.id.keyHint}.`,
      RATE_LIMITED: `${label} is limiting how fast requests can be sent (${s})${said}.`,
      QUOTA_EXHAUSTED: `${label}: the account's quota or credit is used up (${s})${said}. Not retried: top up, or wait for the quota to reset.`,
      MODERATION: `${label} refused this prompt or image for safety reasons${said}. Rephrase the prompt and try again.`,
      SERVER: `${label} had a server error (${s})${said}.`,
      NETWORK: `${label} could not be reached (${s})${said}.`,
      TIMEOUT: `${label} timed out (${s})${said}.`,
      BAD_RESPONSE: `${label} sent an unexpected reply (${s})${said}.`,
      BAD_REQUEST: `${label} rejected the request (${s})${said}.`,
      FAILED: `${label} could not make the image (${s})${said}.`,
      CANCELLED: 'Generation cancelled.',
      CONFIG: `${label} is not set up (${s})${said}.`,
      EXPIRED: `${label} no longer has this result (${s})${said}: it keeps results for a limited time.`,
    };
    return this.error(k, text[k], res, retryAfterMs);
  }

  redact(text: string): string {
    return redact(text, this.id.secrets);
  }
}

/** Failures to open a connection at all: the request cannot have reached the server. */
const NEVER_CONNECTED: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'AUTH';
  if (status === 402) return 'QUOTA_EXHAUSTED';
  if (status === 408 || status === 409 || status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'SERVER';
  return 'BAD_REQUEST';
}

export const isOk = (res: HttpResult): boolean => res.status >= 200 && res.status < 300;

function networkCode(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (e as Error)?.message ?? 'network error';
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function isLocal(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

const formatSeconds = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`);
