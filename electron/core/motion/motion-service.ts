/**
 * Motion jobs of one open project: submitted once, followed by polling in the background, their clip
 * stored as a variation of the panel (picked at once when asked). On open, jobs a previous run left
 * running are polled again (never submitted again: see motion-jobs.ts).
 */
import type { AppEvent } from '../../../shared/api/events';
import type { MotionJobView, VideoProviderId } from '../../../shared/domain/motion';
import { classifyStorageError, CoreError } from '../errors';
import { describeFailure } from '../generation/job-runner';
import { variationsOfMotionJobs } from '../generation/job-rows';
import { pickVariation } from '../generation/pick';
import type { Project } from '../project';
import { readClip } from './clip-store';
import { writeClipVariation } from './clip-variation';
import { panelVideoRequest, type MotionAsk, type PanelVideoRequest } from './motion-request';
import { markCancelled, readMotionJob, recordMotionJob, resumeMotionJobs, runMotionJob, sendMotionJob, type MotionJob } from './motion-jobs';
import { listMotionJobViews, motionJobView } from './motion-rows';
import type { VideoProvider } from './video-provider';

export interface MotionDeps {
  /** The provider to run on; throws BAD_INPUT saying what to set when it is not set up. */
  provider(id: VideoProviderId): VideoProvider;
  emit(event: AppEvent): void;
  secrets(): readonly string[];
  /** Longest wait for one exchange with the provider. */
  timeoutMs: number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface MotionStart extends MotionAsk {
  panelIds: string[];
  providerId: VideoProviderId;
  /** Pick the clip into its panel when it is done (generate --pick). */
  autoPick?: boolean;
}

export class MotionService {
  private readonly live = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** The built-in provider renders on this machine: one clip at a time. Remote jobs run side by side. */
  private localLine: Promise<unknown> = Promise.resolve();
  private readonly providers = new Map<VideoProviderId, VideoProvider>();
  private disposed = false;

  constructor(
    readonly project: Project,
    private readonly deps: MotionDeps,
  ) {}

  /** Polls again the jobs a previous run left running; unfinished submissions become unknown, stale ones expired. */
  resume(): void {
    const open = this.project.db.prepare("SELECT 1 FROM motion_jobs WHERE state IN ('submitting', 'running') OR (state = 'succeeded' AND clip_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM variations v WHERE v.motion_job_id = motion_jobs.id)) LIMIT 1").get();
    if (!open) return; // nothing to do: opening a project writes nothing
    let running: MotionJob[];
    try {
      running = this.write(() => resumeMotionJobs(this.project.db));
    } catch {
      return; // a read-only project: its jobs stay as they are
    }
    this.storeFinishedClips();
    for (const job of running) {
      let provider: VideoProvider;
      try {
        provider = this.provider(job.provider as VideoProviderId);
      } catch {
        continue; // not set up in this session: left running, resumed when it is
      }
      this.follow(job.id, provider, null);
    }
  }

  /** Records and submits one job per panel; returns them as soon as each is recorded. */
  async start(input: MotionStart): Promise<MotionJobView[]> {
    const provider = this.provider(input.providerId);
    const caps = provider.capabilities(input.model);
    const requests: (PanelVideoRequest & { panelId: string })[] = [];
    for (const panelId of input.panelIds) requests.push({ panelId, ...(await panelVideoRequest(this.project, panelId, provider.id, caps, input)) });
    const ids = requests.map(({ panelId, request, promptVersionId }) =>
      this.write(() => recordMotionJob(this.project.db, provider, panelId, request, { promptVersionId, autoPick: input.autoPick })),
    );
    ids.forEach((id, k) => this.follow(id, provider, requests[k].request));
    return ids.map((id) => this.view(id));
  }

  /** Stops following the job and marks it cancelled at once; the provider is asked to stop where it can. */
  cancel(jobId: string): MotionJobView {
    const job = readMotionJob(this.project.db, jobId);
    if (!job) throw new CoreError('NOT_FOUND', `No motion job with id ${jobId}.`);
    if (job.state !== 'running' && job.state !== 'submitting' && job.state !== 'unknown') return this.view(jobId);
    this.write(() => markCancelled(this.project.db, jobId));
    this.live.get(jobId)?.controller.abort();
    this.askProviderToStop(jobId);
    this.emitJob(jobId);
    return this.view(jobId);
  }

  /** Best effort: a job cancelled while its create was in flight gets its id later, and is stopped then too. */
  private askProviderToStop(jobId: string): void {
    const job = readMotionJob(this.project.db, jobId);
    const provider = job && this.tryProvider(job.provider as VideoProviderId);
    if (job?.remoteId && provider?.cancel) void provider.cancel(job.remoteId, this.context(new AbortController().signal)).catch(() => undefined);
  }

  jobs(panelId?: string): MotionJobView[] {
    return listMotionJobViews(this.project.db, panelId, this.deps.secrets());
  }

  /** Resolves when no job of this project is being followed. */
  async idle(): Promise<void> {
    while (this.live.size > 0) await Promise.all([...this.live.values()].map((l) => l.done));
  }

  dispose(): void {
    this.disposed = true;
    for (const l of this.live.values()) l.controller.abort();
  }

  /** Submits (when given the request) and polls a job in the background, then stores its clip. */
  private follow(jobId: string, provider: VideoProvider, request: Parameters<typeof sendMotionJob>[3] | null): void {
    const controller = new AbortController();
    const ctx = this.context(controller.signal);
    const work = async () => {
      if (request) {
        await sendMotionJob(this.project.db, provider, jobId, request, ctx);
        if (controller.signal.aborted) return this.stopLateCreate(jobId);
        this.emitJob(jobId);
      }
      const job = await runMotionJob(this.project.db, provider, jobId, ctx, this.deps.sleep);
      if (job.state === 'succeeded') await this.storeClip(job);
    };
    const run = provider.id === 'builtin' ? (this.localLine = this.localLine.then(work, work)) : work();
    const done = run
      .catch((e) => {
        if (!this.isOpen() || controller.signal.aborted) return;
        const failure = describeFailure(e, this.deps.secrets());
        this.tryWrite(() =>
          this.project.db
            .prepare("UPDATE motion_jobs SET state = 'failed', error_kind = ?, error_message = ? WHERE id = ? AND state IN ('submitting', 'running')")
            .run(failure.kind, failure.message, jobId),
        );
      })
      .finally(() => {
        this.live.delete(jobId);
        this.emitJob(jobId);
      });
    this.live.set(jobId, { controller, done });
  }

  /** The create answered after the user cancelled: the job is cancelled again, and the provider asked to stop it. */
  private stopLateCreate(jobId: string): void {
    this.tryWrite(() => markCancelled(this.project.db, jobId));
    this.askProviderToStop(jobId);
  }

  /** The clip of a finished job becomes a variation of its panel (once), picked when the job asked. */
  private async storeClip(job: MotionJob): Promise<void> {
    if (!this.isOpen() || !job.clipSha256 || !job.panelId || !this.project.db.prepare('SELECT 1 FROM panels WHERE id = ?').get(job.panelId)) return;
    const clip = readClip(this.project.db, job.clipSha256)!;
    const row = this.project.db.prepare('SELECT prompt_version_id AS pv, auto_pick AS pick, sent, created_at AS at, updated_at AS done FROM motion_jobs WHERE id = ?').get(job.id) as {
      pv: string | null; pick: number; sent: string; at: string; done: string;
    };
    const sent = JSON.parse(row.sent) as Record<string, unknown>;
    const variationId = writeClipVariation(this.project.db, clip, {
      panelId: job.panelId, motionJobId: job.id, promptVersionId: row.pv, provider: job.provider, model: job.model,
      seed: typeof sent.seed === 'number' ? sent.seed : null, params: sent, elapsedMs: Date.parse(row.done) - Date.parse(row.at),
    });
    this.deps.emit({ kind: 'variations.added', panelId: job.panelId, jobId: job.id, variations: variationsOfMotionJobs(this.project.db, [job.id]) });
    if (row.pick === 1) {
      await pickVariation(this.project, variationId);
      this.deps.emit({ kind: 'board.changed' });
    }
  }

  /** Jobs that finished (clip stored) while their variation was not yet written: a crash in between. */
  private storeFinishedClips(): void {
    const orphans = this.project.db
      .prepare("SELECT id FROM motion_jobs j WHERE state = 'succeeded' AND clip_sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM variations v WHERE v.motion_job_id = j.id)")
      .pluck()
      .all() as string[];
    for (const id of orphans) void this.storeClip(readMotionJob(this.project.db, id)!).catch(() => undefined);
  }

  private provider(id: VideoProviderId): VideoProvider {
    const known = this.providers.get(id);
    if (known) return known;
    const made = this.deps.provider(id);
    this.providers.set(id, made);
    return made;
  }

  private tryProvider(id: VideoProviderId): VideoProvider | null {
    try {
      return this.provider(id);
    } catch {
      return null;
    }
  }

  private context(signal: AbortSignal) {
    return { signal, timeoutMs: this.deps.timeoutMs, onProgress: () => undefined };
  }

  private view(id: string): MotionJobView {
    return motionJobView(this.project.db, id, this.deps.secrets())!;
  }

  private emitJob(jobId: string): void {
    if (!this.isOpen()) return;
    const job = motionJobView(this.project.db, jobId, this.deps.secrets());
    if (job) this.deps.emit({ kind: 'motion.updated', job });
  }

  private isOpen(): boolean {
    return !this.disposed && this.project.db.open;
  }

  private tryWrite(fn: () => unknown): void {
    try {
      this.write(fn);
    } catch {
      // The file went read-only or away: the job shows as it was, and resumes on the next open.
    }
  }

  private write<T>(fn: () => T): T {
    try {
      return this.project.db.transaction(fn).immediate();
    } catch (e) {
      throw classifyStorageError(e, this.project.name);
    }
  }
}
