import type { ProviderError } from '../errors';
import type { HttpResult, ProviderHttp } from '../http';

interface OpenAIErrorBody {
  error?: { message?: string; type?: string; code?: string | null; param?: string | null };
}

const QUOTA_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached', 'billing_not_active']);
const MODERATION_CODES = new Set(['moderation_blocked', 'content_policy_violation']);

/** Reads `{"error":{"message","type","param","code"}}`: a 429 may be a spent quota, a 400 a safety refusal. */
export function openaiError(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as OpenAIErrorBody | undefined;
  const err = body?.error;
  const message = err?.message ?? (body === undefined ? undefined : JSON.stringify(body).slice(0, 200));
  const code = err?.code ?? '';
  const type = err?.type ?? '';
  if (QUOTA_CODES.has(code) || QUOTA_CODES.has(type)) return http.statusError(res, message, 'QUOTA_EXHAUSTED');
  if (MODERATION_CODES.has(code) || /safety system/i.test(message ?? '')) return http.statusError(res, message, 'MODERATION');
  return http.statusError(res, message);
}
