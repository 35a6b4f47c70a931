import { fakePng } from './fake-png';
import type { ServerResponse } from 'node:http';
import { FakeServer, sendJson, type RecordedRequest, type Scripted } from './fake-server';

const SAMPLERS = ['Euler a', 'Euler', 'LMS', 'Heun', 'DPM2', 'DPM++ 2M', 'DPM++ SDE', 'DPM++ 2M SDE', 'DDIM', 'UniPC'];

/** How A1111's middleware answers an HTTPException (an unknown sampler, a missing init image). */
const httpException = (status: number, detail: string) => ({ error: 'HTTPException', detail, body: '', errors: `${status}: ${detail}` });

/**
 * AUTOMATIC1111 / Forge `--api` on loopback: /sdapi/v1/txt2img and img2img answer
 * `{images: [base64 PNG], parameters, info: "<JSON string>"}`, with a grid first for batches (as the web
 * UI's "return grid" option does); optional `--api-auth` Basic auth; /progress and /interrupt.
 * Like the web UI it makes one image job at a time (others wait on its queue lock), knows each job by
 * its task id (force_task_id, reported by POST /internal/progress), and its /interrupt stops whatever
 * job is running, whoever sent it. Unknown paths get FastAPI's `{"detail":"Not Found"}`.
 */
export class A1111Fake extends FakeServer {
  /** "user:pass" to require HTTP Basic, as `--api-auth` does. */
  auth: string | null = null;
  /** Put a grid image first in batch answers (index_of_first_image = 1). */
  returnGrid = true;
  /** Hold generation answers until a progress poll has arrived (deterministic progress tests). */
  holdUntilProgressPolled = false;
  /** Keep each job running until it is interrupted or `releaseRunning()` is called. */
  holdJobs = false;
  /** The task ids /interrupt stopped. */
  readonly interrupted: string[] = [];
  private current: string | null = null;
  private readonly queuedTasks = new Set<string>();
  private readonly finishedTasks = new Set<string>();
  private lock: Promise<void> = Promise.resolve();
  private releaseHeld: (() => void) | null = null;
  private nextTask = 1;
  private progressPolled: () => void = () => {};
  private readonly polled = new Promise<void>((r) => (this.progressPolled = r));

  constructor() {
    super();
    this.route('POST', /^\/sdapi\/v1\/(txt2img|img2img)$/, (req, res) => this.generate(req, res), { scriptable: true });
    this.route('GET', /^\/sdapi\/v1\/progress$/, (req, res) => {
      if (!this.authorized(req, res)) return;
      this.progressPolled();
      sendJson(res, 200, { progress: 0.5, eta_relative: 3.2, state: { job: 'txt2img', sampling_step: 10, sampling_steps: 20 }, current_image: null, textinfo: null });
    });
    this.route('POST', /^\/sdapi\/v1\/interrupt$/, (req, res) => {
      if (!this.authorized(req, res)) return;
      if (this.current) {
        this.interrupted.push(this.current);
        this.releaseRunning();
      }
      sendJson(res, 200, {});
    });
    this.route('POST', /^\/internal\/progress$/, (req, res) => {
      const id = String(req.json?.id_task ?? '');
      const active = id === this.current;
      sendJson(res, 200, { active, queued: this.queuedTasks.has(id), completed: this.finishedTasks.has(id), progress: active ? 0.5 : null, eta: null, live_preview: null, id_live_preview: -1, textinfo: active ? 'Sampling' : 'Waiting...' });
    });
    this.route('GET', /^\/sdapi\/v1\/sd-models$/, (req, res) =>
      this.authorized(req, res) ? sendJson(res, 200, [{ title: 'dreamshaper_8.safetensors [879db523c3]', model_name: 'dreamshaper_8' }, { title: 'sdxl.safetensors', model_name: 'sdxl' }]) : undefined,
    );
  }

  get runningTask(): string | null {
    return this.current;
  }

  /** Ends the job that is held running (holdJobs). */
  releaseRunning(): void {
    this.releaseHeld?.();
    this.releaseHeld = null;
  }

  /** Another client's job takes the queue lock and runs until the returned function is called. */
  occupy(taskId = 'task(other-client)'): () => void {
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const previous = this.lock;
    this.lock = previous.then(async () => {
      this.current = taskId;
      await finished;
      this.current = null;
    });
    return done;
  }

  protected override noRoute(_rec: RecordedRequest, res: ServerResponse): void {
    sendJson(res, 404, { detail: 'Not Found' });
  }

  private authorized(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): boolean {
    if (!this.auth || req.headers.authorization === `Basic ${Buffer.from(this.auth).toString('base64')}`) return true;
    sendJson(res, 401, { detail: 'Incorrect username or password' }, { 'www-authenticate': 'Basic' });
    return false;
  }

  private async generate(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
    if (!this.authorized(req, res)) return;
    const b = req.json ?? {};
    if (!Number.isInteger(b.width) || b.width % 8 !== 0) {
      return sendJson(res, 422, { detail: [{ loc: ['body', 'width'], msg: 'value is not a valid integer', type: 'type_error.integer' }] });
    }
    const img2img = req.path.endsWith('img2img');
    if (img2img && !Array.isArray(b.init_images)) return sendJson(res, 404, httpException(404, 'Init image not found'));
    if (b.sampler_name !== undefined && !SAMPLERS.includes(b.sampler_name)) return sendJson(res, 404, httpException(404, 'Sampler not found'));
    const task = typeof b.force_task_id === 'string' ? b.force_task_id : `task(${this.nextTask++})`;
    this.queuedTasks.add(task);
    const previous = this.lock;
    let unlock!: () => void;
    this.lock = new Promise<void>((r) => (unlock = r));
    await previous;
    this.queuedTasks.delete(task);
    this.current = task;
    try {
      if (this.holdJobs) await new Promise<void>((r) => (this.releaseHeld = r));
      if (this.holdUntilProgressPolled) await this.polled;
      await this.answer(b, res);
    } finally {
      this.current = null;
      this.finishedTasks.add(task);
      unlock();
    }
  }

  private async answer(b: Record<string, any>, res: ServerResponse): Promise<void> {
    const n = Number(b.batch_size ?? 1) * Number(b.n_iter ?? 1);
    const seed = b.seed === -1 || b.seed === undefined ? 1000 : Number(b.seed);
    const seeds = Array.from({ length: n }, (_, i) => seed + i);
    const images = await Promise.all(seeds.map(async (s) => (await fakePng(s)).toString('base64')));
    const grid = this.returnGrid && n > 1;
    if (grid) images.unshift((await fakePng(0)).toString('base64'));
    const info = {
      prompt: b.prompt,
      all_prompts: seeds.map(() => b.prompt),
      negative_prompt: b.negative_prompt,
      seed,
      all_seeds: seeds,
      subseed: 1,
      width: b.width,
      height: b.height,
      sampler_name: b.sampler_name ?? 'Euler a',
      cfg_scale: b.cfg_scale ?? 7,
      steps: b.steps ?? 20,
      sd_model_name: 'dreamshaper_8',
      sd_model_hash: '879db523c3',
      denoising_strength: b.denoising_strength ?? null,
      index_of_first_image: grid ? 1 : 0,
    };
    sendJson(res, 200, { images, parameters: b, info: JSON.stringify(info) });
  }
}

/** A1111's answers for the failure cases, in its own shapes. */
export const a1111Answers = {
  outOfMemory: (): Scripted => ({
    status: 500,
    json: { error: 'OutOfMemoryError', detail: '', body: '', errors: 'CUDA out of memory. Tried to allocate 2.00 GiB' },
  }),
  badGateway: (status = 502): Scripted => ({ status, headers: { 'content-type': 'text/plain' }, body: 'Bad Gateway' }),
  busy: (): Scripted => ({ status: 503, headers: { 'retry-after': '1' }, body: 'Service Unavailable' }),
};
