import { redactAndClip, type ProviderError } from '../errors';
import type { HttpResult, ProviderHttp } from '../http';
import { googleRetryDelayMs } from '../retry';
import type { ProviderUsage } from '../types';

interface InlineData {
  mimeType?: string;
  data?: string;
}
interface Part {
  text?: string;
  thought?: boolean;
  inlineData?: InlineData;
  inline_data?: InlineData;
}
export interface GenerateContentResponse {
  candidates?: { content?: { parts?: Part[] }; finishReason?: string; finishMessage?: string }[];
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; totalTokenCount?: number };
  modelVersion?: string;
}

interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; details?: unknown[] };
}

/** Finish reasons that mean the content was refused (as opposed to the model simply failing). */
const REFUSALS = new Set(['SAFETY', 'PROHIBITED_CONTENT', 'BLOCKLIST', 'SPII', 'RECITATION', 'IMAGE_SAFETY', 'IMAGE_PROHIBITED_CONTENT', 'IMAGE_RECITATION']);

/** The final image of the first candidate, or the refusal or failure Gemini reported instead. */
export function readCandidate(http: ProviderHttp, res: HttpResult, body: GenerateContentResponse) {
  const block = body.promptFeedback?.blockReason;
  if (block) {
    const why = body.promptFeedback?.blockReasonMessage ? `${block}: ${body.promptFeedback.blockReasonMessage}` : block;
    throw http.statusError(res, `the prompt was blocked (${why})`, 'MODERATION');
  }
  const cand = body.candidates?.[0];
  if (!cand) throw http.error('BAD_RESPONSE', 'Gemini answered without a candidate image.', res);
  const parts = cand.content?.parts ?? [];
  // Thinking models send draft images marked `thought: true` before the answer: take the last real one.
  const image = parts
    .filter((p) => !p.thought)
    .map((p) => p.inlineData ?? p.inline_data)
    .filter((d) => d?.data)
    .at(-1);
  const text = parts.filter((p) => p.text && !p.thought).map((p) => p.text).join('\n').trim();
  const reason = cand.finishReason ?? '';
  if (REFUSALS.has(reason)) {
    const why = [reason, cand.finishMessage].filter(Boolean).join(': ');
    throw http.statusError(res, `no image (${why})`, 'MODERATION');
  }
  if (!image?.data) {
    const said = text ? ` It said: "${redactAndClip(text, http.id.secrets, 200)}"` : '';
    if (reason && reason !== 'STOP') {
      throw http.error('FAILED', `Gemini made no image (${[reason, cand.finishMessage].filter(Boolean).join(': ')}).${said}`, res);
    }
    throw http.error('BAD_RESPONSE', `Gemini answered without an image.${said}`, res);
  }
  const u = body.usageMetadata;
  const usage: ProviderUsage | undefined = u
    ? Object.fromEntries(
        Object.entries({ inputTokens: u.promptTokenCount, outputTokens: u.candidatesTokenCount, totalTokens: u.totalTokenCount }).filter(([, v]) => typeof v === 'number'),
      ) as ProviderUsage
    : undefined;
  return { image: { data: image.data, mimeType: image.mimeType }, text: text || undefined, usage, modelVersion: body.modelVersion };
}

/**
 * Reads `{error:{code,message,status,details}}`: a 429 with a per-day QuotaFailure is a spent quota,
 * otherwise its RetryInfo says how long to wait; an invalid key comes back as 400 API_KEY_INVALID.
 */
export function geminiError(http: ProviderHttp, res: HttpResult): ProviderError {
  const err = (http.tryJson(res) as GoogleErrorBody | undefined)?.error;
  const message = err?.message;
  const details = Array.isArray(err?.details) ? err.details : [];
  const reasons = details.map((d) => String((d as { reason?: string })?.reason ?? ''));
  if (reasons.includes('API_KEY_INVALID') || err?.status === 'UNAUTHENTICATED' || err?.status === 'PERMISSION_DENIED') {
    return http.statusError(res, message, 'AUTH');
  }
  if (res.status === 429 || err?.status === 'RESOURCE_EXHAUSTED') {
    const daily = perDayQuota(details);
    if (daily) return http.statusError(res, `${message ?? 'quota exceeded'} (quota ${daily})`, 'QUOTA_EXHAUSTED');
    return http.statusError(res, message, 'RATE_LIMITED', googleRetryDelayMs(details));
  }
  return http.statusError(res, message);
}

/** The quotaId of a per-day QuotaFailure violation, if any: that quota only resets tomorrow. */
function perDayQuota(details: unknown[]): string | undefined {
  for (const d of details) {
    const rec = d as { '@type'?: string; violations?: { quotaId?: string; quotaMetric?: string }[] };
    if (!String(rec?.['@type'] ?? '').endsWith('google.rpc.QuotaFailure')) continue;
    const v = (rec.violations ?? []).find((x) => /per ?day/i.test(x.quotaId ?? '') || /per ?day/i.test(x.quotaMetric ?? ''));
    if (v) return v.quotaId ?? v.quotaMetric;
  }
  return undefined;
}
