import type { ErrorCode } from '../../../shared/api/result';

/** A failed API call: the core's error code and its human-readable message. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}

export function isApiCallError(e: unknown): e is ApiCallError {
  return e instanceof ApiCallError;
}

/** Whether an error means the user dismissed a native dialog: the caller then does nothing. */
export function isCancelled(e: unknown): boolean {
  return isApiCallError(e) && e.code === 'CANCELLED';
}

/** A message fit to show the user, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
