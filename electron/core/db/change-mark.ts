/** What SQLite says of changes to a project file, to tell cheaply that nothing changed between two moments. */

interface Counted {
  open: boolean;
  prepare(sql: string): { pluck(): { get(): unknown } };
  pragma(sql: string, options: { simple: true }): unknown;
}

/** Rows this connection has inserted, updated or deleted since it opened (0 once closed). */
export function changeCount(db: Counted): number {
  return db.open ? (db.prepare('SELECT total_changes()').pluck().get() as number) : 0;
}

/**
 * A mark that moves whenever the file may have changed: a row written through this connection, or a
 * commit by another one (another process with the project open). Equal marks: nothing changed.
 */
export function changeMark(db: Counted): string {
  return `${changeCount(db)}/${db.pragma('data_version', { simple: true }) as number}`;
}
