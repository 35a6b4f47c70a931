/** The script's speaking characters join the project's characters, so prompts can use them at once. */
import type { Db } from '../../db/connection';
import type { ChangeRecorder } from '../../history/recorder';
import { newId, now } from '../../commands/ids';

/** Adds the names the project lacks (compared without case); returns every script name (lower case) -> character id. */
export function addCharacters(rec: ChangeRecorder, db: Db, names: readonly string[]): Map<string, string> {
  const rows = db.prepare('SELECT id, name FROM characters ORDER BY position').all() as { id: string; name: string }[];
  const byName = new Map(rows.map((r) => [r.name.trim().toLowerCase(), r.id]));
  let position = (db.prepare('SELECT max(position) FROM characters').pluck().get() as number | null) ?? 0;
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (!key || byName.has(key)) continue;
    const id = newId();
    rec.insert('characters', { id, position: ++position, name: name.trim(), description: '', created_at: now() });
    byName.set(key, id);
  }
  return byName;
}

export function missingCharacters(db: Db, names: readonly string[]): string[] {
  const have = new Set((db.prepare('SELECT name FROM characters').pluck().all() as string[]).map((n) => n.trim().toLowerCase()));
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.trim().toLowerCase();
    if (!key || have.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
