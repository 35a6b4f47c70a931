import type http from 'node:http';
import type { Dispatch, Session } from '../core/index';
import { announcingChanges } from '../core/change-notice';
import { fail } from '../../shared/api/result';
import { BadJson, parseJsonInput } from './json-input';
import { BodyIncomplete, BodyTooLarge, formatBytes, readBody } from './request-body';
import { safeDecode } from './request-target';
import { closeAfter, sendJson, sendText } from './respond';

/**
 * Largest JSON API body. Files travel on the upload channel, so the largest calls are a long sketch
 * stroke (~1 MB) and PDF options with a cover logo (5 MB, base64: 6.7 MB).
 */
export const MAX_JSON_BODY = 8 * 1024 * 1024;

/** Content types the API takes: JSON, or none (curl, tests). */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** POST /api/<method>: the JSON body goes to the same dispatch as Electron's IPC. */
/** A page's own id (sent with each call), so the change notice of its own edit does not make it reload. */
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export async function handleApi(
  req: http.IncomingMessage, res: http.ServerResponse, pathname: string, dispatch: Dispatch, limit = MAX_JSON_BODY, session?: Session,
): Promise<void> {
  if (req.method !== 'POST') return sendText(res, 405, 'Use POST', { Allow: 'POST' });
  const type = req.headers['content-type'];
  if (type !== undefined && !JSON_TYPE.test(type)) {
    return sendJson(res, 415, fail('BAD_INPUT', 'The API takes application/json; files go to /upload/<kind>.'), closeAfter(req));
  }
  const method = safeDecode(pathname.slice('/api/'.length));
  if (method === null) return sendJson(res, 400, fail('BAD_INPUT', 'Bad request: malformed method name.'), closeAfter(req));
  let input: unknown;
  try {
    input = parseJsonInput(await readBody(req, limit));
  } catch (e) {
    if (e instanceof BodyTooLarge) return sendJson(res, 413, fail('BAD_INPUT', `The request is larger than ${formatBytes(limit)}.`), { Connection: 'close' });
    if (e instanceof BodyIncomplete) return void res.destroy();
    if (e instanceof BadJson) return sendJson(res, 200, fail('BAD_INPUT', e.message));
    throw e;
  }
  const client = req.headers['x-boardwright-client'];
  const origin = typeof client === 'string' && CLIENT_ID.test(client) ? client : undefined;
  const result = session ? await announcingChanges(session, origin, () => dispatch(method, input)) : await dispatch(method, input);
  sendJson(res, 200, result);
}
