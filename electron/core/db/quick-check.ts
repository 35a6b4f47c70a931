import Database from 'better-sqlite3';
import { CoreError } from '../errors';
import { currentNativeBinding } from './native-binding';

/** SQLite's quick_check on a file just written (a new project, a copy), before anyone uses it. */
export function quickCheck(file: string, label: string): void {
  const nativeBinding = currentNativeBinding();
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new CoreError('CORRUPT', `${label} could not be written cleanly (${String(result)}); nothing was kept. Try again, or choose another folder.`);
  } finally {
    db.close();
  }
}
