import { CoreError } from '../errors';
import type { ErrorCode } from '../../../shared/api/result';

/**
 * Why a generation failed, in terms the job queue acts on: retry (RATE_LIMITED, SERVER, NETWORK),
 * stop and tell the filmmaker (everything else).
 */
export type ProviderErrorKind =
  | 'AUTH' // 401/403: the key is wrong or lacks access
  | 'RATE_LIMITED' // 429 (and 408/409): wait and retry
  | 'QUOTA_EXHAUSTED' // spent credit or a per-day quota: never retry
  | 'MODERATION' // the provider refused the content: never retry, show its reason
  | 'SERVER' // 5xx: retry
  | 'NETWORK' // could not connect (refused, reset, DNS): retry
  | 'TIMEOUT' // a hung connection
  | 'BAD_RESPONSE' // malformed JSON, no image where one was promised
  | 'BAD_REQUEST' // 400/404/422: the provider rejected a parameter or model name
  | 'FAILED' // the provider ran the job and it failed (ComfyUI node error, Replicate "failed")
  | 'CANCELLED'
  | 'CONFIG' // missing key, URL or workflow
  | 'EXPIRED'; // a finished result the provider no longer keeps (403/404 on its download)

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['RATE_LIMITED', 'SERVER', 'NETWORK']);
/** Never retried, whatever `x-should-retry` says: retrying cannot help and may cost money. */
const FINAL: ReadonlySet<ProviderErrorKind> = new Set(['QUOTA_EXHAUSTED', 'MODERATION', 'CANCELLED', 'CONFIG', 'AUTH', 'EXPIRED']);

/** The shared ErrorCode the API envelope carries; `kind` keeps the precise reason. */
const CODE_OF_KIND: Record<ProviderErrorKind, ErrorCode> = {
  AUTH: 'FORBIDDEN',
  CONFIG: 'BAD_INPUT',
  BAD_REQUEST: 'BAD_INPUT',
  CANCELLED: 'CANCELLED',
  RATE_LIMITED: 'UNSUPPORTED',
  QUOTA_EXHAUSTED: 'UNSUPPORTED',
  MODERATION: 'UNSUPPORTED',
  SERVER: 'UNSUPPORTED',
  NETWORK: 'UNSUPPORTED',
  TIMEOUT: 'UNSUPPORTED',
  BAD_RESPONSE: 'UNSUPPORTED',
  FAILED: 'UNSUPPORTED',
  EXPIRED: 'UNSUPPORTED',
};

export interface ProviderErrorDetails {
  status?: number;
  /** A wait the provider asked for (Retry-After, retry-after-ms, Gemini RetryInfo). */
  retryAfterMs?: number;
  /** `x-should-retry` said so explicitly (true/false), overriding the kind. */
  shouldRetry?: boolean;
  /** The provider's own request id, for a support ticket. */
  requestId?: string;
  /** NETWORK only: false when the connection was never made (refused, no such host), so nothing reached the server. */
  reachedServer?: boolean;
  /** A create failed in a way that may still have created the job on the provider: it must not be sent again. */
  maybeCreated?: boolean;
}

export class ProviderError extends CoreError {
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly requestId?: string;
  readonly reachedServer?: boolean;
  readonly maybeCreated?: boolean;
  private readonly shouldRetry?: boolean;

  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    details: ProviderErrorDetails = {},
  ) {
    super(CODE_OF_KIND[kind], message);
    this.name = 'ProviderError';
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.requestId = details.requestId;
    this.shouldRetry = details.shouldRetry;
    this.reachedServer = details.reachedServer;
    this.maybeCreated = details.maybeCreated;
  }

  get retryable(): boolean {
    if (FINAL.has(this.kind)) return false;
    return this.shouldRetry ?? RETRYABLE.has(this.kind);
  }
}

export const isProviderError = (e: unknown): e is ProviderError => e instanceof ProviderError;

export const cancelled = (): ProviderError => new ProviderError('CANCELLED', 'Generation cancelled.');

/** Shortest run of a key's first characters that counts as (part of) that key. */
const MIN_KEY_PREFIX = 8;

/** Values that are credentials whatever they are, configured or not: auth schemes, key parameters, Google's header. */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1[redacted]'],
  [/\b(authorization["']?\s*[:=]\s*["']?(?:Basic|Token)\s+)[^"'\s,;}]+/gi, '$1[redacted]'],
  [/\b((?:api[_-]?)?key|access_token|token)=[^&\s"',;)]+/gi, '$1=[redacted]'],
  [/\b(x-goog-api-key["']?\s*[:=]\s*["']?)[^"'\s,;}]+/gi, '$1[redacted]'],
];

/**
 * Removes every secret (keys, Basic-auth passwords) from text that may reach the user or a log:
 * each configured secret, any run of 8+ characters that starts one (a key cut short by an earlier
 * shortening), and any Bearer/Basic/key=/x-goog-api-key value. Also strips user:pass@ from URLs,
 * since A1111 credentials ride in its URL. Call it before shortening, never after.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1');
  for (const s of secrets) {
    if (!s || s.length < 4) continue;
    for (const form of new Set([s, encodeURIComponent(s)])) out = removeKey(out, form);
  }
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Replaces the key and every run of at least MIN_KEY_PREFIX characters that is a prefix of it. */
function removeKey(text: string, key: string): string {
  let out = text.split(key).join('[redacted]');
  if (key.length < MIN_KEY_PREFIX) return out;
  const head = key.slice(0, MIN_KEY_PREFIX);
  for (let at = out.indexOf(head); at >= 0; at = out.indexOf(head, at + 1)) {
    let end = at + MIN_KEY_PREFIX;
    while (end < out.length && end - at < key.length && out[end] === key[end - at]) end++;
    out = `${out.slice(0, at)}[redacted]${out.slice(end)}`;
  }
  return out;
}

/** Shortens a provider's message to something that fits in a toast. Redact first: a cut key no longer matches. */
export function clip(text: string, max = 300): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Redacts, then shortens: the only safe order. */
export const redactAndClip = (text: string, secrets: readonly (string | undefined)[], max?: number): string => clip(redact(text, secrets), max);
