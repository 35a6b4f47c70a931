import { randomUUID } from 'node:crypto';
import { checkCount, connectionCheck, inBatches, plainContext } from '../common';
import { cancelled } from '../errors';
import { LOCAL_DIFFUSION_CAPABILITIES, connectLocal } from '../connect';
import { ProviderHttp, isOk } from '../http';
import { randomSeed } from '../image-bytes';
import { defaultDeps } from '../retry';
import type { ProviderSettings } from '../settings';
import type { ConnectionResult, GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities, ProviderDeps } from '../types';
import { ComfyEvents } from './events';
import { stopPrompt } from './queue';
import type { ComfyLink } from './link';
import { downloadImages, queuePrompt, uploadImage, waitForPrompt } from './run';
import { fillWorkflow, loadWorkflow, locateNodes } from './workflow';
import { openWebSocket } from './ws-client';

const LABEL = 'ComfyUI';
const NAMES = { label: LABEL, urlEnv: 'COMFYUI_URL', keyHint: 'the user:pass in COMFYUI_URL' };

export interface ComfyOptions {
  /** How often to ask /history while waiting (websocket frames wake the wait sooner). */
  pollIntervalMs?: number;
  /** Give up (and cancel) after this long. */
  maxWaitMs?: number;
  /** Listen on /ws for progress and completion hints; off = history polling only. */
  websocket?: boolean;
}

/**
 * A local ComfyUI running the user's own workflow (API format) with the shot's prompt, negative
 * prompt, seed, size and batch filled in. Progress and completion hints come over /ws when the
 * server offers it; completion is always confirmed with /history, and images fetched from /view.
 */
export class ComfyUIProvider implements ImageProvider {
  readonly id = 'comfyui' as const;
  readonly label = LABEL;
  readonly defaultModel = '(the models named in the workflow)';
  readonly capabilities: ProviderCapabilities = LOCAL_DIFFUSION_CAPABILITIES;

  constructor(
    private readonly settings: ProviderSettings,
    private readonly deps: ProviderDeps = defaultDeps(),
    private readonly options: ComfyOptions = {},
  ) {}

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    checkCount(request, LABEL);
    const { base, http, headers } = connectLocal(this.settings, NAMES, ctx, this.deps);
    const workflow = await loadWorkflow(this.settings, request.params?.workflow);
    const nodes = locateNodes(workflow, request.initImage !== undefined);
    const clientId = randomUUID();
    const events = await this.listen(http, base, clientId, headers, ctx);
    const link: ComfyLink = { http, base, headers, deps: this.deps, events, pollIntervalMs: this.options.pollIntervalMs ?? 1000, maxWaitMs: this.options.maxWaitMs ?? 15 * 60_000 };
    const firstSeed = request.seed ?? randomSeed(this.deps.random);
    const perCall = nodes.size && 'batch_size' in workflow[nodes.size].inputs ? this.capabilities.maxPerCall : 1;
    try {
      const initName = request.initImage ? await uploadImage(link, request.initImage) : undefined;
      return await inBatches(request.count, perCall, ctx, async (first, n) => {
        const seed = firstSeed + first;
        const graph = fillWorkflow(workflow, nodes, { prompt: request.prompt, negative: request.negativePrompt, seed, width: request.width, height: request.height, batch: n, initImage: initName });
        const promptId = await queuePrompt(link, graph, clientId);
        events?.watchProgress(promptId, (f) => ctx.onProgress(Math.min(1, (first + n * f) / request.count)));
        let entry;
        try {
          entry = await waitForPrompt(link, promptId, ctx.signal);
        } catch (e) {
          if (ctx.signal.aborted || (e as { kind?: string }).kind === 'TIMEOUT') await stopPrompt(link, promptId);
          if (ctx.signal.aborted) throw cancelled();
          throw e;
        }
        const images = await downloadImages(link, entry, nodes.output, n);
        const size = nodes.size ? graph[nodes.size].inputs : undefined;
        return images.map((img, k) => ({
          data: img.data,
          mime: img.mime,
          // Images of one batch share the seed; ComfyUI varies the noise by position in the batch.
          seed: nodes.seed.length ? seed : null,
          providerModel: modelOf(graph),
          // The filled graph itself, so the variation can be re-queued exactly.
          params: { promptId, batchSize: n, batchIndex: k, width: size?.width, height: size?.height, nodes, filename: img.ref.filename, workflow: graph },
          costUsd: null,
        }));
      });
    } finally {
      events?.close();
    }
  }

  /** Opens /ws for hints; a server without it (or a proxy that blocks it) just means polling. */
  private async listen(http: ProviderHttp, base: string, clientId: string, headers: Record<string, string>, ctx: GenerateContext): Promise<(ComfyEvents & { close(): void }) | null> {
    if (this.options.websocket === false) return null;
    const url = `${base.replace(/^http/, 'ws')}/ws?clientId=${encodeURIComponent(clientId)}`;
    try {
      const ws = await openWebSocket(url, { headers, timeoutMs: Math.min(ctx.timeoutMs, 5_000), signal: ctx.signal });
      return Object.assign(new ComfyEvents(ws), { close: () => ws.close() });
    } catch (e) {
      if (ctx.signal.aborted) throw cancelled();
      this.deps.log(http.redact(`${LABEL}: no websocket (${(e as Error).message}); polling /history instead`));
      return null;
    }
  }

  async testConnection(signal?: AbortSignal): Promise<ConnectionResult> {
    return connectionCheck(async () => {
      const { base, http, headers } = connectLocal(this.settings, NAMES, plainContext(signal), this.deps);
      const res = await http.send({ method: 'GET', url: `${base}/system_stats`, headers });
      if (!isOk(res)) throw http.statusError(res, undefined);
      const stats = http.json<{ system?: { comfyui_version?: string }; devices?: { name?: string }[] }>(res);
      const version = stats.system?.comfyui_version ? ` ${stats.system.comfyui_version}` : '';
      const device = stats.devices?.[0]?.name ? ` on ${stats.devices[0].name}` : '';
      return `Connected to ${LABEL}${version}${device}.`;
    });
  }
}

/** The checkpoint or UNet the workflow loads, as the variation's model. */
function modelOf(graph: Record<string, { inputs: Record<string, unknown> }>): string {
  for (const node of Object.values(graph)) {
    for (const key of ['ckpt_name', 'unet_name', 'model_name']) {
      if (typeof node.inputs[key] === 'string') return node.inputs[key] as string;
    }
  }
  return 'comfyui-workflow';
}
