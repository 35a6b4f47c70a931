import { fakePng } from './fake-png';
import { FakeServer, hashString, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';

type Status = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';
interface FakePrediction {
  id: string;
  model: string;
  version: string;
  createdAt: string;
  /** Inputs the model does not declare: Replicate drops them without a word. */
  ignored: string[];
  status: Status;
  seed: number;
  pollsLeft: number;
  input: Record<string, unknown>;
  logs: string;
  error: string | null;
  output: string[] | null;
}

const FLUX_COMMON = ['prompt', 'aspect_ratio', 'num_outputs', 'output_format', 'output_quality', 'seed', 'disable_safety_checker', 'go_fast', 'megapixels'];
/** The inputs a few models declare in their OpenAPI schema (as GET /v1/models/... returns it). */
export const MODEL_INPUTS: Record<string, string[]> = {
  'black-forest-labs/flux-schnell': [...FLUX_COMMON, 'num_inference_steps'],
  'black-forest-labs/flux-dev': [...FLUX_COMMON, 'image', 'prompt_strength', 'num_inference_steps', 'guidance'],
  'kwaivgi/kling-v2.1': ['prompt', 'negative_prompt', 'start_image', 'duration', 'aspect_ratio', 'cfg_scale'],
  'stability-ai/sdxl': ['prompt', 'negative_prompt', 'image', 'mask', 'width', 'height', 'num_outputs', 'scheduler', 'num_inference_steps', 'guidance_scale', 'prompt_strength', 'seed', 'refine'],
};
export const SDXL_VERSION = '7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc';

const schemaOf = (inputs: string[]) => ({
  openapi: '3.0.2',
  components: { schemas: { Input: { type: 'object', required: ['prompt'], properties: Object.fromEntries(inputs.map((n, i) => [n, { title: n, 'x-order': i }])) } } },
});

/**
 * Replicate on loopback: predictions created with `Prefer: wait`, polled with GET /v1/predictions/{id},
 * cancelled with POST .../cancel; outputs are URLs on a second server (another origin, like
 * replicate.delivery) that must never see the token. Errors are RFC 7807 problem details.
 */
export class ReplicateFake extends FakeServer {
  /** How many polls answer "processing" before the end; 0 means the create answer is already final. */
  pollsBeforeDone = 0;
  /** How predictions end: succeeded, or failed with this error text. */
  failWith: string | null = null;
  /** End predictions as `aborted` (stopped before they started), with this error text. */
  abortWith: string | null = null;
  /**
   * What happens to the next creates after the prediction exists: a 502 from a proxy, or a dropped
   * connection. The prediction is created (and billed) either way, as on the real service.
   */
  readonly afterCreate: ('502' | 'drop')[] = [];
  readonly cdn = new FakeServer();
  readonly predictions = new Map<string, FakePrediction>();
  /** What the file host serves for a video model's output (set by video tests). */
  videoClip: Buffer = Buffer.alloc(0);
  /** The file host has deleted the outputs (an hour after the prediction, on the real service). */
  outputsDeleted = false;
  private nextId = 1;

  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v1\/(models\/[\w.-]+\/[\w.-]+\/)?predictions$/, (req, res) => this.create(req, res), { scriptable: true });
    this.route('GET', /^\/v1\/predictions\/[\w-]+$/, (req, res) => this.poll(req, res), { scriptable: true });
    this.route('POST', /^\/v1\/predictions\/[\w-]+\/cancel$/, (req, res) => this.cancel(req, res));
    this.route('GET', /^\/v1\/predictions$/, (req, res) => this.list(req, res));
    this.route('GET', /^\/v1\/models\/[\w.-]+\/[\w.-]+(\/versions\/\w+)?$/, (req, res) => this.model(req, res));
    this.route('GET', /^\/v1\/account$/, (req, res) => (this.authorized(req, res) ? sendJson(res, 200, { type: 'user', username: 'storyboarder', name: 'Story Boarder' }) : undefined));
    this.cdn.route('GET', /^\/delivery\/\d+\.mp4$/, (_req, res) =>
      this.outputsDeleted ? sendBytes(res, 404, Buffer.from('Not Found'), { 'content-type': 'text/plain' }) : sendBytes(res, 200, this.videoClip, { 'content-type': 'video/mp4' }),
    );
    this.cdn.route('GET', /^\/delivery\/\d+\.png$/, async (req, res) => sendBytes(res, 200, await fakePng(Number(/(\d+)/.exec(req.path)![1])), { 'content-type': 'image/png' }));
  }

  override async start(port = 0): Promise<string> {
    if (!this.cdn.raw.listening) await this.cdn.start();
    return super.start(port);
  }

  override async stop(): Promise<void> {
    await this.cdn.stop();
    await super.stop();
  }

  static seedFor(prompt: string): number {
    return hashString(prompt) % 1_000_000;
  }

  private authorized(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): boolean {
    if (req.headers.authorization === `Bearer ${this.key}`) return true;
    sendJson(res, 401, { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 }, { 'content-type': 'application/problem+json' });
    return false;
  }

  private view(p: FakePrediction) {
    return {
      id: p.id,
      model: p.model,
      version: p.version,
      created_at: p.createdAt,
      input: p.input,
      logs: p.logs,
      output: p.status === 'succeeded' ? p.output : null,
      error: p.error,
      status: p.status,
      metrics: p.status === 'succeeded' ? { predict_time: 1.25 } : {},
      urls: { get: `${this.url}/v1/predictions/${p.id}`, cancel: `${this.url}/v1/predictions/${p.id}/cancel` },
    };
  }

  private finish(p: FakePrediction): void {
    if (this.abortWith) {
      p.status = 'aborted';
      p.error = this.abortWith;
    } else if (this.failWith) {
      p.status = 'failed';
      p.error = this.failWith;
    } else {
      p.status = 'succeeded';
      p.output = [`${this.cdn.url}/delivery/${p.seed}.${p.model.startsWith('kwaivgi/') ? 'mp4' : 'png'}`];
    }
    p.logs += `100%|██████████| 4/4\n`;
  }

  private create(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    if (!this.authorized(req, res)) return;
    const version = req.json?.version as string | undefined;
    const model = version ? (Object.keys(MODEL_INPUTS).find((m) => version === SDXL_VERSION && m === 'stability-ai/sdxl') ?? 'unknown/model') : req.path.split('/').slice(3, 5).join('/');
    const declared = MODEL_INPUTS[model];
    if (!declared) return sendJson(res, 404, { title: 'Not found', detail: 'The requested resource could not be found.', status: 404 });
    const sent = (req.json?.input ?? {}) as Record<string, unknown>;
    if (typeof sent.prompt !== 'string') return sendJson(res, 422, { title: 'Input validation failed', detail: '- input: prompt is required', status: 422 });
    const input = Object.fromEntries(Object.entries(sent).filter(([k]) => declared.includes(k)));
    const ignored = Object.keys(sent).filter((k) => !declared.includes(k));
    const seed = typeof input.seed === 'number' ? input.seed : ReplicateFake.seedFor(sent.prompt);
    const p: FakePrediction = {
      id: `pred${this.nextId++}`,
      model,
      // Official models run through the model endpoint do not publish their version.
      version: version ?? 'hidden',
      createdAt: new Date().toISOString(),
      ignored,
      status: 'starting',
      seed,
      pollsLeft: this.pollsBeforeDone,
      input: sent,
      logs: `Using seed: ${seed}\n`,
      error: null,
      output: null,
    };
    this.predictions.set(p.id, p);
    if (p.pollsLeft === 0) this.finish(p);
    const after = this.afterCreate.shift();
    if (after === 'drop') return void res.socket?.destroy();
    if (after === '502') return sendBytes(res, 502, Buffer.from('<html><body>502 Bad Gateway</body></html>'), { 'content-type': 'text/html' });
    sendJson(res, 201, this.view(p));
  }

  /** GET /v1/predictions: the account's predictions, newest first. */
  private list(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    if (!this.authorized(req, res)) return;
    sendJson(res, 200, { next: null, previous: null, results: [...this.predictions.values()].reverse().map((p) => ({ ...this.view(p), source: 'api' })) });
  }

  /** GET /v1/models/{owner}/{name} (latest_version with its schema) or .../versions/{id}. */
  private model(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    if (!this.authorized(req, res)) return;
    const [, , , owner, name, , version] = req.path.split('/');
    const inputs = MODEL_INPUTS[`${owner}/${name}`];
    if (!inputs || (version && !(owner === 'stability-ai' && version === SDXL_VERSION))) {
      return sendJson(res, 404, { title: 'Not found', detail: 'The requested resource could not be found.', status: 404 });
    }
    const v = { id: version ?? 'hidden', created_at: '2024-08-01T00:00:00Z', cog_version: '0.9.13', openapi_schema: schemaOf(inputs) };
    sendJson(res, 200, version ? v : { url: `https://replicate.com/${owner}/${name}`, owner, name, visibility: 'public', latest_version: v });
  }

  private poll(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    if (!this.authorized(req, res)) return;
    const p = this.predictions.get(req.path.split('/').pop()!);
    if (!p) return sendJson(res, 404, { title: 'Not found', detail: 'Prediction not found', status: 404 });
    if (p.status === 'starting' || p.status === 'processing') {
      p.pollsLeft--;
      if (p.pollsLeft <= 0) this.finish(p);
      else {
        p.status = 'processing';
        p.logs += ` 50%|█████     | 2/4\n`;
      }
    }
    sendJson(res, 200, this.view(p));
  }

  private cancel(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    if (!this.authorized(req, res)) return;
    const p = this.predictions.get(req.path.split('/')[3]);
    if (!p) return sendJson(res, 404, { title: 'Not found', detail: 'Prediction not found', status: 404 });
    if (p.status === 'starting' || p.status === 'processing') p.status = 'canceled';
    sendJson(res, 200, this.view(p));
  }
}

/** Replicate's answers for the failure cases, in its own shapes. */
export const replicateAnswers = {
  throttled: (headers: Record<string, string> = { 'retry-after': '5' }): Scripted => ({
    status: 429,
    headers: { 'content-type': 'application/problem+json', ...headers },
    json: { title: 'Request was throttled.', detail: 'Request was throttled. Your rate limit resets in ~5s.', status: 429 },
  }),
  billing: (): Scripted => ({
    status: 402,
    json: { title: 'Billing required', detail: 'You need to set up billing to run this model. Go to https://replicate.com/account/billing#billing to set it up.', status: 402 },
  }),
  server: (status = 502): Scripted => ({ status, headers: { 'content-type': 'text/html' }, body: `<html><body>${status} Bad Gateway</body></html>` }),
};

export const NSFW_ERROR = 'NSFW content detected. Try running it again, or try a different prompt.';
