import type { Stroke } from '../../../../shared/domain/sketch';
import { newLayerId } from '../../sketch/layer-ids';
import { encodeStroke } from '../../sketch/stroke-codec';
import type { Migration } from './types';

/**
 * Drawing layers (issue 16). A panel's strokes move from one `panel_layers` row per stroke (JSON) to
 * named stroke layers (`sketch_layers`: role, name, visibility, lock, opacity, order) holding their
 * strokes in compact binary rows (`strokes`, keyed by layer and order, WITHOUT ROWID so a stroke costs
 * a few bytes beyond its points). The panel's picture stays the 'image' row of `panel_layers`: it is
 * the reference layer, under the stroke layers.
 *
 * Every panel's existing strokes become its Pencil layer, in their order, unchanged (so its composite
 * stays right). Undo entries that wrote the old stroke rows cannot be replayed on the new tables, so
 * the undo history is cut just after the last of them (later entries stay undoable).
 *
 * A panel's composite becomes derived data: drawn from its layers after each edit, outside the undo
 * record (so a stroke no longer keeps a flattened picture of its own). `panels.composite_stale` marks
 * one an undo or redo made out of date, until it is drawn again.
 */
export const migration010: Migration = {
  version: 10,
  description: 'Drawing layers: sketch_layers and strokes (compact); existing strokes become each panel\'s Pencil layer; panels.composite_stale',
  up(db) {
    db.exec(`
      CREATE TABLE sketch_layers (
        id       TEXT PRIMARY KEY,
        panel_id TEXT NOT NULL REFERENCES panels(id),
        position REAL NOT NULL,
        role     TEXT NOT NULL CHECK (role IN ('fill', 'tone', 'pencil', 'ink', 'notes', 'custom')),
        name     TEXT NOT NULL,
        visible  INTEGER NOT NULL DEFAULT 1,
        locked   INTEGER NOT NULL DEFAULT 0,
        opacity  REAL NOT NULL DEFAULT 1
      );
      CREATE INDEX sketch_layers_by_panel ON sketch_layers(panel_id);
      CREATE TABLE strokes (
        layer_id TEXT NOT NULL REFERENCES sketch_layers(id),
        seq      INTEGER NOT NULL,
        data     BLOB NOT NULL,
        PRIMARY KEY (layer_id, seq)
      ) WITHOUT ROWID;
      ALTER TABLE panels ADD COLUMN composite_stale INTEGER NOT NULL DEFAULT 0;
    `);
    const rows = db
      .prepare("SELECT panel_id, strokes FROM panel_layers WHERE kind = 'sketch' ORDER BY panel_id, position, id")
      .all() as { panel_id: string; strokes: string | null }[];
    const addLayer = db.prepare("INSERT INTO sketch_layers (id, panel_id, position, role, name) VALUES (?, ?, 3, 'pencil', 'Pencil')");
    const addStroke = db.prepare('INSERT INTO strokes (layer_id, seq, data) VALUES (?, ?, ?)');
    let panel = '';
    let layer = '';
    let seq = 0;
    for (const row of rows) {
      if (row.panel_id !== panel) {
        panel = row.panel_id;
        layer = newLayerId();
        seq = 0;
        addLayer.run(layer, panel);
      }
      for (const stroke of JSON.parse(row.strokes ?? '[]') as Stroke[]) addStroke.run(layer, ++seq, encodeStroke(stroke));
    }
    db.exec("DELETE FROM panel_layers WHERE kind = 'sketch'");
    const lastOld = db.prepare(`SELECT max(seq) FROM history WHERE changes LIKE '%"kind":"sketch"%'`).pluck().get() as number | null;
    if (lastOld !== null) db.prepare('DELETE FROM history WHERE seq <= ?').run(lastOld);
  },
};
