import type { Migration } from './types';

/**
 * Clips as panel variations (issue 14). A clip variation keeps its poster frame as its image (so the
 * gallery, board, PDF and every place that shows a variation's picture go on working) and its clip;
 * picking it puts the poster in the panel and the clip on the panel (`panels.clip_sha256`), with where
 * the panel starts inside the clip and what it does when the panel outlasts it (hold or loop). A
 * motion job keeps the prompt version it sent and, from `generate --pick`, whether to pick its clip.
 */
export const migration009: Migration = {
  version: 9,
  description: 'Clip variations: variations.clip_sha256 and motion_job_id; panels.clip_sha256, clip_in_ms, clip_after; motion_jobs.prompt_version_id, auto_pick',
  up(db) {
    db.exec(`
      ALTER TABLE variations ADD COLUMN clip_sha256 TEXT REFERENCES clips(sha256);
      ALTER TABLE variations ADD COLUMN motion_job_id TEXT;
      ALTER TABLE panels ADD COLUMN clip_sha256 TEXT REFERENCES clips(sha256);
      ALTER TABLE panels ADD COLUMN clip_in_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE panels ADD COLUMN clip_after TEXT NOT NULL DEFAULT 'hold' CHECK (clip_after IN ('hold', 'loop'));
      ALTER TABLE motion_jobs ADD COLUMN prompt_version_id TEXT;
      ALTER TABLE motion_jobs ADD COLUMN auto_pick INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
