import { fakePng } from './fake-png';
import { FakeServer, hashString, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';
import { fieldsOf, filesOf } from './multipart';

/**
 * The fields each endpoint accepts per model, from OpenAI's OpenAPI spec (kept apart from the
 * adapter's own table on purpose). Anything else is refused as the real API does: "Unknown parameter".
 */
const GENERATIONS: Record<string, readonly string[]> = {
  'gpt-image': ['model', 'prompt', 'n', 'size', 'quality', 'output_format', 'output_compression', 'background', 'moderation', 'user', 'stream', 'partial_images'],
  'dall-e-3': ['model', 'prompt', 'n', 'size', 'quality', 'style', 'response_format', 'user'],
  'dall-e-2': ['model', 'prompt', 'n', 'size', 'response_format', 'user'],
};
const EDITS: Record<string, readonly string[]> = {
  'gpt-image': ['model', 'prompt', 'n', 'size', 'quality', 'output_format', 'output_compression', 'background', 'input_fidelity', 'user', 'stream', 'partial_images', 'mask'],
  'dall-e-2': ['model', 'prompt', 'n', 'size', 'response_format', 'user', 'mask'],
};
const family = (model: string) => (model === 'dall-e-3' || model === 'dall-e-2' ? model : model.startsWith('gpt-image') ? 'gpt-image' : null);
const invalid = (message: string, param: string | null, code: string) => ({ error: { message, type: 'invalid_request_error', param, code } });

/**
 * OpenAI Images on loopback: /v1/images/generations (JSON) and /v1/images/edits (multipart), b64_json
 * answers with usage, errors in `{"error":{message,type,param,code}}`. Base URL for adapters: `${url}/v1`.
 */
export class OpenAIFake extends FakeServer {
  /** Answer dall-e style with image URLs on this server instead of b64_json. */
  answerWithUrls = false;
  /** Models this account may not use until its organization is verified (403, as OpenAI answers). */
  readonly unverifiedModels = new Set<string>();
  /**
   * Echo the request back in a 401 after this many characters of padding, as a careless proxy does:
   * the key then sits wherever a shortened message would cut it.
   */
  echoAfter: number | null = null;

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
    if (this.echoAfter !== null) {
      const auth = String(req.headers.authorization);
      const message = `${'.'.repeat(this.echoAfter)}${auth.replace('Bearer ', '')} is not valid; you sent ${req.method} ${req.path} with authorization: ${auth}`;
      sendJson(res, 401, { error: { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
      return false;
    }
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
    const refusal = this.refusal(req, fields);
    if (refusal) return sendJson(res, refusal.status, refusal.body);
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

  /** What the real endpoint refuses: a model it does not serve, a field it does not know, too many images. */
  private refusal(req: RecordedRequest, fields: Record<string, unknown>): { status: number; body: unknown } | null {
    const model = String(fields.model ?? 'dall-e-2');
    const edit = req.path.endsWith('/edits');
    const fam = family(model);
    const accepted = fam ? (edit ? EDITS : GENERATIONS)[fam] : undefined;
    if (!accepted) {
      const which = edit ? "'gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5' and 'dall-e-2'" : "'gpt-image-1', 'gpt-image-1-mini', 'gpt-image-1.5', 'dall-e-2' and 'dall-e-3'";
      return { status: 400, body: invalid(`Invalid value: '${model}'. Supported values are: ${which}.`, 'model', 'invalid_value') };
    }
    const unknown = Object.keys(fields).find((k) => !accepted.includes(k));
    if (unknown) return { status: 400, body: invalid(`Unknown parameter: '${unknown}'.`, unknown, 'unknown_parameter') };
    if (this.unverifiedModels.has(model)) {
      const message = `Your organization must be verified to use the model \`${model}\`. Please go to: https://platform.openai.com/settings/organization/general and click on Verify Organization. If you just verified, it can take up to 15 minutes for access to propagate.`;
      return { status: 403, body: { error: { message, type: 'invalid_request_error', param: null, code: null } } };
    }
    if (edit) {
      const images = filesOf(req.parts).filter((f) => f.name !== 'mask');
      const field = fam === 'dall-e-2' ? 'image' : 'image[]';
      if (images.some((f) => f.name !== field)) return { status: 400, body: invalid(`Unknown parameter: '${images.find((f) => f.name !== field)!.name}'.`, 'image', 'unknown_parameter') };
      const max = fam === 'dall-e-2' ? 1 : 16;
      if (images.length === 0 || images.length > max) {
        return { status: 400, body: invalid(`Invalid 'image': ${model} takes ${max === 1 ? 'exactly one image' : `1 to ${max} images`}, got ${images.length}.`, 'image', 'invalid_value') };
      }
    }
    return null;
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
