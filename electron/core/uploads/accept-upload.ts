import { fail, ok, type ApiResult } from '../../../shared/api/result';
import { isUploadKind, UPLOAD_LIMITS, type UploadReceipt } from '../../../shared/api/uploads';
import { isCoreError } from '../errors';
import type { UploadStore } from './upload-store';

/**
 * Validates an upload that arrived over IPC as `{kind, bytes}` (a Uint8Array, structured-cloned: no
 * base64) and keeps it. Anything else is refused without being copied.
 */
export function acceptUpload(store: UploadStore, input: unknown): ApiResult<UploadReceipt> {
  if (typeof input !== 'object' || input === null) return fail('BAD_INPUT', 'An upload is {kind, bytes}.');
  const { kind, bytes } = input as { kind?: unknown; bytes?: unknown };
  if (!isUploadKind(kind)) return fail('BAD_INPUT', `Unknown upload kind ${JSON.stringify(String(kind)).slice(0, 40)}.`);
  if (!(bytes instanceof Uint8Array)) return fail('BAD_INPUT', 'An upload carries its bytes as a Uint8Array.');
  if (bytes.byteLength > UPLOAD_LIMITS[kind]) {
    return fail('BAD_INPUT', `The file is ${(bytes.byteLength / 1048576).toFixed(0)} MB; ${kind} files up to ${UPLOAD_LIMITS[kind] / 1048576} MB can be added.`);
  }
  try {
    return ok(store.put(kind, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  } catch (e) {
    if (isCoreError(e)) return fail(e.code, e.message);
    throw e;
  }
}
