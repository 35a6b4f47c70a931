import { rangedBody } from '../core/serve/byte-range';
import { mediaCaching } from '../core/serve/media';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS } from '../web/security';
import { APP_HOST, APP_SCHEME } from './origin';

export interface Served {
  type: string;
  body: Buffer;
  cache?: 'no-store';
  status?: number;
}

export interface AppSources {
  /** Project images: /media/(thumb|full)/<sha256>, and previews (made on demand, so maybe a promise). */
  media(pathname: string): Served | null | Promise<Served | null>;
  /** The built renderer (path containment is checked by the core's readStatic). */
  file(pathname: string): Served | null;
  /** The request's Range header: media answer that part (a video seeking in a clip). */
  range?: string | null;
}

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  ...ISOLATION_HEADERS,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function respond(status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}): Response {
  const headers = { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra };
  return new Response(typeof body === 'string' ? body : new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { status, headers });
}

/** Answers one app://boardwright request. Every response, errors included, carries the CSP. */
export function appResponse(requestUrl: string, method: string, sources: AppSources): Response | Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return respond(400, 'text/plain', 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return respond(404, 'text/plain', 'Not found');
  if (method !== 'GET' && method !== 'HEAD') return respond(405, 'text/plain', 'Method not allowed');
  if (url.pathname.startsWith('/media/')) {
    const answer = (media: Served | null) => {
      if (!media) return respond(404, 'text/plain', 'Not found');
      if (media.status) return respond(media.status, media.type, media.body, { 'Cache-Control': mediaCaching(media) });
      const part = rangedBody(media.body, sources.range);
      return respond(part.status, media.type, part.body, { 'Cache-Control': mediaCaching(media), ...part.headers });
    };
    const media = sources.media(url.pathname);
    return media instanceof Promise ? media.then(answer) : answer(media);
  }
  const file = sources.file(url.pathname);
  return file ? respond(200, file.type, file.body) : respond(404, 'text/plain', 'Not found');
}
