import type { Migration } from './types';

/**
 * Generated variations, their jobs and prompt versions are a record, written outside undo. When undo
 * (or redo) removes a panel that gained such rows after the edit that created it, they go with it:
 * otherwise their foreign keys would block that undo, and every undo before it. A deletion through
 * an edit removes (and records) them first, so there this trigger finds nothing left to do.
 */
export const migration003: Migration = {
  version: 3,
  description: 'Generated rows (variations, jobs, prompt versions) follow their panel out when undo removes it',
  up(db) {
    db.exec(`
      CREATE TRIGGER panels_delete_generated BEFORE DELETE ON panels BEGIN
        DELETE FROM variations WHERE panel_id = OLD.id
          OR job_id IN (SELECT id FROM generation_jobs WHERE panel_id = OLD.id)
          OR prompt_version_id IN (SELECT id FROM prompt_versions WHERE panel_id = OLD.id);
        DELETE FROM generation_jobs WHERE panel_id = OLD.id
          OR prompt_version_id IN (SELECT id FROM prompt_versions WHERE panel_id = OLD.id);
        DELETE FROM prompt_versions WHERE panel_id = OLD.id;
      END;
    `);
  },
};
