import type { Migration } from './types';

/**
 * Images and audio move from WITHOUT ROWID tables to ordinary ones. In a WITHOUT ROWID table the whole
 * row is the B-tree key, and SQLite reads a key's overflow pages to compare it: every lookup by SHA-256
 * (a thumbnail, an image size) read the full images it passed on the way, and every insert did too.
 *
 * An image's bytes also move to a table of their own, `image_data`: `images` keeps what the board
 * reads (size, type, thumbnail), so reading it never touches the bytes, and a generated image's bytes
 * can be written while its thumbnail is still being made. Deleting an `images` row deletes its bytes
 * (trigger); bytes without an `images` row (a store cut short) are removed when the project opens.
 * Audio keeps its bytes in its row, last.
 *
 * Runs with foreign keys off (see migrate.ts); the tables keep their names, so the references to
 * them stay as they were.
 */
export const migration004: Migration = {
  version: 4,
  description: 'Images and audio in rowid tables; image bytes in image_data (lookups and thumbnails no longer read whole images)',
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
        thumb        BLOB NOT NULL
      );
      CREATE TABLE image_data (
        sha256 TEXT PRIMARY KEY,
        data   BLOB NOT NULL
      );
      INSERT INTO image_data (sha256, data) SELECT sha256, data FROM images;
      INSERT INTO images_v4 (sha256, mime, width, height, byte_size, thumb_mime, thumb_width, thumb_height, source_name, created_at, thumb)
        SELECT sha256, mime, width, height, byte_size, thumb_mime, thumb_width, thumb_height, source_name, created_at, thumb FROM images;
      DROP TABLE images;
      ALTER TABLE images_v4 RENAME TO images;
      CREATE TRIGGER images_delete_data AFTER DELETE ON images BEGIN
        DELETE FROM image_data WHERE sha256 = OLD.sha256;
      END;

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
