import type http from 'node:http';
import { mediaCaching, mediaResponse, readStatic, type Dispatch, type Session } from '../core/index';
import { rangedBody } from '../core/serve/byte-range';
import type { UploadStore } from '../core/uploads/upload-store';
import { handleApi } from './api-route';
import { streamEvents } from './event-stream';
import { declaredLength } from './request-body';
import { parseTarget } from './request-target';
import { send, sendText } from './respond';
import { TOKEN_COOKIE, isAuthorized, isLoopbackHost } from './security';
import { handleUpload } from './upload-route';

export interface RouteContext {
  session: Session;
  dispatch: Dispatch;
  uploads: UploadStore;
  rendererDir: string;
  token: string;
  port: () => number;
  /** Overrides of the JSON body limit (tests). */
  maxJsonBody?: number;
}

/**
 * Answers one request: host and token checks first, then the API, uploads, events, media and the
 * renderer's files. May throw or reject; the server turns that into a 500.
 */
export function route(req: http.IncomingMessage, res: http.ServerResponse, ctx: RouteContext): void | Promise<void> {
  if (!isLoopbackHost(req, ctx.port())) return sendText(res, 403, 'Forbidden host', { Connection: 'close' });
  const url = parseTarget(req.url);
  if (!url) return sendText(res, 400, 'Bad request target', { Connection: 'close' });
  if (!isAuthorized(req, url, ctx.token)) {
    return sendText(res, 403, 'Missing or wrong token: open the URL Boardwright printed.', { Connection: 'close' });
  }

  const { pathname } = url;
  if (pathname.startsWith('/api/')) return handleApi(req, res, pathname, ctx.dispatch, ctx.maxJsonBody, ctx.session);
  if (pathname.startsWith('/upload/')) return handleUpload(req, res, pathname, ctx.uploads);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD', Connection: 'close' });
  if (pathname === '/events') {
    // A stream answers GET alone (HEAD would never send its head), and a request with no body to read.
    if (req.method !== 'GET') return sendText(res, 405, 'Use GET', { Allow: 'GET' });
    if (req.headers['transfer-encoding'] || (declaredLength(req) ?? 0) > 0) return sendText(res, 400, 'An event stream request has no body', { Connection: 'close' });
    return streamEvents(ctx.session, req, res);
  }
  if (pathname.startsWith('/media/')) {
    const answer = (media: { type: string; body: Buffer; cache?: 'no-store'; status?: number } | null) => {
      if (!media) return sendText(res, 404, 'Not found');
      if (media.status) return send(res, media.status, media.type, media.body, { 'Cache-Control': mediaCaching(media) });
      // A video element seeking in a clip asks for byte ranges.
      const part = rangedBody(media.body, req.headers.range);
      return send(res, part.status, media.type, part.body, { 'Cache-Control': mediaCaching(media), ...part.headers });
    };
    const media = mediaResponse(ctx.session, pathname);
    return media instanceof Promise ? media.then(answer) : answer(media);
  }
  const file = readStatic(ctx.rendererDir, pathname);
  if (!file) return sendText(res, 404, 'Not found');
  const cookie = `${TOKEN_COOKIE}=${ctx.token}; HttpOnly; SameSite=Strict; Path=/`;
  return send(res, 200, file.type, file.body, { 'Set-Cookie': cookie, 'Cache-Control': staticCaching(pathname) });
}

/**
 * Build assets carry a content hash in their names, so the browser may keep them for good: a page
 * opened again then skips downloading the app's script, and Chromium reuses the code it compiled from
 * it. The page itself and unhashed files are never stored.
 */
export function staticCaching(pathname: string): string {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(pathname) ? 'private, max-age=31536000, immutable' : 'no-store';
}
