import { insertClipChunks } from '../../motion/clip-chunks';
import type { Migration } from './types';

/**
 * A clip's bytes move from one blob (`clip_data`) to rows of a megabyte in order (`clip_chunks`, see
 * motion/clip-chunks.ts): writing a 20 MB clip as one blob made SQLite copy it whole twice, and that
 * fresh memory cost more than the write itself. Every clip keeps its bytes, byte for byte.
 * A rowid table, as for images (migration 004): rows sit in the order they were written.
 */
export const migration012: Migration = {
  version: 12,
  description: 'Clip bytes stored in chunks of a megabyte (clip_chunks) instead of one blob each',
  up(db) {
    db.exec(`
      CREATE TABLE clip_chunks (
        sha256 TEXT NOT NULL,
        seq    INTEGER NOT NULL,
        data   BLOB NOT NULL,
        PRIMARY KEY (sha256, seq)
      );
    `);
    const shas = db.prepare('SELECT sha256 FROM clip_data ORDER BY rowid').pluck().all() as string[];
    const bytesOf = db.prepare('SELECT data FROM clip_data WHERE sha256 = ?').pluck();
    for (const sha256 of shas) insertClipChunks(db, sha256, bytesOf.get(sha256) as Buffer);
    db.exec('DROP TABLE clip_data');
  },
};
