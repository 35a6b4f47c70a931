import { fakePng } from './fake-png';
import { FakeServer, hashString, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';
import { fieldsOf } from './multipart';

/**
 * Stability AI v2beta on loopback: POST /v2beta/stable-image/generate/{ultra|core|sd3} takes only
 * multipart; `Accept: image/*` gets bytes with finish-reason and seed headers, `application/json` gets
 * `{image, finish_reason, seed}`. Errors are `{id, name, errors[]}`.
 */
export class StabilityFake extends FakeServer {
  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v2beta\/stable-image\/generate\/(ultra|core|sd3)$/, (req, res) => this.generate(req, res), { scriptable: true });
    this.route('GET', /^\/v1\/user\/balance$/, (req, res) => (this.authorized(req, res) ? sendJson(res, 200, { credits: 42.5 }) : undefined));
  }

  /** The seed the fake picks when asked for seed 0 ("random"). */
  static randomSeedFor(prompt: string): number {
    return hashString(prompt) % 4294967294;
  }

  private authorized(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): boolean {
    if (req.headers.authorization === `Bearer ${this.key}`) return true;
    sendJson(res, 401, { id: 'e1d2c3', name: 'unauthorized', errors: ['authorization: invalid or missing header value'] });
    return false;
  }

  private async generate(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
    if (!this.authorized(req, res)) return;
    if (!String(req.headers['content-type']).startsWith('multipart/form-data')) {
      return sendJson(res, 400, { id: 'b4d', name: 'bad_request', errors: ['content-type: must be multipart/form-data'] });
    }
    const fields = fieldsOf(req.parts);
    if (!fields.prompt) return sendJson(res, 400, { id: 'b4d', name: 'bad_request', errors: ['prompt: cannot be empty'] });
    const seed = Number(fields.seed ?? 0) || StabilityFake.randomSeedFor(fields.prompt);
    const png = await fakePng(seed);
    if (String(req.headers.accept).includes('application/json')) {
      return sendJson(res, 200, { image: png.toString('base64'), finish_reason: 'SUCCESS', seed });
    }
    sendBytes(res, 200, png, { 'content-type': 'image/png', 'finish-reason': 'SUCCESS', seed: String(seed) });
  }
}

/** Stability's answers for the failure cases, in its own shapes. */
export const stabilityAnswers = {
  rateLimited: (headers: Record<string, string> = {}): Scripted => ({
    status: 429,
    headers,
    json: { id: 'r4t3', name: 'rate_limit_exceeded', errors: ['You have exceeded the rate limit of 150 requests within a 10 second period.'] },
  }),
  noCredits: (): Scripted => ({ status: 402, json: { id: 'p4y', name: 'payment_required', errors: ['You lack sufficient credits to make this request. Please purchase more credits.'] } }),
  moderation: (): Scripted => ({
    status: 403,
    json: { id: 'm0d', name: 'content_moderation', errors: ['Your request was flagged by our content moderation system, as a result your request was denied.'] },
  }),
  filtered: async (seed: number): Promise<Scripted> => ({ status: 200, headers: { 'content-type': 'image/png', 'finish-reason': 'CONTENT_FILTERED', seed: String(seed) }, body: await fakePng(seed) }),
  jsonAnswer: async (seed: number): Promise<Scripted> => ({ status: 200, json: { image: (await fakePng(seed)).toString('base64'), finish_reason: 'SUCCESS', seed } }),
  server: (status = 500): Scripted => ({ status, json: { id: 's3rv', name: 'internal_error', errors: ['An unexpected server error occurred, please try again.'] } }),
};
