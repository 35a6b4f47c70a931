/** One recorded row change. Undo applies the inverse of a list of these in reverse order. */
export type Row = Record<string, SqlValue>;
export type SqlValue = string | number | bigint | null | Buffer;

export type Change =
  | { op: 'insert'; table: string; row: Row }
  | { op: 'delete'; table: string; row: Row }
  | { op: 'update'; table: string; key: Row; before: Row; after: Row }
  /** Bytes added to the end of a BLOB column that held `at` bytes (undo cuts them off): a stroke drawn onto a chunk of strokes. */
  | { op: 'append'; table: string; key: Row; column: string; at: number; bytes: Buffer };

/** JSON cannot hold Buffers or bigints; these markers round-trip them exactly. */
export function encodeChanges(changes: Change[]): string {
  return JSON.stringify(changes, (_k, v) => {
    if (typeof v === 'bigint') return { $bigint: v.toString() };
    if (v && typeof v === 'object' && v.type === 'Buffer' && Array.isArray(v.data)) {
      return { $b64: Buffer.from(v.data).toString('base64') };
    }
    return v;
  });
}

export function decodeChanges(json: string): Change[] {
  return JSON.parse(json, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.$b64 === 'string') return Buffer.from(v.$b64, 'base64');
    if (v && typeof v === 'object' && typeof v.$bigint === 'string') return BigInt(v.$bigint);
    return v;
  });
}
