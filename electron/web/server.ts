import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createDispatch, createHandlers, mediaResponse, readStatic, Session, type Shell } from '../core/index';
import { fail } from '../../shared/api/result';
import { CONTENT_SECURITY_POLICY, TOKEN_COOKIE, isAuthorized, isLoopbackHost } from './security';
import { streamEvents } from './event-stream';

export interface WebServerOptions {
  rendererDir: string;
  settingsDir: string;
  projectsDir: string;
  /** A project to open at start. */
  file?: string;
  port?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  session: Session;
  close(): Promise<void>;
}

/** Largest API request body (a 200 MB image, base64-encoded, plus JSON). */
const MAX_BODY = 300 * 1024 * 1024;

/** Web mode: the same renderer and the same API as the app, on 127.0.0.1 only, behind a random token. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const shell: Shell = {
    kind: 'web',
    projectsDir: opts.projectsDir,
    chooseNewProjectPath: async () => null,
    chooseProjectToOpen: async () => null,
    chooseCopyPath: async () => null,
    chooseSavePath: async () => null,
  };
  const session = new Session(shell, opts.settingsDir);
  if (opts.file) session.open(opts.file);
  const dispatch = createDispatch(createHandlers(session));
  let port = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
        ...extra,
      });
      res.end(body);
    };
    if (!isLoopbackHost(req, port)) return send(403, 'text/plain', 'Forbidden host');
    if (!isAuthorized(req, url, token)) return send(403, 'text/plain', 'Missing or wrong token: open the URL Boardwright printed.');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(405, 'text/plain', 'Use POST');
      return void readBody(req)
        .then((body) => dispatch(decodeURIComponent(url.pathname.slice(5)), body === '' ? {} : JSON.parse(body)))
        .catch((e: Error) => fail('BAD_INPUT', `Bad request: ${e.message}`))
        .then((result) => send(200, 'application/json', JSON.stringify(result)));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/events') return streamEvents(session, req, res);
    if (url.pathname.startsWith('/media/')) {
      const answer = (media: { type: string; body: Buffer } | null) =>
        media ? send(200, media.type, media.body, { 'Cache-Control': 'private, max-age=31536000, immutable' }) : send(404, 'text/plain', 'Not found');
      const media = mediaResponse(session, url.pathname);
      return media instanceof Promise ? void media.then(answer) : answer(media);
    }
    const file = readStatic(opts.rendererDir, url.pathname);
    if (!file) return send(404, 'text/plain', 'Not found');
    const cookie = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    return send(200, file.type, file.body, { 'Set-Cookie': cookie, 'Cache-Control': staticCaching(url.pathname) });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    session,
    close: () =>
      new Promise<void>((resolve) => {
        session.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Build assets carry a content hash in their names, so the browser may keep them for good: a page
 * opened again then skips downloading the app's script, and Chromium reuses the code it compiled from
 * it. The page itself and unhashed files are never stored.
 */
export function staticCaching(pathname: string): string {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(pathname) ? 'private, max-age=31536000, immutable' : 'no-store';
}
