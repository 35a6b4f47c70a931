import type { Db } from '../db/connection';
import type { Change, Row, SqlValue } from './changes';
import { quoteIdent, tableInfo } from './table-info';

/**
 * Writes rows and remembers what it wrote, so the whole edit can be undone and redone exactly.
 * Used only inside a transaction (see Project.edit). Tables that are content-addressed stores
 * (images, audio blobs) are written directly, never through here: undo never deletes media.
 */
export class ChangeRecorder {
  readonly changes: Change[] = [];

  constructor(readonly db: Db) {}

  insert(table: string, row: Row): void {
    insertRow(this.db, table, row);
    this.changes.push({ op: 'insert', table, row: { ...row } });
  }

  /** Updates the given columns of one row; records nothing when the values are unchanged. */
  update(table: string, key: Row, patch: Row): void {
    const cols = Object.keys(patch);
    if (cols.length === 0) return;
    const current = selectRow(this.db, table, key, cols);
    if (!current) throw new Error(`No ${table} row ${JSON.stringify(key)}`);
    const before: Row = {};
    const after: Row = {};
    for (const c of cols) {
      if (!sameValue(current[c], patch[c])) {
        before[c] = current[c];
        after[c] = patch[c];
      }
    }
    if (Object.keys(after).length === 0) return;
    updateRow(this.db, table, key, after);
    this.changes.push({ op: 'update', table, key, before, after });
  }

  /** Adds bytes to the end of a BLOB column; the undo record holds only them, not the whole value before and after. */
  append(table: string, key: Row, column: string, bytes: Buffer): void {
    if (bytes.length === 0) return;
    const current = blobOf(this.db, table, key, column);
    moveRow(this.db, table, key, { [column]: Buffer.concat([current, bytes]) });
    this.changes.push({ op: 'append', table, key, column, at: current.length, bytes });
  }

  /** Deletes a row and, first, every row that references it (recorded too, so undo brings all back). */
  delete(table: string, key: Row): void {
    const info = tableInfo(this.db, table);
    const row = selectRow(this.db, table, key, [...info.columns]);
    if (!row) return;
    for (const ref of info.referencedBy) {
      const childInfo = tableInfo(this.db, ref.table);
      const children = this.db
        .prepare(`SELECT ${childInfo.primaryKey.map(quoteIdent).join(', ')} FROM ${quoteIdent(ref.table)} WHERE ${quoteIdent(ref.from)} = ?`)
        .all(row[ref.to]) as Row[];
      for (const childKey of children) this.delete(ref.table, childKey);
    }
    deleteRow(this.db, table, key);
    this.changes.push({ op: 'delete', table, row });
  }
}

function sameValue(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

function whereKey(key: Row): { sql: string; values: SqlValue[] } {
  const cols = Object.keys(key);
  return { sql: cols.map((c) => `${quoteIdent(c)} = ?`).join(' AND '), values: cols.map((c) => key[c]) };
}

function keyOf(db: Db, table: string, row: Row): Row {
  const key: Row = {};
  for (const c of tableInfo(db, table).primaryKey) key[c] = row[c];
  return key;
}

export function selectRow(db: Db, table: string, key: Row, cols: string[]): Row | undefined {
  const w = whereKey(key);
  return db.prepare(`SELECT ${cols.map(quoteIdent).join(', ')} FROM ${quoteIdent(table)} WHERE ${w.sql}`).get(...w.values) as
    | Row
    | undefined;
}

export function insertRow(db: Db, table: string, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${quoteIdent(table)} (${cols.map(quoteIdent).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
    ...cols.map((c) => row[c]),
  );
}

export function updateRow(db: Db, table: string, key: Row, values: Row): void {
  const cols = Object.keys(values);
  const w = whereKey(key);
  db.prepare(`UPDATE ${quoteIdent(table)} SET ${cols.map((c) => `${quoteIdent(c)} = ?`).join(', ')} WHERE ${w.sql}`).run(
    ...cols.map((c) => values[c]),
    ...w.values,
  );
}

export function deleteRow(db: Db, table: string, key: Row): void {
  const w = whereKey(key);
  db.prepare(`DELETE FROM ${quoteIdent(table)} WHERE ${w.sql}`).run(...w.values);
}

function blobOf(db: Db, table: string, key: Row, column: string): Buffer {
  const value = selectRow(db, table, key, [column])?.[column];
  if (!Buffer.isBuffer(value)) throw new Error(`No ${table} row ${JSON.stringify(key)} with bytes in ${column}`);
  return value;
}

/** Undoes or redoes an append, refusing when the value is not as the append left it (the history does not match the data). */
function reapply(db: Db, c: Extract<Change, { op: 'append' }>, forward: boolean): void {
  const current = blobOf(db, c.table, c.key, c.column);
  const expected = forward ? c.at : c.at + c.bytes.length;
  if (current.length !== expected) throw new Error(`${c.table} ${JSON.stringify(c.key)} holds ${current.length} bytes, not ${expected}: the undo history does not match it.`);
  moveRow(db, c.table, c.key, { [c.column]: forward ? Buffer.concat([current, c.bytes]) : current.subarray(0, c.at) });
}

/**
 * Writes a row anew with these values, at the end of its (rowid) table, rather than updating it where
 * it is: a row that keeps growing in place splits the page it is on again and again, and a board's
 * worth of pages left part empty came to several percent of its strokes.
 */
function moveRow(db: Db, table: string, key: Row, values: Row): void {
  const info = tableInfo(db, table);
  // Deleting a row that others reference would take them with it (or fail): append is for leaf tables.
  if (info.referencedBy.length > 0) throw new Error(`${table} rows are referenced by other tables and cannot be appended to.`);
  const row = selectRow(db, table, key, [...info.columns])!;
  deleteRow(db, table, key);
  insertRow(db, table, { ...row, ...values });
}

/** Reverts a list of changes (undo). */
export function applyInverse(db: Db, changes: Change[]): void {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (c.op === 'insert') deleteRow(db, c.table, keyOf(db, c.table, c.row));
    else if (c.op === 'delete') insertRow(db, c.table, c.row);
    else if (c.op === 'append') reapply(db, c, false);
    else updateRow(db, c.table, c.key, c.before);
  }
}

/** Re-applies a list of changes (redo). */
export function applyForward(db: Db, changes: Change[]): void {
  for (const c of changes) {
    if (c.op === 'insert') insertRow(db, c.table, c.row);
    else if (c.op === 'delete') deleteRow(db, c.table, keyOf(db, c.table, c.row));
    else if (c.op === 'append') reapply(db, c, true);
    else updateRow(db, c.table, c.key, c.after);
  }
}
