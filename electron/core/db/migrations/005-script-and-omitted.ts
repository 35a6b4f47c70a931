import type { Migration } from './types';

/**
 * A board made from a screenplay, and one an editor recut:
 * - scenes keep the script's scene number (text: '12', '6A', 'I-1-A') and can be omitted (cut from the
 *   script: kept, greyed out, left out of exports), the film convention;
 * - panels can be omitted too (dropped by the editor, or their script text cut), and remember which
 *   element of the imported script they were made from, so the script pane can highlight it and a
 *   re-import can update its text;
 * - the imported script itself (its bytes and its parsed form) is kept, one row per import: the latest
 *   is the project's script. Imports are edits, so undo removes them with the scenes they made.
 */
export const migration005: Migration = {
  version: 5,
  description: 'Script scene numbers, omitted scenes and panels, imported scripts',
  up(db) {
    db.exec(`
      ALTER TABLE scenes ADD COLUMN script_number TEXT;
      ALTER TABLE scenes ADD COLUMN omitted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE panels ADD COLUMN omitted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE panels ADD COLUMN script_element TEXT;

      CREATE TABLE scripts (
        id          TEXT PRIMARY KEY,
        imported_at TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        format      TEXT NOT NULL CHECK (format IN ('fountain', 'fdx')),
        sha256      TEXT NOT NULL,
        source      BLOB NOT NULL,
        -- The parsed screenplay (electron/core/script/parse/model.ts), JSON.
        parsed      TEXT NOT NULL
      );
      CREATE INDEX scripts_by_time ON scripts(imported_at);
    `);
  },
};
