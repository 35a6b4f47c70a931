import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

/**
 * Brings a database up to the newest schema. All pending steps run in one transaction, so a failure
 * leaves the file at its old version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return from;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return pending[pending.length - 1].version;
}
