import { FakeServer, sendBytes, sendJson, type RecordedRequest } from './fake-server';

type Res = Parameters<typeof sendJson>[0];
type Status = 'PENDING' | 'THROTTLED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/**
 * Runway's API on loopback: Bearer key and X-Runway-Version required; image_to_video answers a task
 * id; the task walks through `states` one poll at a time; outputs are signed URLs that can be made to
 * expire (403), after which reading the task again gives fresh ones, as Runway's do.
 */
export class RunwayFake extends FakeServer {
  /** The statuses successive polls report; the last repeats. */
  states: Status[] = ['PENDING', 'RUNNING', 'SUCCEEDED'];
  failure = { failure: 'The output was flagged by content moderation.', failureCode: 'SAFETY.OUTPUT.VIDEO' };
  clip: Buffer = Buffer.alloc(0);
  /** Signatures before this generation answer 403. */
  validFrom = 0;
  private signature = 0;
  private tasks = 0;
  private readonly polls = new Map<string, number>();
  readonly cancelled: string[] = [];

  constructor(readonly key: string) {
    super();
    this.route('POST', /^\/v1\/image_to_video$/, (req, res) => this.create(req, res), { scriptable: true });
    this.route('GET', /^\/v1\/tasks\/[^/]+$/, (req, res) => this.task(req, res), { scriptable: true });
    this.route('DELETE', /^\/v1\/tasks\/[^/]+$/, (req, res) => this.cancel(req, res));
    this.route('GET', /^\/output\/[^/]+$/, (req, res) => this.output(req, res));
  }

  /** Makes every output URL handed out so far expire. */
  expireOutputs(): void {
    this.validFrom = this.signature + 1;
  }

  private authorized(req: RecordedRequest, res: Res): boolean {
    if (req.headers['x-runway-version'] !== '2024-11-06') {
      sendJson(res, 400, { error: 'The X-Runway-Version header is required.' });
      return false;
    }
    if (req.headers.authorization === `Bearer ${this.key}`) return true;
    sendJson(res, 401, { error: 'Incorrect API key provided.' });
    return false;
  }

  private create(req: RecordedRequest, res: Res): void {
    if (!this.authorized(req, res)) return;
    if (!String(req.json?.promptImage ?? '').startsWith('data:image/')) return sendJson(res, 400, { error: 'promptImage must be an HTTPS URL or a data URI.' });
    sendJson(res, 200, { id: `task-${++this.tasks}` });
  }

  private task(req: RecordedRequest, res: Res): void {
    if (!this.authorized(req, res)) return;
    const id = req.path.split('/').pop()!;
    if (!/^task-\d+$/.test(id)) return sendJson(res, 404, { error: 'Task not found.' });
    const n = this.polls.get(id) ?? 0;
    this.polls.set(id, n + 1);
    const status = this.cancelled.includes(id) ? 'CANCELLED' : this.states[Math.min(n, this.states.length - 1)];
    const body: Record<string, unknown> = { id, status, createdAt: '2026-12-05T10:00:00.000Z' };
    if (status === 'RUNNING') body.progress = 0.5;
    if (status === 'SUCCEEDED') body.output = [`${this.url}/output/${id}.mp4?sig=${++this.signature}`];
    if (status === 'FAILED') Object.assign(body, this.failure);
    sendJson(res, 200, body);
  }

  private cancel(req: RecordedRequest, res: Res): void {
    if (!this.authorized(req, res)) return;
    this.cancelled.push(req.path.split('/').pop()!);
    res.writeHead(204);
    res.end();
  }

  private output(req: RecordedRequest, res: Res): void {
    if (Number(req.query.get('sig')) < this.validFrom) return sendBytes(res, 403, Buffer.from('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'), { 'content-type': 'application/xml' });
    sendBytes(res, 200, this.clip, { 'content-type': 'video/mp4' });
  }
}
