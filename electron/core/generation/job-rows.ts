/** SQL for generation jobs and variations. These rows are a record of work done, not undoable edits. */
import type { GenerationJob, JobStatus, ProviderId, Variation } from '../../../shared/domain/generation';
import type { ClipColumns } from '../queries/rows';
import { toClipInfo } from '../board/to-domain';
import type { Db } from '../db/connection';
import { parseObject } from '../decisions/decision-rows';

export interface JobRow {
  id: string;
  panel_id: string | null;
  prompt_version_id: string | null;
  provider: string;
  model: string | null;
  count: number;
  params: string;
  status: string;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  variation_count: number;
}

/** What a job keeps in its params column besides the prompt version: how it was asked for. */
export interface JobParams {
  seed: number | null;
  refine: boolean;
  model?: string;
}

const JOB_SELECT = `SELECT j.*, (SELECT count(*) FROM variations v WHERE v.job_id = j.id) AS variation_count FROM generation_jobs j`;

export function getJobRow(db: Db, id: string): JobRow | undefined {
  return db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(id) as JobRow | undefined;
}

/** Newest first; a panel's jobs, or all. */
export function listJobRows(db: Db, panelId?: string): JobRow[] {
  return (
    panelId
      ? db.prepare(`${JOB_SELECT} WHERE j.panel_id = ? ORDER BY j.created_at DESC, j.rowid DESC`).all(panelId)
      : db.prepare(`${JOB_SELECT} ORDER BY j.created_at DESC, j.rowid DESC`).all()
  ) as JobRow[];
}

export function toJob(row: JobRow, progress: number): GenerationJob {
  const params = parseObject(row.params);
  return {
    id: row.id,
    panelId: row.panel_id,
    promptVersionId: row.prompt_version_id,
    provider: row.provider as ProviderId,
    model: row.model,
    count: row.count,
    seed: typeof params.seed === 'number' ? params.seed : null,
    refine: params.refine === true,
    status: row.status as JobStatus,
    progress: row.status === 'succeeded' ? 1 : progress,
    attempts: row.attempts,
    error: row.error_code ? { kind: row.error_code, message: row.error_message ?? '' } : null,
    variationCount: row.variation_count,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Jobs a previous run left queued or running: they were cut off by a quit or a crash. */
export function markInterrupted(db: Db, at: string, exceptIds: ReadonlySet<string> = new Set()): string[] {
  const ids = (db.prepare("SELECT id FROM generation_jobs WHERE status IN ('queued', 'running')").pluck().all() as string[]).filter((id) => !exceptIds.has(id));
  const update = db.prepare(
    "UPDATE generation_jobs SET status = 'interrupted', finished_at = ?, error_code = 'INTERRUPTED', error_message = ? WHERE id = ?",
  );
  for (const id of ids) update.run(at, 'Boardwright stopped before this job finished. Retry it to generate again.', id);
  return ids;
}

export interface VariationRow extends ClipColumns {
  id: string;
  panel_id: string;
  job_id: string | null;
  prompt_version_id: string | null;
  image_sha256: string;
  provider: string;
  model: string | null;
  seed: number | null;
  params: string;
  elapsed_ms: number | null;
  usage: string | null;
  cost_usd: number | null;
  created_at: string;
  width: number;
  height: number;
  current: number;
  motion_job_id: string | null;
}

const VARIATION_SELECT = `
  SELECT v.*, i.width, i.height,
         EXISTS (SELECT 1 FROM panel_layers l WHERE l.panel_id = v.panel_id AND l.kind = 'image' AND l.image_sha256 = v.image_sha256)
           AND (SELECT p.clip_sha256 IS v.clip_sha256 FROM panels p WHERE p.id = v.panel_id) AS current,
         c.width AS clip_width, c.height AS clip_height, c.fps_num AS clip_fps_num, c.fps_den AS clip_fps_den, c.frames AS clip_frames,
         c.duration_ms AS clip_duration_ms, c.poster_sha256 AS clip_poster_sha256
  FROM variations v JOIN images i ON i.sha256 = v.image_sha256 LEFT JOIN clips c ON c.sha256 = v.clip_sha256`;

const toVariation = (r: VariationRow): Variation => ({
  id: r.id,
  panelId: r.panel_id,
  jobId: r.job_id,
  promptVersionId: r.prompt_version_id,
  imageSha256: r.image_sha256,
  width: r.width,
  height: r.height,
  provider: r.provider,
  model: r.model,
  seed: r.seed,
  params: parseObject(r.params),
  elapsedMs: r.elapsed_ms,
  usage: r.usage ? parseObject(r.usage) : null,
  costUsd: r.cost_usd,
  createdAt: r.created_at,
  current: r.current === 1,
  clip: toClipInfo(r),
});

/** A panel's variations, newest first (a job's own in the order they were made). */
export function listVariations(db: Db, panelId: string): Variation[] {
  return (db.prepare(`${VARIATION_SELECT} WHERE v.panel_id = ? ORDER BY v.created_at DESC, v.rowid ASC`).all(panelId) as VariationRow[]).map(toVariation);
}

export function getVariation(db: Db, id: string): Variation | undefined {
  const row = db.prepare(`${VARIATION_SELECT} WHERE v.id = ?`).get(id) as VariationRow | undefined;
  return row ? toVariation(row) : undefined;
}

/** The clip variations motion jobs made, in the order they were made. */
export function variationsOfMotionJobs(db: Db, jobIds: string[]): Variation[] {
  return (db.prepare(`${VARIATION_SELECT} WHERE v.motion_job_id IN (SELECT value FROM json_each(?)) ORDER BY v.created_at, v.rowid`).all(JSON.stringify(jobIds)) as VariationRow[]).map(toVariation);
}

export function variationsOfJob(db: Db, jobId: string): Variation[] {
  return (db.prepare(`${VARIATION_SELECT} WHERE v.job_id = ? ORDER BY v.created_at, v.rowid`).all(jobId) as VariationRow[]).map(toVariation);
}
