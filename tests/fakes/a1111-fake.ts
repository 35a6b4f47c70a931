import { fakePng } from './fake-png';
import { FakeServer, sendJson, type RecordedRequest, type Scripted } from './fake-server';

/**
 * AUTOMATIC1111 / Forge `--api` on loopback: /sdapi/v1/txt2img and img2img answer
 * `{images: [base64 PNG], parameters, info: "<JSON string>"}`, with a grid first for batches (as the web
 * UI's "return grid" option does); optional `--api-auth` Basic auth; /progress and /interrupt.
 */
export class A1111Fake extends FakeServer {
  /** "user:pass" to require HTTP Basic, as `--api-auth` does. */
  auth: string | null = null;
  /** Put a grid image first in batch answers (index_of_first_image = 1). */
  returnGrid = true;
  /** Hold generation answers until a progress poll has arrived (deterministic progress tests). */
  holdUntilProgressPolled = false;
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
    this.route('POST', /^\/sdapi\/v1\/interrupt$/, (req, res) => (this.authorized(req, res) ? sendJson(res, 200, {}) : undefined));
    this.route('GET', /^\/sdapi\/v1\/sd-models$/, (req, res) =>
      this.authorized(req, res) ? sendJson(res, 200, [{ title: 'dreamshaper_8.safetensors [879db523c3]', model_name: 'dreamshaper_8' }, { title: 'sdxl.safetensors', model_name: 'sdxl' }]) : undefined,
    );
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
    if (this.holdUntilProgressPolled) await this.polled;
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
