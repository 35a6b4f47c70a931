/**
 * Checks a path the user chose for a file Boardwright is about to write (a new project, a copy, an
 * export) before anything touches the disk. A NUL byte would be cut off by SQLite's C API and create a
 * file under a different name; a missing folder must be said as such, not as a system error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';

export function checkTargetPath(file: string): string {
  if (file.includes('\0')) throw new CoreError('BAD_INPUT', 'A file name cannot contain a NUL character.');
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new CoreError('FILE_NOT_FOUND', `The folder ${dir} does not exist.`);
  }
  if (!stat.isDirectory()) throw new CoreError('FILE_NOT_FOUND', `${dir} is not a folder.`);
  return abs;
}
