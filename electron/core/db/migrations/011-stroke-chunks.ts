import { packChunks } from '../../sketch/stroke-chunks';
import type { Migration } from './types';

/**
 * Strokes move from one row per stroke (`strokes`) to chunk rows holding a run of a layer's strokes
 * end to end (`stroke_chunks`, see sketch/stroke-chunks.ts): a board's strokes came to a quarter more
 * than their bytes, and now to a few percent. Every layer keeps its strokes, in order, byte for byte.
 *
 * A rowid table keyed by (layer, first seq): its rows are kept in the order they were written, so
 * pages fill up, where a table keyed by random layer ids left them half full.
 *
 * Undo entries that wrote stroke rows cannot be replayed on chunks, so the undo history is cut just
 * after the last of them (later entries stay undoable), as migration 010 did.
 */
export const migration011: Migration = {
  version: 11,
  description: 'Strokes stored in chunks of a layer (stroke_chunks) instead of a row each',
  up(db) {
    db.exec(`
      CREATE TABLE stroke_chunks (
        layer_id  TEXT NOT NULL REFERENCES sketch_layers(id),
        first_seq INTEGER NOT NULL,
        data      BLOB NOT NULL,
        PRIMARY KEY (layer_id, first_seq)
      );
    `);
    const add = db.prepare('INSERT INTO stroke_chunks (layer_id, first_seq, data) VALUES (?, ?, ?)');
    const layers = db.prepare('SELECT DISTINCT layer_id FROM strokes').pluck().all() as string[];
    const strokesOf = db.prepare('SELECT seq, data FROM strokes WHERE layer_id = ? ORDER BY seq');
    for (const layerId of layers) {
      for (const c of packChunks(strokesOf.all(layerId) as { seq: number; data: Buffer }[])) add.run(layerId, c.firstSeq, c.data);
    }
    db.exec('DROP TABLE strokes');
    const lastOld = db.prepare(`SELECT max(seq) FROM history WHERE changes LIKE '%"table":"strokes"%'`).pluck().get() as number | null;
    if (lastOld !== null) db.prepare('DELETE FROM history WHERE seq <= ?').run(lastOld);
  },
};
