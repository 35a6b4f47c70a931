import type { Migration } from './types';

/**
 * A board made from a screenplay, and one an editor recut:
 * - scenes keep the script's scene number (text: '12', '6A', 'I-1-A') and can be omitted (cut from the
 *   script: kept, greyed out, left out of exports), the film convention;
 * - scenes made from the script remember which of its scenes (by index in the latest import);
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
      -- Index of the scene in the latest imported script's scenes, or NULL (a scene made by hand).
      ALTER TABLE scenes ADD COLUMN script_scene INTEGER;
      ALTER TABLE panels ADD COLUMN omitted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE panels ADD COLUMN script_element TEXT;

      CREATE TABLE scripts (
        id          TEXT PRIMARY KEY,
        imported_at TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        format      TEXT NOT NULL CHECK (format IN ('fountain', 'fdx')),
        sha256      TEXT NOT NULL,
        -- How the script was broken into panels: one per action/dialogue beat, or one per scene.
        panel_mode  TEXT NOT NULL CHECK (panel_mode IN ('beats', 'scene')),
        source      BLOB NOT NULL,
        -- The parsed screenplay (electron/core/script/parse/model.ts), JSON.
        parsed      TEXT NOT NULL
      );
      CREATE INDEX scripts_by_time ON scripts(imported_at);
    `);
  },
};
