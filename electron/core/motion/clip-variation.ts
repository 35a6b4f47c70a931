/**
 * A finished clip becomes a variation of its panel: its poster is the variation's image (so every
 * place that shows variations shows it), its clip rides along. Like still variations, a record of
 * work written directly, not an edit.
 */
import type { Db } from '../db/connection';
import { newId, now } from '../commands/ids';
import type { StoredClip } from './clip-store';
import type { VariationRecord } from '../generation/store-variation';

/** What a clip variation records: a still variation's record, made by a motion job (no usage or cost reported). */
export type ClipVariationRecord = Omit<VariationRecord, 'jobId' | 'usage' | 'costUsd'> & { motionJobId: string | null };

/** Writes the clip's variation row (once per motion job: a job stored again returns its existing row). */
export function writeClipVariation(db: Db, clip: StoredClip, r: ClipVariationRecord): string {
  return db.transaction(() => {
    if (r.motionJobId) {
      const existing = db.prepare('SELECT id FROM variations WHERE motion_job_id = ?').pluck().get(r.motionJobId) as string | undefined;
      if (existing) return existing;
    }
    const id = newId();
    db.prepare(
      `INSERT INTO variations (id, panel_id, job_id, prompt_version_id, image_sha256, clip_sha256, motion_job_id, provider, model, seed, params, elapsed_ms, created_at)
       VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, r.panelId, r.promptVersionId, clip.posterSha256, clip.sha256, r.motionJobId, r.provider, r.model, r.seed, JSON.stringify(r.params),
      r.elapsedMs === null ? null : Math.round(r.elapsedMs), now());
    return id;
  }).immediate();
}
