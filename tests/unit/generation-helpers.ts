import { afterEach } from 'vitest';
/** Test doubles for generation: a scriptable provider and a project with a scene and panels. */
import path from 'node:path';
import sharp from 'sharp';
import type { AppEvent } from '../../shared/api/events';
import type { ProviderId } from '../../shared/domain/generation';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { GenerationService, type GenerationDeps } from '../../electron/core/generation/generation-service';
import type { GenerateContext, GenerateRequest, GeneratedImage, ImageProvider, ProviderCapabilities } from '../../electron/core/generation/provider-port';
import { ProviderError } from '../../electron/core/providers/errors';
import { Project } from '../../electron/core/project';
import { tempDir } from './helpers';

export const CAPS: ProviderCapabilities = {
  textToImage: true,
  referenceImages: true,
  initImage: true,
  maxPerCall: 8,
  aspectRatios: 'any',
  seed: true,
  negativePrompt: true,
};

/** A PNG whose colour comes from the seed. */
export async function seededPng(seed: number, size = 64): Promise<Buffer> {
  const h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 2654435761) >>> 0;
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: h & 255, g: (h >>> 8) & 255, b: (h >>> 16) & 255 } } })
    .png()
    .toBuffer();
}

export interface Call {
  request: GenerateRequest;
  ctx: GenerateContext;
  /** Lets the call return its images. */
  release(): void;
  /** Makes the call fail with this error. */
  fail(e: Error): void;
}

/**
 * A provider whose calls wait until the test releases (or fails) them, so tests can see how many run
 * at once and cancel them mid-flight. It honours the abort signal like a real adapter.
 */
export class GatedProvider implements ImageProvider {
  readonly label: string;
  readonly defaultModel = 'gated-1';
  readonly calls: Call[] = [];
  running = 0;
  maxRunning = 0;
  /** When set, calls return at once instead of waiting. */
  autoRelease = false;
  private waiters: (() => void)[] = [];

  constructor(
    readonly id: ProviderId = 'openai',
    readonly capabilities: ProviderCapabilities = CAPS,
  ) {
    this.label = `Fake ${id}`;
  }

  async generate(request: GenerateRequest, ctx: GenerateContext): Promise<GeneratedImage[]> {
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      const outcome = await new Promise<Error | null>((resolve, reject) => {
        const call: Call = { request, ctx, release: () => resolve(null), fail: (e) => resolve(e) };
        this.calls.push(call);
        this.waiters.splice(0).forEach((w) => w());
        if (ctx.signal.aborted) return reject(new ProviderError('CANCELLED', 'Generation cancelled.'));
        ctx.signal.addEventListener('abort', () => reject(new ProviderError('CANCELLED', 'Generation cancelled.')), { once: true });
        if (this.autoRelease) resolve(null);
      });
      if (outcome) throw outcome;
      ctx.onProgress(1);
      const first = request.seed ?? 100;
      return Promise.all(
        Array.from({ length: request.count }, async (_, i) => ({
          data: await seededPng(first + i),
          mime: 'image/png',
          seed: first + i,
          providerModel: request.model ?? this.defaultModel,
          params: { prompt: request.prompt, n: request.count, size: `${request.width}x${request.height}` },
          usage: { total_tokens: 150 },
          costUsd: 0.04,
        })),
      );
    } finally {
      this.running--;
    }
  }

  async testConnection() {
    return { ok: true, message: 'Connected to the fake.' };
  }

  /** Resolves once `n` calls have arrived. */
  async waitForCalls(n: number): Promise<void> {
    while (this.calls.length < n) await new Promise<void>((r) => this.waiters.push(r));
  }
}

export interface Harness {
  project: Project;
  file: string;
  panelIds: string[];
  sceneId: string;
  events: AppEvent[];
  service: GenerationService;
  providers: Map<ProviderId, ImageProvider>;
  deps: GenerationDeps;
  reopen(): Harness;
}

/** A project with one scene of `panels` panels and a service over fake providers. */
export function harness(opts: { panels?: number; concurrency?: number; providers?: ImageProvider[]; file?: string } = {}): Harness {
  const file = opts.file ?? path.join(tempDir('bw-gen-'), 'Gen.boardwright');
  const project = opts.file ? Project.open(file) : Project.create(file, { title: 'Gen', aspectRatio: '2.39' });
  let sceneId: string;
  let panelIds: string[];
  if (opts.file) {
    const board = project.board();
    sceneId = board.scenes[0].id;
    panelIds = board.scenes[0].panels.map((p) => p.id);
  } else {
    sceneId = createScene(project, { patch: { heading: 'INT. LIGHTHOUSE - NIGHT' } }).id;
    panelIds = Array.from({ length: opts.panels ?? 2 }, () => createPanel(project, { sceneId, patch: { shotSize: 'MCU', angle: 'low', lensMm: 35, action: 'Mara climbs the stairs' } }).id);
  }
  const providers = new Map<ProviderId, ImageProvider>((opts.providers ?? [new GatedProvider()]).map((p) => [p.id, p]));
  const events: AppEvent[] = [];
  const deps: GenerationDeps = {
    provider: (id) => {
      const p = providers.get(id);
      if (!p) throw new ProviderError('CONFIG', `No ${id} in this test.`);
      return p;
    },
    concurrency: () => opts.concurrency ?? 2,
    timeoutMs: () => 5_000,
    emit: (e) => events.push(e),
    secrets: () => ['sk-test-SECRET-123'],
  };
  const service = new GenerationService(project, deps);
  const h: Harness = {
    project,
    file,
    panelIds,
    sceneId,
    events,
    service,
    providers,
    deps,
    reopen: () => {
      project.close();
      return harness({ ...opts, file, providers: [...providers.values()] });
    },
  };
  return h;
}

export const jobEvents = (events: AppEvent[], jobId: string) =>
  events.flatMap((e) => (e.kind === 'job.updated' && e.job.id === jobId ? [e.job.status] : []));

/**
 * For a test file: `make(...)` builds a harness (and `track` adopts one, e.g. reopened); after each
 * test their services stop and their projects close. Call once at the top level of the file.
 */
export function useHarnesses(): { make: (...args: Parameters<typeof harness>) => Harness; track: (h: Harness) => Harness } {
  const open: Harness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) {
      h.service.dispose();
      await h.service.idle();
      if (h.project.db.open) h.project.close();
    }
  });
  const track = (h: Harness) => {
    open.push(h);
    return h;
  };
  return { make: (...args) => track(harness(...args)), track };
}
