/**
 * Image-to-video jobs that survive a restart (issue 14; ../../../../shared reference
 * video-providers.md §7). The row is written as `submitting` before the provider is asked and gets
 * the provider's id as soon as it answers; polling goes by that id, in this process or after a
 * restart. Nothing here ever submits a job again: a second submission costs the filmmaker money. A
 * job that was `submitting` when the app stopped becomes `unknown` (it may exist, and be billed).
 */
import type { Db } from '../db/connection';
import { newId } from '../commands/ids';
import { isProviderError } from '../providers/errors';
import type { GenerateContext } from '../providers/types';
import { importClip } from './clip-store';
import type { VideoProvider, VideoRequest } from './video-provider';

export type MotionJobState = 'submitting' | 'running' | 'succeeded' | 'failed' | 'expired' | 'cancelled' | 'unknown';

export interface MotionJob {
  id: string;
  panelId: string | null;
  provider: string;
  model: string | null;
  state: MotionJobState;
  remoteId: string | null;
  pollEveryMs: number;
  nextPollAt: string | null;
  resultExpiresAt: string | null;
  clipSha256: string | null;
  errorKind: string | null;
  errorMessage: string | null;
}

/** Longest wait between polls after errors (the interval doubles from the provider's own). */
const MAX_BACKOFF_MS = 60_000;
const UNKNOWN_MESSAGE = 'Boardwright stopped before the provider answered: the job may exist (and be billed); it is not submitted again.';

const iso = (ms: number) => new Date(Math.min(ms, 253402300799000)).toISOString();

export function readMotionJob(db: Db, id: string): MotionJob | undefined {
  return db
    .prepare(
      `SELECT id, panel_id AS panelId, provider, model, state, remote_id AS remoteId, poll_every_ms AS pollEveryMs, next_poll_at AS nextPollAt,
       result_expires_at AS resultExpiresAt, clip_sha256 AS clipSha256, error_kind AS errorKind, error_message AS errorMessage
       FROM motion_jobs WHERE id = ?`,
    )
    .get(id) as MotionJob | undefined;
}

function update(db: Db, id: string, fields: Record<string, unknown>): MotionJob {
  const keys = Object.keys(fields);
  db.prepare(`UPDATE motion_jobs SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...fields, updated_at: iso(Date.now()), id });
  return readMotionJob(db, id)!;
}

function failure(db: Db, id: string, e: unknown, state: MotionJobState): MotionJob {
  const kind = isProviderError(e) ? e.kind : 'INTERNAL';
  return update(db, id, { state, error_kind: kind, error_message: (e as Error).message ?? String(e) });
}

/** What the job keeps of a request: everything but the pictures' bytes (of the planes, their names). */
function requestRecord(request: VideoRequest): string {
  const { firstFrame, planes, ...rest } = request;
  return JSON.stringify({ ...rest, firstFrame: { mime: firstFrame.mime, bytes: firstFrame.data.length }, ...(planes ? { planes: planes.map((p) => p.name) } : {}) });
}

/** What a job keeps beside the request: the prompt version it sent, and whether its clip is picked when done. */
export interface MotionJobExtras {
  promptVersionId?: string | null;
  autoPick?: boolean;
}

/** Writes the job as `submitting`, before anything is sent: a crash from here on leaves a trace, never a silent charge. */
export function recordMotionJob(db: Db, provider: VideoProvider, panelId: string | null, request: VideoRequest, extras: MotionJobExtras = {}): string {
  const id = newId();
  const t = iso(Date.now());
  db.prepare(
    `INSERT INTO motion_jobs (id, panel_id, provider, model, request, state, prompt_version_id, auto_pick, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'submitting', ?, ?, ?, ?)`,
  ).run(id, panelId, provider.id, request.model ?? null, requestRecord(request), extras.promptVersionId ?? null, extras.autoPick ? 1 : 0, t, t);
  return id;
}

/** Asks the provider once for a recorded job. Its id is kept the moment it answers. */
export async function sendMotionJob(db: Db, provider: VideoProvider, id: string, request: VideoRequest, ctx: GenerateContext): Promise<MotionJob> {
  try {
    const sub = await provider.submit(request, ctx);
    const at = Date.now();
    return update(db, id, {
      state: 'running', remote_id: sub.remoteId, model: sub.model, sent: JSON.stringify(sub.sent), poll_every_ms: sub.pollEveryMs,
      next_poll_at: iso(at + sub.pollEveryMs), result_expires_at: iso(at + sub.resultWindowMs),
    });
  } catch (e) {
    // A create that may have reached the provider is not failed (it may be running, and billed): unknown.
    const kind = isProviderError(e) ? e.kind : '';
    failure(db, id, e, isProviderError(e) && e.maybeCreated ? 'unknown' : kind === 'CANCELLED' ? 'cancelled' : 'failed');
    throw e;
  }
}

/** Records the job, then asks the provider once. */
export function submitMotionJob(db: Db, provider: VideoProvider, panelId: string | null, request: VideoRequest, ctx: GenerateContext, extras: MotionJobExtras = {}): Promise<MotionJob> {
  return sendMotionJob(db, provider, recordMotionJob(db, provider, panelId, request, extras), request, ctx);
}

/**
 * After a start: jobs left `submitting` become `unknown`, running jobs past the provider's result
 * window `expired`; returns the running jobs, to be polled again (never submitted again).
 */
export function resumeMotionJobs(db: Db, at = Date.now()): MotionJob[] {
  db.prepare(`UPDATE motion_jobs SET state = 'unknown', error_kind = 'UNKNOWN', error_message = ?, updated_at = ? WHERE state = 'submitting'`).run(UNKNOWN_MESSAGE, iso(at));
  db.prepare(`UPDATE motion_jobs SET state = 'expired', error_kind = 'EXPIRED', error_message = 'The provider no longer keeps this result.', updated_at = ? WHERE state = 'running' AND result_expires_at < ?`).run(iso(at), iso(at));
  const ids = db.prepare(`SELECT id FROM motion_jobs WHERE state = 'running' ORDER BY created_at`).pluck().all() as string[];
  return ids.map((id) => readMotionJob(db, id)!);
}

/**
 * One poll of a running job: still running (next poll scheduled), done (the clip downloaded, checked
 * and stored), or ended without a clip. A transient failure (rate limit, server, network) only
 * pushes the next poll back, doubling up to a minute or as long as the provider asked.
 */
export async function stepMotionJob(db: Db, provider: VideoProvider, id: string, ctx: GenerateContext, errors = 0): Promise<MotionJob> {
  const job = readMotionJob(db, id);
  if (!job || job.state !== 'running' || !job.remoteId) return job!;
  if (job.resultExpiresAt && Date.parse(job.resultExpiresAt) < Date.now()) return update(db, id, { state: 'expired', error_kind: 'EXPIRED', error_message: 'The provider no longer keeps this result.' });
  try {
    const poll = await provider.poll(job.remoteId, ctx);
    if (poll.state === 'running') return update(db, id, { next_poll_at: iso(Date.now() + job.pollEveryMs), error_kind: null, error_message: null });
    const bytes = await provider.download(poll.videos[0], job.remoteId, ctx);
    const stored = await importClip(db, bytes, `${provider.label} clip`);
    return update(db, id, { state: 'succeeded', clip_sha256: stored.sha256, error_kind: null, error_message: null });
  } catch (e) {
    if (isProviderError(e) && e.kind === 'CANCELLED' && ctx.signal.aborted) throw e;
    if (isProviderError(e) && e.retryable) {
      const wait = Math.min(MAX_BACKOFF_MS, Math.max(e.retryAfterMs ?? 0, job.pollEveryMs * 2 ** (errors + 1)));
      return update(db, id, { next_poll_at: iso(Date.now() + wait), error_kind: e.kind, error_message: e.message });
    }
    const kind = isProviderError(e) ? e.kind : '';
    return failure(db, id, e, kind === 'EXPIRED' ? 'expired' : kind === 'CANCELLED' ? 'cancelled' : 'failed');
  }
}

/** Polls a running job until it ends, waiting for each next poll (cancellable through ctx.signal). */
export async function runMotionJob(db: Db, provider: VideoProvider, id: string, ctx: GenerateContext, sleep: (ms: number, signal: AbortSignal) => Promise<void>): Promise<MotionJob> {
  let errors = 0;
  for (;;) {
    const before = readMotionJob(db, id);
    if (!before || before.state !== 'running') return before!;
    const wait = before.nextPollAt ? Date.parse(before.nextPollAt) - Date.now() : 0;
    if (wait > 0) await sleep(wait, ctx.signal);
    const after = await stepMotionJob(db, provider, id, ctx, errors);
    errors = after.state === 'running' && after.errorKind ? errors + 1 : 0;
    if (after.state !== 'running') return after;
  }
}

/** Marks a job cancelled (whatever the provider still does with it, nothing more is fetched). */
export function markCancelled(db: Db, id: string): void {
  db.prepare("UPDATE motion_jobs SET state = 'cancelled', error_kind = 'CANCELLED', error_message = 'Cancelled.', updated_at = ? WHERE id = ?").run(iso(Date.now()), id);
}

/** The user cancels: the provider is asked to stop where it can, and the job ends as cancelled either way. */
export async function cancelMotionJob(db: Db, provider: VideoProvider, id: string, ctx: GenerateContext): Promise<MotionJob> {
  const job = readMotionJob(db, id);
  if (!job || (job.state !== 'running' && job.state !== 'unknown')) return job!;
  if (job.remoteId && provider.cancel) await provider.cancel(job.remoteId, ctx).catch(() => undefined);
  return update(db, id, { state: 'cancelled', error_kind: 'CANCELLED', error_message: 'Cancelled.' });
}
