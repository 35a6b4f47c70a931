import { fakePng } from './fake-png';
import { FakeServer, hashString, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';
import { fieldsOf } from './multipart';

/**
 * OpenAI Images on loopback: /v1/images/generations (JSON) and /v1/images/edits (multipart), b64_json
 * answers with usage, errors in `{"error":{message,type,param,code}}`. Base URL for adapters: `${url}/v1`.
 */
export class OpenAIFake extends FakeServer {
  /** Answer dall-e style with image URLs on this server instead of b64_json. */
  answerWithUrls = false;

  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v1\/images\/(generations|edits)$/, (req, res) => this.images(req, res), { scriptable: true });
    this.route('GET', /^\/v1\/models$/, (req, res) => (this.authorized(req, res) ? sendJson(res, 200, { object: 'list', data: [{ id: 'gpt-image-1' }] }) : undefined));
    this.route('GET', /^\/files\/\d+\.png$/, async (req, res) => sendBytes(res, 200, await fakePng(Number(/(\d+)/.exec(req.path)![1])), { 'content-type': 'image/png' }));
  }

  get baseUrl(): string {
    return `${this.url}/v1`;
  }

  /** The seed the fake used for image i of a prompt: deterministic, so tests can compare bytes. */
  static seedFor(prompt: string, i: number): number {
    return (hashString(prompt) + i) >>> 0;
  }

  private authorized(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): boolean {
    if (req.headers.authorization === `Bearer ${this.key}`) return true;
    // Echoes the key it was given, as a careless proxy might: the adapter must redact it.
    sendJson(res, 401, {
      error: { message: `Incorrect API key provided: ${String(req.headers.authorization).replace('Bearer ', '')}.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    }, { 'x-request-id': 'req_fake401' });
    return false;
  }

  private async images(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
    if (!this.authorized(req, res)) return;
    const fields = req.json ?? fieldsOf(req.parts);
    const n = Number(fields.n ?? 1);
    const prompt = String(fields.prompt ?? '');
    const data = [];
    for (let i = 0; i < n; i++) {
      const seed = OpenAIFake.seedFor(prompt, i);
      data.push(this.answerWithUrls ? { url: `${this.url}/files/${seed}.png`, revised_prompt: `${prompt} (revised)` } : { b64_json: (await fakePng(seed)).toString('base64') });
    }
    sendJson(res, 200, {
      created: 1_700_000_000,
      data,
      output_format: 'png',
      size: fields.size,
      usage: { input_tokens: 50 * n, output_tokens: 100 * n, total_tokens: 150 * n, input_tokens_details: { text_tokens: 50 * n, image_tokens: 0 } },
    }, { 'x-request-id': 'req_fake200' });
  }
}

/** OpenAI's answers for the failure cases, in its own shapes. */
export const openaiAnswers = {
  rateLimited: (headers: Record<string, string>): Scripted => ({
    status: 429,
    headers,
    json: { error: { message: 'Rate limit reached for images per min. Please try again in 2s.', type: 'requests', param: null, code: 'rate_limit_exceeded' } },
  }),
  quota: (): Scripted => ({
    status: 429,
    json: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } },
  }),
  moderation: (): Scripted => ({
    status: 400,
    json: {
      error: { message: 'Your request was rejected by the safety system. safety_violations=[violence].', type: 'image_generation_user_error', param: null, code: 'moderation_blocked' },
    },
  }),
  server: (status = 500): Scripted => ({ status, json: { error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } } }),
};
