import { fakePng } from './fake-png';
import { FakeServer, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';
import { fieldsOf, filesOf } from './multipart';
import { acceptWebSocket, type FakeSocket } from './ws-server';

/** How a run ends, as different ComfyUI versions signal it. */
export type Completion =
  | 'executing-null' // older servers: `executing {node: null}`
  | 'execution_success' // newer servers
  | 'progress_state' // newest: only a final progress_state with every node finished
  | 'error' // execution_error frame + history status_str "error"
  | 'silent' // no frames at all: only /history tells
  | 'never'; // runs until interrupted

type Node = { class_type: string; inputs: Record<string, any> };

/**
 * ComfyUI on loopback: POST /prompt, websocket /ws?clientId (hand-rolled RFC 6455), GET /history/{id}
 * in the new (with status) or old (outputs only) shape, /view, /upload/image, /interrupt, /queue.
 * Like the real server it runs one prompt at a time (others wait in the queue), keeps the prompt_id a
 * client sends, stores uploads by name (overwrite replaces), and its /interrupt stops whatever runs
 * on older servers ('global') or only the named running prompt on current ones ('targeted').
 */
export class ComfyUIFake extends FakeServer {
  websocket = true;
  completion: Completion = 'execution_success';
  historyShape: 'new' | 'old' = 'new';
  /** /history answers `{}` this many more times after the run ended (the hint outruns the history). */
  historyLag = 0;
  /** In 'silent' runs, /history answers `{}` this many times first. */
  pendingPolls = 2;
  /** Start a run only once the adapter has polled /history and seen `{}` (so it is provably waiting). */
  startOnFirstPoll = false;
  /** How /interrupt behaves: current servers honour prompt_id; older ones stop whatever is running. */
  interruptMode: 'targeted' | 'global' = 'targeted';
  /** What happens to the next POST /prompt after the prompt is queued: a 500 from a proxy, or a dropped connection. */
  readonly afterCreate: ('500' | 'drop')[] = [];
  /** Hold upload answers until this many uploads have arrived (to make concurrent refines overlap). */
  holdUploadsUntil = 0;
  /** The input folder: uploaded files by name. */
  readonly inputs = new Map<string, Buffer>();
  /** The bytes of the file each prompt's LoadImage named, read when the prompt ran. */
  readonly loadedImages = new Map<string, Buffer | undefined>();
  /** What /view serves for a saved video (.webm, .mp4, .gif), set by the video tests. */
  videoClip: Buffer = Buffer.alloc(0);
  /** Prompts that /interrupt stopped. */
  readonly interrupted: string[] = [];
  private running: string | null = null;
  private readonly waiting: string[] = [];
  private uploadsArrived = 0;
  private releaseUploads: (() => void)[] = [];
  private readonly unstarted = new Set<string>();
  readonly sockets = new Map<string, FakeSocket>();
  readonly graphs = new Map<string, { graph: Record<string, Node>; clientId: string }>();
  private readonly history = new Map<string, unknown>();
  private readonly pending = new Map<string, number>();
  private next = 1;

  constructor() {
    super();
    this.route('POST', /^\/prompt$/, (req, res) => this.queue(req, res), { scriptable: true });
    this.route('GET', /^\/history\/[\w-]+$/, (req, res) => this.historyOf(req, res));
    this.route('GET', /^\/view$/, (req, res) => this.view(req, res));
    this.route('POST', /^\/upload\/image$/, (req, res) => this.upload(req, res));
    this.route('POST', /^\/interrupt$/, (req, res) => {
      const named = req.json?.prompt_id as string | undefined;
      if (this.running && (this.interruptMode === 'global' || !named || named === this.running)) this.interrupt(this.running);
      sendJson(res, 200, {});
    });
    this.route('GET', /^\/queue$/, (_req, res) => {
      const item = (id: string) => [0, id, this.graphs.get(id)!.graph, { client_id: this.graphs.get(id)!.clientId }, []];
      sendJson(res, 200, { queue_running: this.running ? [item(this.running)] : [], queue_pending: [...this.unstarted, ...this.waiting].map(item) });
    });
    this.route('POST', /^\/queue$/, (req, res) => {
      const drop = new Set<string>(req.json?.clear ? [...this.waiting, ...this.unstarted] : (req.json?.delete ?? []));
      this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((id) => !drop.has(id)));
      for (const id of drop) this.unstarted.delete(id);
      sendJson(res, 200, {});
    });
    this.route('GET', /^\/system_stats$/, (_req, res) =>
      sendJson(res, 200, { system: { os: 'posix', comfyui_version: '0.3.40', python_version: '3.12.3', embedded_python: false }, devices: [{ name: 'cuda:0 NVIDIA GeForce RTX 4090', type: 'cuda', vram_total: 25_393_692_672 }] }),
    );
    this.raw.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      this.requests.push({ method: 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.alloc(0) });
      if (!this.websocket || url.pathname !== '/ws') return void socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
      const ws = acceptWebSocket(req, socket, head);
      const clientId = url.searchParams.get('clientId') ?? '';
      this.sockets.set(clientId, ws);
      ws.sendJson({ type: 'status', data: { status: { exec_info: { queue_remaining: 0 } }, sid: clientId } });
    });
  }

  /** Which fake PNG stands for image `i` of a batch run with `seed`. */
  static imageSeed(seed: number, i: number): number {
    return (seed + i * 7777) >>> 0;
  }

  private queue(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    const graph = req.json?.prompt as Record<string, Node> | undefined;
    const bad = Object.entries(graph ?? {}).find(([, n]) => typeof n?.class_type !== 'string');
    if (!graph || bad) return sendJson(res, 400, { error: { type: 'invalid_prompt', message: 'Cannot execute because a node is missing the class_type property.', details: `Node ID '#${bad?.[0]}'` }, node_errors: {} });
    const id = typeof req.json.prompt_id === 'string' ? req.json.prompt_id : `p-${this.next}`;
    this.next++;
    this.graphs.set(id, { graph, clientId: req.json.client_id });
    if (this.startOnFirstPoll) this.unstarted.add(id);
    else this.enqueueRun(id);
    const after = this.afterCreate.shift();
    if (after === 'drop') return void res.socket?.destroy();
    if (after === '500') return sendBytes(res, 500, Buffer.from('500 Internal Server Error'), { 'content-type': 'text/plain' });
    sendJson(res, 200, { prompt_id: id, number: this.next, node_errors: {} });
  }

  /** Queues a prompt (without answering any request): another client's job, for instance. */
  submit(graph: Record<string, unknown>, clientId = 'another-client'): string {
    const id = `other-${this.next++}`;
    this.graphs.set(id, { graph: graph as Record<string, Node>, clientId });
    this.enqueueRun(id);
    return id;
  }

  get runningPrompt(): string | null {
    return this.running;
  }

  get pendingPrompts(): string[] {
    return [...this.unstarted, ...this.waiting];
  }

  private enqueueRun(id: string): void {
    this.waiting.push(id);
    this.pump();
  }

  /** One prompt at a time, as ComfyUI's single execution thread does. */
  private pump(): void {
    if (this.running || this.waiting.length === 0) return;
    const id = this.waiting.shift()!;
    this.running = id;
    setImmediate(() => this.run(id));
  }

  private finished(id: string): void {
    if (this.running !== id) return;
    this.running = null;
    this.pump();
  }

  private interrupt(id: string): void {
    this.interrupted.push(id);
    const { clientId } = this.graphs.get(id)!;
    this.sockets.get(clientId)?.sendJson({ type: 'execution_interrupted', data: { prompt_id: id, node_id: '3', node_type: 'KSampler', executed: [] } });
    const messages = [['execution_start', { prompt_id: id }], ['execution_interrupted', { prompt_id: id }]];
    this.history.set(id, { [id]: { prompt: [this.next, id, {}, {}, []], outputs: {}, status: { status_str: 'error', completed: false, messages }, meta: {} } });
    this.finished(id);
  }

  private async upload(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
    const [file] = filesOf(req.parts, 'image');
    if (!file) return sendJson(res, 400, { error: 'no image' });
    if (++this.uploadsArrived < this.holdUploadsUntil) await new Promise<void>((r) => this.releaseUploads.push(r));
    else for (const release of this.releaseUploads.splice(0)) release();
    const overwrite = fieldsOf(req.parts).overwrite === 'true';
    let name = file.filename!;
    // Without overwrite ComfyUI keeps the existing file and stores the new one as "name (1).ext".
    for (let i = 1; !overwrite && this.inputs.has(name); i++) name = file.filename!.replace(/(\.\w+)?$/, ` (${i})$1`);
    this.inputs.set(name, file.data);
    sendJson(res, 200, { name, subfolder: '', type: 'input' });
  }

  private run(id: string): void {
    if (this.running !== id) return; // interrupted or removed meanwhile
    const { graph, clientId } = this.graphs.get(id)!;
    const load = Object.values(graph).find((n) => n.class_type === 'LoadImage');
    if (load) this.loadedImages.set(id, this.inputs.get(String(load.inputs.image)));
    const ws = this.sockets.get(clientId);
    const send = (type: string, data: Record<string, unknown>) => ws?.sendJson({ type, data: { ...data, prompt_id: id, timestamp: 1_700_000_000_000 } });
    const sampler = Object.entries(graph).find(([, n]) => /KSampler|SamplerCustom/.test(n.class_type));
    const seedNode = Object.values(graph).find((n) => typeof (n.inputs.seed ?? n.inputs.noise_seed) === 'number');
    const seed = Number(seedNode?.inputs.seed ?? seedNode?.inputs.noise_seed ?? 0);
    const latent = Object.values(graph).find((n) => /^Empty\w*LatentImage$/.test(n.class_type));
    const batch = Number(latent?.inputs.batch_size ?? 1);
    type Ref = { filename: string; subfolder: string; type: string };
    const outputs: Record<string, { images?: Ref[]; animated?: boolean[]; gifs?: (Ref & { format: string; frame_rate: number })[] }> = {};
    for (const [nodeId, n] of Object.entries(graph)) {
      // Core video nodes list their file under images with animated: [true]; VideoHelperSuite under gifs.
      if (n.class_type === 'SaveWEBM' || n.class_type === 'SaveVideo') {
        const ext = n.class_type === 'SaveWEBM' ? 'webm' : 'mp4';
        outputs[nodeId] = { images: [{ filename: `${String(n.inputs.filename_prefix).split('/').pop()}_00001_.${ext}`, subfolder: String(n.inputs.filename_prefix).split('/').slice(0, -1).join('/'), type: 'output' }], animated: [true] };
      }
      if (n.class_type === 'VHS_VideoCombine') outputs[nodeId] = { gifs: [{ filename: `${n.inputs.filename_prefix}_00001.mp4`, subfolder: '', type: 'output', format: 'video/h264-mp4', frame_rate: Number(n.inputs.frame_rate ?? 16) }] };
      if (n.class_type === 'SaveImage') outputs[nodeId] = { images: Array.from({ length: batch }, (_, i) => ({ filename: `${n.inputs.filename_prefix}_${seed}_${i}.png`, subfolder: '', type: 'output' })) };
      if (n.class_type === 'PreviewImage') outputs[nodeId] = { images: [{ filename: 'ComfyUI_temp_00001_.png', subfolder: '', type: 'temp' }] };
    }
    const nodeIds = Object.keys(graph);
    const state = (s: string) => Object.fromEntries(nodeIds.map((n) => [n, { state: s, value: s === 'finished' ? 1 : 0, max: 1, node_id: n }]));
    const messages: unknown[] = [['execution_start', { prompt_id: id }]];
    send('execution_start', {});
    if (this.completion === 'silent') {
      this.pending.set(id, this.pendingPolls);
      this.setHistory(id, graph, outputs, messages);
      return this.finished(id);
    }
    if (this.completion === 'never') return;
    send('executing', { node: sampler?.[0] ?? '3', display_node: sampler?.[0] ?? '3' });
    send('progress', { value: 10, max: 20, node: sampler?.[0] ?? '3' });
    if (this.completion === 'error') {
      const err = { prompt_id: id, node_id: sampler?.[0] ?? '3', node_type: sampler?.[1].class_type ?? 'KSampler', executed: [], exception_message: 'Allocation on device 0 would exceed allowed memory. (out of memory)\n', exception_type: 'torch.OutOfMemoryError', traceback: ['  File "execution.py"'] };
      this.history.set(id, { [id]: { prompt: [this.next, id, graph, {}, []], outputs: {}, status: { status_str: 'error', completed: false, messages: [...messages, ['execution_error', err]] }, meta: {} } });
      send('execution_error', err);
      return this.finished(id);
    }
    if (this.completion === 'progress_state') send('progress_state', { nodes: state('running') });
    for (const [nodeId, out] of Object.entries(outputs)) send('executed', { node: nodeId, display_node: nodeId, output: out });
    this.pending.set(id, this.historyLag);
    this.setHistory(id, graph, outputs, [...messages, ['execution_success', { prompt_id: id }]]);
    if (this.completion === 'executing-null') send('executing', { node: null });
    if (this.completion === 'execution_success') send('execution_success', {});
    if (this.completion === 'progress_state') send('progress_state', { nodes: state('finished') });
    this.finished(id);
  }

  private setHistory(id: string, graph: unknown, outputs: unknown, messages: unknown[]): void {
    const entry: Record<string, unknown> = { prompt: [this.next, id, graph, {}, Object.keys(outputs as object)], outputs };
    if (this.historyShape === 'new') {
      entry.status = { status_str: 'success', completed: true, messages };
      entry.meta = {};
    }
    this.history.set(id, { [id]: entry });
  }

  private historyOf(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): void {
    const id = req.path.split('/').pop()!;
    if (this.unstarted.delete(id)) {
      sendJson(res, 200, {});
      return this.enqueueRun(id);
    }
    const lag = this.pending.get(id) ?? 0;
    if (lag > 0 || !this.history.has(id)) {
      this.pending.set(id, lag - 1);
      return sendJson(res, 200, {});
    }
    sendJson(res, 200, this.history.get(id));
  }

  private async view(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
    if (/\.(webm|mp4|gif)$/.test(req.query.get('filename') ?? '')) return sendBytes(res, 200, this.videoClip, { 'content-type': 'video/mp4' });
    const m = /_(\d+)_(\d+)\.png$/.exec(req.query.get('filename') ?? '');
    const png = await fakePng(m ? ComfyUIFake.imageSeed(Number(m[1]), Number(m[2])) : 0);
    sendBytes(res, 200, png, { 'content-type': 'image/png' });
  }
}

/** ComfyUI's answer to a workflow that fails validation, in its own shape. */
export const comfyAnswers = {
  validation: (): Scripted => ({
    status: 400,
    json: {
      error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} },
      node_errors: {
        '4': {
          errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: "ckpt_name: 'v1-5-pruned-emaonly.safetensors' not in ['sdxl.safetensors']", extra_info: {} }],
          dependent_outputs: ['9'],
          class_type: 'CheckpointLoaderSimple',
        },
      },
    },
  }),
  server: (status = 500): Scripted => ({ status, headers: { 'content-type': 'text/plain' }, body: '500 Internal Server Error' }),
};
