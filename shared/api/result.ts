/** Every API call answers with one of these, so errors cross IPC and HTTP intact. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Error codes the user interface can act on. The message is always human-readable. */
export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'NOT_SQLITE'
  | 'NOT_BOARDWRIGHT'
  | 'CORRUPT'
  | 'NEWER_VERSION'
  | 'READ_ONLY'
  | 'FILE_EXISTS'
  /** Another Boardwright process (or another window) has the project open for writing, or a program holds its write lock. */
  | 'FILE_IN_USE'
  /** A picture or file larger than Boardwright handles; the message gives the limit. */
  | 'TOO_LARGE'
  | 'DISK_FULL'
  | 'NO_PROJECT'
  | 'NOT_FOUND'
  | 'NOT_AN_IMAGE'
  | 'BAD_INPUT'
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN'
  | 'UNSUPPORTED'
  | 'CANCELLED'
  | 'INTERNAL';

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}
