import { fakePng } from './fake-png';
import { FakeServer, hashString, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';

type Status = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
interface FakePrediction {
  id: string;
  status: Status;
  seed: number;
  pollsLeft: number;
  input: Record<string, unknown>;
  logs: string;
  error: string | null;
  output: string[] | null;
}

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
  readonly cdn = new FakeServer();
  readonly predictions = new Map<string, FakePrediction>();
  private nextId = 1;

  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v1\/(models\/[\w.-]+\/[\w.-]+\/)?predictions$/, (req, res) => this.create(req, res), { scriptable: true });
    this.route('GET', /^\/v1\/predictions\/[\w-]+$/, (req, res) => this.poll(req, res), { scriptable: true });
    this.route('POST', /^\/v1\/predictions\/[\w-]+\/cancel$/, (req, res) => this.cancel(req, res));
    this.route('GET', /^\/v1\/account$/, (req, res) => (this.authorized(req, res) ? sendJson(res, 200, { type: 'user', username: 'storyboarder', name: 'Story Boarder' }) : undefined));
    this.cdn.route('GET', /^\/delivery\/\d+\.png$/, async (req, res) => sendBytes(res, 200, await fakePng(Number(/(\d+)/.exec(req.path)![1])), { 'content-type': 'image/png' }));
  }

  override async start(): Promise<string> {
    await this.cdn.start();
    return super.start();
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
      model: 'black-forest-labs/flux-schnell',
      version: 'dp-4d0bcc010b3049749a251855f12800be',
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
    if (this.failWith) {
      p.status = 'failed';
      p.error = this.failWith;
    } else {
      p.status = 'succeeded';
      p.output = [`${this.cdn.url}/delivery/${p.seed}.png`];
    }
    p.logs += `100%|██████████| 4/4\n`;
  }

  private create(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    if (!this.authorized(req, res)) return;
    const input = (req.json?.input ?? {}) as Record<string, unknown>;
    if (typeof input.prompt !== 'string') return sendJson(res, 422, { title: 'Input validation failed', detail: '- input: prompt is required', status: 422 });
    const seed = typeof input.seed === 'number' ? input.seed : ReplicateFake.seedFor(input.prompt);
    const p: FakePrediction = { id: `pred${this.nextId++}`, status: 'starting', seed, pollsLeft: this.pollsBeforeDone, input, logs: `Using seed: ${seed}\n`, error: null, output: null };
    this.predictions.set(p.id, p);
    if (p.pollsLeft === 0) this.finish(p);
    sendJson(res, 201, this.view(p));
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
