import type { Migration } from './types';

/**
 * Motion clips (issue 14). `clips` and `clip_data` store each video once by SHA-256, as images are,
 * with what the timeline needs to cut it frame-exact and a poster frame (an image). `motion_jobs` is
 * the record of image-to-video work: written before the provider is asked, given the provider's id as
 * soon as it answers, so a restart resumes polling and never submits (and bills) twice. Records of
 * work, not document edits: outside undo, like generation_jobs.
 */
export const migration008: Migration = {
  version: 8,
  description: 'Motion clips (clips, clip_data) and restart-safe image-to-video jobs (motion_jobs)',
  up(db) {
    db.exec(`
      CREATE TABLE clips (
        sha256        TEXT PRIMARY KEY,
        mime          TEXT NOT NULL,
        byte_size     INTEGER NOT NULL,
        width         INTEGER NOT NULL,
        height        INTEGER NOT NULL,
        fps_num       INTEGER NOT NULL,
        fps_den       INTEGER NOT NULL,
        frames        INTEGER NOT NULL,
        duration_ms   INTEGER NOT NULL,
        poster_sha256 TEXT NOT NULL REFERENCES images(sha256),
        source_name   TEXT,
        created_at    TEXT NOT NULL
      );
      CREATE TABLE clip_data (
        sha256 TEXT PRIMARY KEY,
        data   BLOB NOT NULL
      );
      CREATE TABLE motion_jobs (
        id                TEXT PRIMARY KEY,
        panel_id          TEXT,
        provider          TEXT NOT NULL,
        model             TEXT,
        -- What was asked (prompt, seconds, seed, aspect...), never the picture's bytes or a key.
        request           TEXT NOT NULL DEFAULT '{}',
        state             TEXT NOT NULL CHECK (state IN ('submitting', 'running', 'succeeded', 'failed', 'expired', 'cancelled', 'unknown')),
        remote_id         TEXT,
        sent              TEXT NOT NULL DEFAULT '{}',
        poll_every_ms     INTEGER NOT NULL DEFAULT 10000,
        next_poll_at      TEXT,
        result_expires_at TEXT,
        clip_sha256       TEXT REFERENCES clips(sha256),
        error_kind        TEXT,
        error_message     TEXT,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      );
      CREATE INDEX motion_jobs_by_state ON motion_jobs(state);
    `);
  },
};
