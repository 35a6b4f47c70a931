import { redactAndClip, type ProviderError } from '../errors';
import type { HttpResult, ProviderHttp } from '../http';

interface OpenAIErrorBody {
  error?: { message?: string; type?: string; code?: string | null; param?: string | null };
}

const QUOTA_CODES = new Set(['insufficient_quota', 'billing_hard_limit_reached', 'billing_not_active']);
/** "Your organization must be verified to use the model `gpt-image-1`. Please go to: ..." */
const VERIFICATION = /organization must be verified|verify (your )?organization/i;
const MODERATION_CODES = new Set(['moderation_blocked', 'content_policy_violation']);

/** Reads `{"error":{"message","type","param","code"}}`: a 429 may be a spent quota, a 400 a safety refusal. */
export function openaiError(http: ProviderHttp, res: HttpResult): ProviderError {
  const body = http.tryJson(res) as OpenAIErrorBody | undefined;
  const err = body?.error;
  const message = err?.message ?? (body === undefined ? undefined : JSON.stringify(body));
  const code = err?.code ?? '';
  const type = err?.type ?? '';
  if (res.status === 403 && VERIFICATION.test(message ?? '')) {
    // Not a bad key: the key works, but this model is only for verified organizations.
    const said = redactAndClip(message ?? '', http.id.secrets);
    return http.error('CONFIG', `${http.id.label} accepted the key, but the model needs a verified organization (403): ${said} Verify the organization, or choose another model in Settings.`, res);
  }
  if (QUOTA_CODES.has(code) || QUOTA_CODES.has(type)) return http.statusError(res, message, 'QUOTA_EXHAUSTED');
  if (MODERATION_CODES.has(code) || /safety system/i.test(message ?? '')) return http.statusError(res, message, 'MODERATION');
  return http.statusError(res, message);
}
