/**
 * A finished clip becomes a variation of its panel: its poster is the variation's image (so every
 * place that shows variations shows it), its clip rides along. Like still variations, a record of
 * work written directly, not an edit.
 */
import type { Db } from '../db/connection';
import { newId, now } from '../commands/ids';
import type { StoredClip } from './clip-store';

export interface ClipVariationRecord {
  panelId: string;
  motionJobId: string | null;
  promptVersionId: string | null;
  provider: string;
  model: string | null;
  seed: number | null;
  /** What was sent to the provider (never the picture's bytes or a key). */
  params: Record<string, unknown>;
  elapsedMs: number | null;
}

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
