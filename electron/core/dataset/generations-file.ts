import type { Db } from '../db/connection';
import { parseObject } from '../decisions/decision-rows';
import type { VariationRow } from '../generation/job-rows';
import type { DatasetImages } from './dataset-images';

interface GenerationRow extends VariationRow {
  job_params: string | null;
  job_created_at: string | null;
  job_started_at: string | null;
  job_finished_at: string | null;
  prompt: string | null;
  negative_prompt: string | null;
  prompt_params: string | null;
  prompt_parent_id: string | null;
  prompt_created_at: string | null;
}

const SELECT = `
  SELECT v.*, i.width, i.height,
         coalesce(j.params, m.request) AS job_params, coalesce(j.created_at, m.created_at) AS job_created_at, j.started_at AS job_started_at,
         coalesce(j.finished_at, m.updated_at) AS job_finished_at, c.duration_ms AS clip_duration_ms,
         p.text AS prompt, p.negative AS negative_prompt, p.params AS prompt_params, p.parent_id AS prompt_parent_id, p.created_at AS prompt_created_at,
         EXISTS (SELECT 1 FROM panel_layers l WHERE l.panel_id = v.panel_id AND l.kind = 'image' AND l.image_sha256 = v.image_sha256) AS current
  FROM variations v
  JOIN images i ON i.sha256 = v.image_sha256
  LEFT JOIN generation_jobs j ON j.id = v.job_id
  LEFT JOIN motion_jobs m ON m.id = v.motion_job_id
  LEFT JOIN clips c ON c.sha256 = v.clip_sha256
  LEFT JOIN prompt_versions p ON p.id = v.prompt_version_id
  ORDER BY v.created_at, v.rowid`;

/** Each prompt version's number among its panel's versions, 1 for the first prompt sent. */
function promptVersionNumbers(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT id, panel_id FROM prompt_versions ORDER BY created_at, rowid').all() as { id: string; panel_id: string | null }[];
  const counts = new Map<string | null, number>();
  const numbers = new Map<string, number>();
  for (const r of rows) {
    const n = (counts.get(r.panel_id) ?? 0) + 1;
    counts.set(r.panel_id, n);
    numbers.set(r.id, n);
  }
  return numbers;
}

/** Variation ids that some pick in the log chose (undone picks are gone from the log, so not counted). */
export function pickedVariationIds(db: Db): Set<string> {
  return new Set(db.prepare("SELECT json_extract(data, '$.variationId') FROM decisions WHERE kind = 'variation.picked'").pluck().all() as string[]);
}

/** generations.jsonl: every variation, oldest first, with how it was asked for and whether it was picked. */
export function generationRecords(db: Db, images: DatasetImages, shots: Map<string, string>) {
  const numbers = promptVersionNumbers(db);
  const picked = pickedVariationIds(db);
  return (db.prepare(SELECT).all() as GenerationRow[]).map((r) => ({
    variation_id: r.id,
    panel_id: r.panel_id,
    shot: shots.get(r.panel_id) ?? null,
    job_id: r.job_id ?? r.motion_job_id,
    kind: r.clip_sha256 ? 'clip' : 'still',
    provider: r.provider,
    model: r.model,
    seed: r.seed,
    prompt: r.prompt,
    negative_prompt: r.negative_prompt,
    prompt_version_id: r.prompt_version_id,
    prompt_version: r.prompt_version_id ? (numbers.get(r.prompt_version_id) ?? null) : null,
    prompt_parent_id: r.prompt_parent_id,
    prompt_params: r.prompt_params === null ? null : parseObject(r.prompt_params),
    job_params: r.job_params === null ? null : parseObject(r.job_params),
    params: parseObject(r.params),
    elapsed_ms: r.elapsed_ms,
    cost_usd: r.cost_usd,
    prompt_created_at: r.prompt_created_at,
    requested_at: r.job_created_at,
    started_at: r.job_started_at,
    finished_at: r.job_finished_at,
    created_at: r.created_at,
    image: images.ref(r.image_sha256),
    image_sha256: r.image_sha256,
    width: r.width,
    height: r.height,
    clip_sha256: r.clip_sha256,
    clip_duration_ms: r.clip_sha256 ? r.clip_duration_ms : null,
    picked: picked.has(r.id),
    current: r.current === 1,
  }));
}

export type GenerationRecord = ReturnType<typeof generationRecords>[number];
