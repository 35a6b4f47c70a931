import type { ErrorCode } from '../../shared/api/result';

/** An error the user can understand and act on. Anything else reaching the API is a bug (INTERNAL). */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const isCoreError = (e: unknown): e is CoreError => e instanceof CoreError;

/** Maps SQLite and file-system failures to the codes the user sees. Everything else stays INTERNAL. */
export function classifyStorageError(e: unknown, fileLabel: string): CoreError {
  if (isCoreError(e)) return e;
  const code = (e as { code?: string })?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new CoreError('DISK_FULL', `The disk is full: ${fileLabel} could not be written. Free some space; nothing was changed.`);
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new CoreError('READ_ONLY', `${fileLabel} is read-only. Use Save a Copy As to keep working on a copy.`);
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') {
    return new CoreError('FILE_IN_USE', `${fileLabel} is busy: another program is writing to it. Try again in a moment; nothing was changed.`);
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new CoreError('CORRUPT', `${fileLabel} is damaged (the database is corrupt). It was left untouched; open a backup or a copy.`);
  }
  if (code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return new CoreError('INTERNAL', `A disk error stopped ${fileLabel} from being read or written: ${(e as Error).message}`);
  }
  return new CoreError('INTERNAL', (e as Error)?.message ?? String(e));
}
