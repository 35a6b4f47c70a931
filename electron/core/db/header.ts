/**
 * Checks a file's SQLite header before anything opens it, so a file that is not ours is rejected
 * without SQLite writing a single byte to it. See https://www.sqlite.org/fileformat.html#the_database_header
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { APPLICATION_ID } from './schema-version';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

export interface HeaderFacts {
  pageSize: number;
  pageCount: number;
  applicationId: number;
  userVersion: number;
}

export function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(HEADER_SIZE);
    const n = fs.readSync(fd, buf, 0, HEADER_SIZE, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Validates an existing project file and returns its header facts, or throws a CoreError naming the problem. */
export function checkProjectFile(file: string, currentVersion: number, opts: { forWriting?: boolean } = {}): HeaderFacts {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CoreError('FILE_NOT_FOUND', `${name} was not found at ${file}.`);
  }
  if (stat.isDirectory()) throw new CoreError('NOT_SQLITE', `${name} is a folder, not a Boardwright project file.`);
  const header = readHeader(file);
  if (header.length < HEADER_SIZE || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    if (header.length > 0 && header.length < HEADER_SIZE && SQLITE_MAGIC.subarray(0, header.length).equals(header.subarray(0, Math.min(16, header.length)))) {
      throw new CoreError('CORRUPT', `${name} is truncated: it ends inside its header. It was left untouched; open a backup or a copy.`);
    }
    throw new CoreError('NOT_SQLITE', `${name} is not a Boardwright project (it is not a SQLite database file).`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const changeCounter = header.readUInt32BE(24);
  const versionValidFor = header.readUInt32BE(92);
  const applicationId = header.readInt32BE(68) >>> 0;
  const userVersion = header.readUInt32BE(60);

  if (applicationId !== APPLICATION_ID) {
    throw new CoreError('NOT_BOARDWRIGHT', `${name} is a SQLite database but not a Boardwright project.`);
  }
  // The in-header page count is only trustworthy when its "version-valid-for" matches the change counter.
  if (changeCounter === versionValidFor && pageCount > 0 && stat.size < pageSize * pageCount) {
    throw new CoreError(
      'CORRUPT',
      `${name} is truncated: it holds ${stat.size} bytes of the ${pageSize * pageCount} it should. It was left untouched; open a backup or a copy.`,
    );
  }
  if (userVersion > currentVersion) {
    throw new CoreError(
      'NEWER_VERSION',
      `${name} was saved by a newer Boardwright (project format ${userVersion}; this app reads up to ${currentVersion}). Update Boardwright to open it.`,
    );
  }
  if (opts.forWriting === false) return { pageSize, pageCount, applicationId, userVersion };
  if ((stat.mode & 0o222) === 0) {
    throw new CoreError('READ_ONLY', `${name} is read-only. Make it writable, or copy it, to open it in Boardwright.`);
  }
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  } catch {
    throw new CoreError('READ_ONLY', `${name} is read-only for you. Make it writable, or copy it, to open it in Boardwright.`);
  }
  return { pageSize, pageCount, applicationId, userVersion };
}
