import type { Migration } from './types';

/**
 * Images and audio move from WITHOUT ROWID tables to ordinary ones, small columns first and the big
 * blob last. In a WITHOUT ROWID table the whole row is the B-tree key, and SQLite reads a key's
 * overflow pages to compare it: every lookup by SHA-256 (a thumbnail, an image size) read the
 * full images it passed on the way, and every insert did too. In a rowid table the SHA-256 lives in
 * a small index, and the thumbnail, stored before the image bytes, is read without touching them.
 *
 * Runs with foreign keys off (see migrate.ts); the tables keep their names, so the references to
 * them stay as they were.
 */
export const migration004: Migration = {
  version: 4,
  description: 'Images and audio in rowid tables with the large blob last (lookups no longer read whole images)',
  up(db) {
    db.exec(`
      CREATE TABLE images_v4 (
        sha256       TEXT PRIMARY KEY,
        mime         TEXT NOT NULL,
        width        INTEGER NOT NULL,
        height       INTEGER NOT NULL,
        byte_size    INTEGER NOT NULL,
        thumb_mime   TEXT NOT NULL,
        thumb_width  INTEGER NOT NULL,
        thumb_height INTEGER NOT NULL,
        source_name  TEXT,
        created_at   TEXT NOT NULL,
        thumb        BLOB NOT NULL,
        data         BLOB NOT NULL
      );
      INSERT INTO images_v4 (sha256, mime, width, height, byte_size, thumb_mime, thumb_width, thumb_height, source_name, created_at, thumb, data)
        SELECT sha256, mime, width, height, byte_size, thumb_mime, thumb_width, thumb_height, source_name, created_at, thumb, data FROM images;
      DROP TABLE images;
      ALTER TABLE images_v4 RENAME TO images;

      CREATE TABLE audio_blobs_v4 (
        sha256      TEXT PRIMARY KEY,
        mime        TEXT NOT NULL,
        byte_size   INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        source_name TEXT,
        created_at  TEXT NOT NULL,
        waveform    BLOB,
        data        BLOB NOT NULL
      );
      INSERT INTO audio_blobs_v4 (sha256, mime, byte_size, duration_ms, source_name, created_at, waveform, data)
        SELECT sha256, mime, byte_size, duration_ms, source_name, created_at, waveform, data FROM audio_blobs;
      DROP TABLE audio_blobs;
      ALTER TABLE audio_blobs_v4 RENAME TO audio_blobs;
    `);
  },
};
