import { fakePng } from './fake-png';
import { FakeServer, sendBytes, sendJson, type RecordedRequest, type Scripted } from './fake-server';
import { filesOf } from './multipart';
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
    this.route('POST', /^\/upload\/image$/, (req, res) => {
      const [file] = filesOf(req.parts, 'image');
      sendJson(res, 200, file ? { name: file.filename, subfolder: '', type: 'input' } : { error: 'no image' });
    });
    this.route('POST', /^\/(interrupt|queue)$/, (_req, res) => sendJson(res, 200, {}));
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
    const id = `p-${this.next++}`;
    this.graphs.set(id, { graph, clientId: req.json.client_id });
    sendJson(res, 200, { prompt_id: id, number: this.next, node_errors: {} });
    if (this.startOnFirstPoll) this.unstarted.add(id);
    else setImmediate(() => this.run(id));
  }

  private run(id: string): void {
    const { graph, clientId } = this.graphs.get(id)!;
    const ws = this.sockets.get(clientId);
    const send = (type: string, data: Record<string, unknown>) => ws?.sendJson({ type, data: { ...data, prompt_id: id, timestamp: 1_700_000_000_000 } });
    const sampler = Object.entries(graph).find(([, n]) => /KSampler|SamplerCustom/.test(n.class_type));
    const seedNode = Object.values(graph).find((n) => typeof (n.inputs.seed ?? n.inputs.noise_seed) === 'number');
    const seed = Number(seedNode?.inputs.seed ?? seedNode?.inputs.noise_seed ?? 0);
    const latent = Object.values(graph).find((n) => /^Empty\w*LatentImage$/.test(n.class_type));
    const batch = Number(latent?.inputs.batch_size ?? 1);
    const outputs: Record<string, { images: { filename: string; subfolder: string; type: string }[] }> = {};
    for (const [nodeId, n] of Object.entries(graph)) {
      if (n.class_type === 'SaveImage') outputs[nodeId] = { images: Array.from({ length: batch }, (_, i) => ({ filename: `${n.inputs.filename_prefix}_${seed}_${i}.png`, subfolder: '', type: 'output' })) };
      if (n.class_type === 'PreviewImage') outputs[nodeId] = { images: [{ filename: 'ComfyUI_temp_00001_.png', subfolder: '', type: 'temp' }] };
    }
    const nodeIds = Object.keys(graph);
    const state = (s: string) => Object.fromEntries(nodeIds.map((n) => [n, { state: s, value: s === 'finished' ? 1 : 0, max: 1, node_id: n }]));
    const messages: unknown[] = [['execution_start', { prompt_id: id }]];
    send('execution_start', {});
    if (this.completion === 'silent') {
      this.pending.set(id, this.pendingPolls);
      return this.setHistory(id, graph, outputs, messages);
    }
    if (this.completion === 'never') return;
    send('executing', { node: sampler?.[0] ?? '3', display_node: sampler?.[0] ?? '3' });
    send('progress', { value: 10, max: 20, node: sampler?.[0] ?? '3' });
    if (this.completion === 'error') {
      const err = { prompt_id: id, node_id: sampler?.[0] ?? '3', node_type: sampler?.[1].class_type ?? 'KSampler', executed: [], exception_message: 'Allocation on device 0 would exceed allowed memory. (out of memory)\n', exception_type: 'torch.OutOfMemoryError', traceback: ['  File "execution.py"'] };
      this.history.set(id, { [id]: { prompt: [this.next, id, graph, {}, []], outputs: {}, status: { status_str: 'error', completed: false, messages: [...messages, ['execution_error', err]] }, meta: {} } });
      return send('execution_error', err);
    }
    if (this.completion === 'progress_state') send('progress_state', { nodes: state('running') });
    for (const [nodeId, out] of Object.entries(outputs)) send('executed', { node: nodeId, display_node: nodeId, output: out });
    this.pending.set(id, this.historyLag);
    this.setHistory(id, graph, outputs, [...messages, ['execution_success', { prompt_id: id }]]);
    if (this.completion === 'executing-null') send('executing', { node: null });
    if (this.completion === 'execution_success') send('execution_success', {});
    if (this.completion === 'progress_state') send('progress_state', { nodes: state('finished') });
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
      return void setImmediate(() => this.run(id));
    }
    const lag = this.pending.get(id) ?? 0;
    if (lag > 0 || !this.history.has(id)) {
      this.pending.set(id, lag - 1);
      return sendJson(res, 200, {});
    }
    sendJson(res, 200, this.history.get(id));
  }

  private async view(req: RecordedRequest, res: Parameters<typeof sendJson>[0]): Promise<void> {
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
