import { fakePng } from './fake-png';
import { FakeServer, hashString, sendJson, type RecordedRequest, type Scripted } from './fake-server';

const QUOTA_FAILURE = 'type.googleapis.com/google.rpc.QuotaFailure';
const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';

/**
 * The Gemini API on loopback: POST /v1beta/models/{model}:generateContent with `x-goog-api-key`,
 * one image per call as inlineData next to a text part; errors as `{error:{code,message,status,details}}`.
 */
export class GeminiFake extends FakeServer {
  private calls = 0;
  /** Interim "thought" images sent before the answer, as thinking image models (gemini-3-pro-image) do. */
  thoughtDrafts = 0;

  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v1beta\/models\/[^/:]+:generateContent$/, (req, res) => this.generate(req, res), { scriptable: true });
    this.route('GET', /^\/v1beta\/models\/[^/:]+$/, (req, res) =>
      this.authorized(req, res) ? sendJson(res, 200, { name: req.path.slice('/v1beta/'.length), supportedGenerationMethods: ['generateContent'] }) : undefined,
    );
  }

  /** The seed behind the fake's image number `call` (0-based, counting every successful call) for a prompt. */
  static seedFor(prompt: string, call: number): number {
    return (hashString(prompt) ^ (call * 7919)) >>> 0;
  }

  /** The seed of thought draft i. */
  static draftSeed(i: number): number {
    return 900_000 + i;
  }

  private authorized(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): boolean {
    if (req.headers['x-goog-api-key'] === this.key) return true;
    sendJson(res, 400, {
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } }],
      },
    });
    return false;
  }

  private async generate(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
    if (!this.authorized(req, res)) return;
    const prompt = String(req.json?.contents?.[0]?.parts?.[0]?.text ?? '');
    const png = await fakePng(GeminiFake.seedFor(prompt, this.calls++));
    const drafts = [];
    for (let i = 0; i < this.thoughtDrafts; i++) {
      const draft = await fakePng(GeminiFake.draftSeed(i));
      drafts.push({ text: `Sketching the composition, pass ${i + 1}.`, thought: true }, { inlineData: { mimeType: 'image/png', data: draft.toString('base64') }, thought: true });
    }
    sendJson(res, 200, {
      candidates: [
        {
          content: { role: 'model', parts: [...drafts, { text: 'Here is the storyboard frame.' }, { inlineData: { mimeType: 'image/png', data: png.toString('base64') } }] },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 1290, totalTokenCount: 1310 },
      modelVersion: req.path.split('/').pop()!.split(':')[0],
    });
  }
}

const exhausted = (quotaId: string, extra: unknown[] = []): Scripted => ({
  status: 429,
  json: {
    error: {
      code: 429,
      message: `You exceeded your current quota, please check your plan and billing details. Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10`,
      status: 'RESOURCE_EXHAUSTED',
      details: [
        { '@type': QUOTA_FAILURE, violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId, quotaDimensions: { model: 'gemini-2.5-flash-image' } }] },
        { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
        ...extra,
      ],
    },
  },
});

/** Gemini's answers for the failure cases, in its own shapes. */
export const geminiAnswers = {
  /** A per-minute quota: RetryInfo says when to come back. */
  rateLimited: (retryDelay = '47s'): Scripted => exhausted('GenerateRequestsPerMinutePerProjectPerModel-FreeTier', [{ '@type': RETRY_INFO, retryDelay }]),
  /** A per-day quota: do not retry today, even though RetryInfo is present. */
  perDayQuota: (): Scripted => exhausted('GenerateRequestsPerDayPerProjectPerModel-FreeTier', [{ '@type': RETRY_INFO, retryDelay: '3s' }]),
  permissionDenied: (): Scripted => ({ status: 403, json: { error: { code: 403, message: 'Method doesn\'t allow unregistered callers.', status: 'PERMISSION_DENIED' } } }),
  server: (status = 503): Scripted => ({
    status,
    json: { error: { code: status, message: status === 503 ? 'The model is overloaded. Please try again later.' : 'Internal error encountered.', status: status === 503 ? 'UNAVAILABLE' : 'INTERNAL' } },
  }),
  blockedPrompt: (): Scripted => ({ status: 200, json: { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 12, totalTokenCount: 12 } } }),
  imageSafety: (): Scripted => ({
    status: 200,
    json: {
      candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY', finishMessage: 'Unable to show the generated image: it may violate the policy on violent content.', index: 0 }],
    },
  }),
  noImage: (): Scripted => ({
    status: 200,
    json: { candidates: [{ content: { role: 'model', parts: [{ text: 'I can only describe this scene in words.' }] }, finishReason: 'NO_IMAGE', index: 0 }] },
  }),
};
