import type http from 'node:http';
import { fail, ok } from '../../shared/api/result';
import { isUploadKind, UPLOAD_LIMITS } from '../../shared/api/uploads';
import { CoreError } from '../core/index';
import type { UploadStore } from '../core/uploads/upload-store';
import { BodyIncomplete, BodyTooLarge, declaredLength, readBody } from './request-body';
import { closeAfter, sendJson } from './respond';

const BINARY_TYPE = /^application\/octet-stream\s*(;|$)/i;

/**
 * POST /upload/<kind>: the raw bytes of one file (application/octet-stream), streamed into memory and
 * size-checked as they arrive against the kind's limit: 413 for an announced or actual size over it.
 * Answers {ok, value: {uploadId, bytes}}; an API method then takes the upload id in place of the bytes.
 */
export async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, uploads: UploadStore): Promise<void> {
  const kind = pathname.slice('/upload/'.length);
  if (req.method !== 'POST') return sendJson(res, 405, fail('BAD_INPUT', 'Use POST'), { Allow: 'POST', ...closeAfter(req) });
  if (!isUploadKind(kind)) return sendJson(res, 404, fail('NOT_FOUND', `Uploads go to /upload/<${Object.keys(UPLOAD_LIMITS).join('|')}>.`), closeAfter(req));
  if (!BINARY_TYPE.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, fail('BAD_INPUT', 'An upload is sent as application/octet-stream.'), closeAfter(req));
  }
  const limit = UPLOAD_LIMITS[kind];
  const tooLarge = () => sendJson(res, 413, fail('BAD_INPUT', `That file is too large: ${kind} files up to ${limit / 1048576} MB can be added.`), { Connection: 'close' });
  // Room is set aside before reading, so uploads arriving at once cannot together pass the store's cap.
  const announced = declaredLength(req);
  if (announced !== null && announced > limit) return tooLarge();
  const reserved = announced ?? limit;
  if (!uploads.reserve(reserved)) {
    return sendJson(res, 503, fail('BAD_INPUT', 'Too many files are waiting to be added; add fewer at once.'), { Connection: 'close' });
  }
  let bytes: Buffer;
  try {
    bytes = await readBody(req, limit);
  } catch (e) {
    if (e instanceof BodyTooLarge) return tooLarge();
    if (e instanceof BodyIncomplete) return void res.destroy();
    throw e;
  } finally {
    uploads.release(reserved);
  }
  try {
    sendJson(res, 200, ok(uploads.put(kind, bytes)));
  } catch (e) {
    if (e instanceof CoreError) return sendJson(res, 400, fail(e.code, e.message));
    throw e;
  }
}
