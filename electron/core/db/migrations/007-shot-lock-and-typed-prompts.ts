import type { Migration } from './types';

/**
 * Locked shot numbers, and the prompt a panel shows.
 * - A board handed to the crew keeps its shot numbers: `project.shot_numbers_locked`, and each
 *   panel's number frozen in `panels.locked_shot_number` (a new panel gets one between its
 *   neighbours', 1AA between 1A and 1B). Unlocking clears them: numbering is automatic again.
 * - Prompt versions say where they came from (`source`: sent to a provider, typed, or composed by
 *   Recompose), and `panels.prompt_version_id` names the version the panel's prompt field shows.
 *   Moving that pointer is an undoable edit; the versions themselves stay a record, outside undo.
 *   No REFERENCES on it: the change recorder deletes a row's referrers first, and a panel would then
 *   be a referrer of its own prompt versions.
 */
export const migration007: Migration = {
  version: 7,
  description: 'Locked shot numbers; typed and composed prompt versions; the prompt version a panel shows',
  up(db) {
    db.exec(`
      ALTER TABLE project ADD COLUMN shot_numbers_locked INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE panels ADD COLUMN locked_shot_number TEXT;
      ALTER TABLE panels ADD COLUMN prompt_version_id TEXT;
      ALTER TABLE prompt_versions ADD COLUMN source TEXT NOT NULL DEFAULT 'sent' CHECK (source IN ('sent', 'typed', 'composed'));
    `);
  },
};
