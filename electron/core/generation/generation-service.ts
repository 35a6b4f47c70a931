/**
 * Generation jobs of one open project: queued with a per-provider concurrency limit, run against
 * their provider, stored as variations, cancellable at any stage, and kept in the project file so a
 * restart finds them (left queued or running, they become 'interrupted' and can be retried).
 * Job and variation rows are a record of work, not undoable edits: regenerating is not "undo".
 */
import type { AppEvent } from '../../../shared/api/events';
import type { GenerationJob, JobStatus, ProviderId } from '../../../shared/domain/generation';
import { newId, now } from '../commands/ids';
import { requirePanel } from '../commands/panel-commands';
import { classifyStorageError, CoreError } from '../errors';
import type { Project } from '../project';
import { refineSourceSha } from './job-request';
import { describeFailure, produceVariations } from './job-runner';
import { ProviderQueue } from './job-queue';
import { getJobRow, listJobRows, markInterrupted, toJob, variationsOfJob, type JobParams, type JobRow } from './job-rows';
import { promptVersionFor } from './prompt-versions';
import { capabilitiesOf, type ImageProvider } from './provider-port';
import { parseObject } from '../decisions/decision-rows';
import { writeVariations } from './store-variation';

export const MAX_VARIATIONS = 8;

export interface GenerationDeps {
  /** The provider to run a job on; throws (CONFIG) when it is not set up. */
  provider(id: ProviderId): ImageProvider;
  concurrency(id: ProviderId): number;
  /** Longest wait for one exchange with the provider. */
  timeoutMs(id: ProviderId): number;
  emit(event: AppEvent): void;
  /** Keys and passwords to scrub from any message that is stored or shown. */
  secrets(): readonly string[];
}

export interface StartInput {
  panelId: string;
  providerId: ProviderId;
  prompt: string;
  negativePrompt?: string;
  count: number;
  seed?: number;
  refine?: boolean;
  model?: string;
  /** The prompt version this text was edited from (default: the panel's latest). */
  parentVersionId?: string;
}

interface Live {
  controller: AbortController;
  progress: number;
  lastEmit: number;
  done: Promise<void>;
  resolve(): void;
}

const PROGRESS_EVERY_MS = 100;

export class GenerationService {
  private readonly live = new Map<string, Live>();
  private readonly queue: ProviderQueue<ProviderId>;
  private disposed = false;

  constructor(
    readonly project: Project,
    private readonly deps: GenerationDeps,
  ) {
    this.queue = new ProviderQueue((id) => deps.concurrency(id));
    this.recover();
  }

  /** Jobs a previous run left queued or running are marked interrupted (the file may be read-only: then they stay). */
  private recover(): void {
    try {
      markInterrupted(this.project.db, now(), new Set(this.live.keys()));
    } catch {
      // A read-only project cannot be written; its jobs still show as interrupted (see jobs()).
    }
  }

  /** Queues a job: keeps the prompt as a version (with its lineage) and returns the job at once. */
  start(input: StartInput): GenerationJob {
    const { project } = this;
    requirePanel(project, input.panelId);
    const prompt = input.prompt.trim();
    if (!prompt) throw new CoreError('BAD_INPUT', 'Write a prompt first.');
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_VARIATIONS) {
      throw new CoreError('BAD_INPUT', `Ask for 1 to ${MAX_VARIATIONS} variations.`);
    }
    const provider = this.deps.provider(input.providerId);
    if (input.refine) {
      const caps = capabilitiesOf(provider, input.model);
      if (!caps.initImage && !caps.referenceImages) {
        throw new CoreError('BAD_INPUT', `${provider.label} (with this model) cannot start from an image, so it cannot refine a panel. Pick another provider or model.`);
      }
      if (!refineSourceSha(project, input.panelId)) throw new CoreError('BAD_INPUT', `Panel ${project.panel(input.panelId).shotNumber} has no picture to refine yet.`);
    }
    const params: JobParams = { seed: input.seed ?? null, refine: input.refine === true, ...(input.model ? { model: input.model } : {}) };
    const id = newId();
    this.write(() => {
      const versionId = promptVersionFor(project.db, {
        panelId: input.panelId,
        text: prompt,
        negative: input.negativePrompt?.trim() ?? '',
        parentId: input.parentVersionId,
        params: { provider: input.providerId, refine: params.refine },
      });
      project.db
        .prepare(
          `INSERT INTO generation_jobs (id, panel_id, prompt_version_id, provider, model, count, params, status, attempts, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)`,
        )
        .run(id, input.panelId, versionId, input.providerId, input.model ?? null, input.count, JSON.stringify(params), now());
    });
    this.schedule(id, input.providerId);
    return this.job(id);
  }

  /** Runs a failed, cancelled or interrupted job again, with the same prompt version and settings. */
  retry(jobId: string): GenerationJob {
    const row = this.requireRow(jobId);
    const status = this.effectiveStatus(row);
    if (status === 'queued' || status === 'running') return this.job(jobId);
    if (status === 'succeeded') throw new CoreError('BAD_INPUT', 'This job already finished. Generate again for more variations.');
    if (!row.panel_id) throw new CoreError('NOT_FOUND', 'The panel of this job is gone.');
    this.deps.provider(row.provider as ProviderId);
    this.write(() =>
      this.project.db
        .prepare("UPDATE generation_jobs SET status = 'queued', error_code = NULL, error_message = NULL, started_at = NULL, finished_at = NULL WHERE id = ?")
        .run(jobId),
    );
    this.schedule(jobId, row.provider as ProviderId);
    return this.job(jobId);
  }

  /** Stops a job wherever it is: waiting in line, waiting on the provider, or being stored. */
  cancel(jobId: string): GenerationJob {
    const row = this.requireRow(jobId);
    const live = this.live.get(jobId);
    if (!live) return this.job(jobId);
    live.controller.abort();
    if (this.queue.remove(row.provider as ProviderId, jobId)) this.finish(jobId, 'cancelled', null);
    return this.job(jobId);
  }

  jobs(panelId?: string): GenerationJob[] {
    return listJobRows(this.project.db, panelId).map((r) => this.toJob(r));
  }

  job(id: string): GenerationJob {
    return this.toJob(this.requireRow(id));
  }

  /** Resolves when the job is no longer queued or running (at once if it is not live). */
  async settled(jobId: string): Promise<GenerationJob> {
    await this.live.get(jobId)?.done;
    return this.job(jobId);
  }

  /** Resolves when every job of this project has stopped. */
  async idle(): Promise<void> {
    while (this.live.size > 0) await Promise.all([...this.live.values()].map((l) => l.done));
  }

  /** The project is closing: stop everything (jobs cut off here are found interrupted next time). */
  dispose(): void {
    this.disposed = true;
    for (const l of this.live.values()) l.controller.abort();
  }

  private toJob(row: JobRow): GenerationJob {
    const job = toJob(row, this.live.get(row.id)?.progress ?? 0);
    return { ...job, status: this.effectiveStatus(row) };
  }

  /** A queued or running row with nothing live behind it (e.g. brought back by undo) was interrupted. */
  private effectiveStatus(row: JobRow): JobStatus {
    const status = row.status as JobStatus;
    return (status === 'queued' || status === 'running') && !this.live.has(row.id) ? 'interrupted' : status;
  }

  private requireRow(id: string): JobRow {
    const row = getJobRow(this.project.db, id);
    if (!row) throw new CoreError('NOT_FOUND', `No generation job with id ${id}.`);
    return row;
  }

  private schedule(jobId: string, providerId: ProviderId): void {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.live.set(jobId, { controller: new AbortController(), progress: 0, lastEmit: 0, done, resolve });
    this.emitJob(jobId);
    this.queue.enqueue(providerId, jobId, () => {
      void this.run(jobId).finally(() => this.queue.release(providerId));
    });
  }

  private async run(jobId: string): Promise<void> {
    const live = this.live.get(jobId);
    if (!live) return;
    const { signal } = live.controller;
    const db = this.project.db;
    try {
      // Start on the next tick: the caller of start() gets the job as queued, and events keep their order.
      await Promise.resolve();
      if (signal.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
      this.write(() =>
        db.prepare("UPDATE generation_jobs SET status = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?").run(now(), jobId),
      );
      this.emitJob(jobId);
      const row = this.requireRow(jobId);
      const params = parseObject(row.params) as unknown as JobParams;
      const provider = this.deps.provider(row.provider as ProviderId);
      const prepared = await produceVariations(this.project, { row, params }, provider, {
        signal,
        timeoutMs: this.deps.timeoutMs(provider.id),
        onProgress: (fraction) => this.progress(jobId, fraction * 0.9),
      });
      // The project closed, or the panel (and its jobs) went away meanwhile: nothing to store into.
      if (!this.isOpen() || !getJobRow(db, jobId)) return;
      const ids = this.write(() => {
        const written = writeVariations(db, prepared);
        db.prepare("UPDATE generation_jobs SET status = 'succeeded', finished_at = ?, error_code = NULL, error_message = NULL WHERE id = ?").run(now(), jobId);
        return written;
      });
      this.live.delete(jobId);
      live.resolve();
      const variations = variationsOfJob(db, jobId).filter((v) => ids.includes(v.id));
      this.deps.emit({ kind: 'variations.added', panelId: row.panel_id!, jobId, variations });
      this.emitJob(jobId);
    } catch (e) {
      if (signal.aborted) this.finish(jobId, 'cancelled', null);
      else this.finish(jobId, 'failed', describeFailure(e, this.deps.secrets()));
    } finally {
      // Whatever happened (the project closed under it, say), the job is no longer live.
      if (this.live.get(jobId) === live) {
        this.live.delete(jobId);
        live.resolve();
      }
    }
  }

  private finish(jobId: string, status: 'failed' | 'cancelled', error: { kind: string; message: string } | null): void {
    const live = this.live.get(jobId);
    this.live.delete(jobId);
    live?.resolve();
    if (!this.isOpen()) return;
    try {
      this.write(() =>
        this.project.db
          .prepare('UPDATE generation_jobs SET status = ?, finished_at = ?, error_code = ?, error_message = ? WHERE id = ?')
          .run(status, now(), error?.kind ?? (status === 'cancelled' ? 'CANCELLED' : null), error?.message ?? (status === 'cancelled' ? 'Cancelled.' : null), jobId),
      );
      if (getJobRow(this.project.db, jobId)) this.emitJob(jobId);
    } catch {
      // The file went read-only or away: the job stays as it was and shows as interrupted on the next open.
    }
  }

  private progress(jobId: string, fraction: number): void {
    const live = this.live.get(jobId);
    if (!live) return;
    live.progress = Math.max(live.progress, Math.min(1, fraction));
    const t = Date.now();
    if (t - live.lastEmit >= PROGRESS_EVERY_MS) {
      live.lastEmit = t;
      this.emitJob(jobId);
    }
  }

  private emitJob(jobId: string): void {
    if (!this.isOpen()) return;
    const row = getJobRow(this.project.db, jobId);
    if (row) this.deps.emit({ kind: 'job.updated', job: this.toJob(row) });
  }

  private isOpen(): boolean {
    return !this.disposed && this.project.db.open;
  }

  private write<T>(fn: () => T): T {
    try {
      return this.project.db.transaction(fn).immediate();
    } catch (e) {
      throw classifyStorageError(e, this.project.name);
    }
  }
}
