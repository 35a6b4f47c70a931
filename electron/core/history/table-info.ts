import type { Db } from '../db/connection';

export interface TableInfo {
  primaryKey: string[];
  columns: Set<string>;
  /** Tables whose rows point at this one: deleting a row here must first delete those. */
  referencedBy: { table: string; from: string; to: string }[];
}

const cache = new WeakMap<Db, Map<string, TableInfo>>();

/** Schema facts the change recorder needs, read once per connection from SQLite itself. */
export function tableInfo(db: Db, table: string): TableInfo {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = loadAll(db);
    cache.set(db, perDb);
  }
  const info = perDb.get(table);
  if (!info) throw new Error(`Unknown table ${table}`);
  return info;
}

function loadAll(db: Db): Map<string, TableInfo> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const infos = new Map<string, TableInfo>();
  for (const t of tables) {
    const cols = db.prepare(`PRAGMA table_info(${quoteIdent(t)})`).all() as { name: string; pk: number }[];
    infos.set(t, {
      primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      columns: new Set(cols.map((c) => c.name)),
      referencedBy: [],
    });
  }
  for (const t of tables) {
    const fks = db.prepare(`PRAGMA foreign_key_list(${quoteIdent(t)})`).all() as { table: string; from: string; to: string | null }[];
    for (const fk of fks) {
      const target = infos.get(fk.table);
      if (!target) continue;
      target.referencedBy.push({ table: t, from: fk.from, to: fk.to ?? target.primaryKey[0] });
    }
  }
  return infos;
}

export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Bad identifier ${name}`);
  return `"${name}"`;
}
