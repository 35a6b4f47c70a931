import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';

/**
 * Brings a database up to the newest schema. All pending steps run in one transaction, so a failure
 * leaves the file at its old version.
 *
 * Foreign keys are off while the steps run (SQLite's own procedure for rebuilding a table: the pragma
 * cannot change inside a transaction, and dropping a referenced table would otherwise check or break
 * its children), and every reference is checked before the transaction commits.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return from;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length > 0) {
        throw new Error(`the schema upgrade would break ${broken.length} reference(s), e.g. ${broken[0].table} -> ${broken[0].parent}`);
      }
    })();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return pending[pending.length - 1].version;
}
