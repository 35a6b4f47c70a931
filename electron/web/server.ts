import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createDispatch, createHandlers, Session, type Shell } from '../core/index';
import { UploadStore } from '../core/uploads/upload-store';
import { sendText } from './respond';
import { route, type RouteContext } from './routes';

export { staticCaching } from './routes';

export interface WebServerOptions {
  rendererDir: string;
  settingsDir: string;
  projectsDir: string;
  /** A project to open at start. */
  file?: string;
  port?: number;
  /** Where unexpected failures are reported (default: stderr). */
  log?: (message: string) => void;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  session: Session;
  close(): Promise<void>;
}

/** Web mode: the same renderer and the same API as the app, on 127.0.0.1 only, behind a random token. */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  const log = opts.log ?? ((message: string) => console.error(message));
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
  const uploads = new UploadStore();
  let port = 0;
  const ctx: RouteContext = { session, uploads, dispatch: createDispatch(createHandlers(session, uploads), log), rendererDir: opts.rendererDir, token, port: () => port };

  /** A bug in a handler costs that request a 500, never the server. */
  const failed = (req: http.IncomingMessage, res: http.ServerResponse, e: unknown) => {
    log(`[boardwright web] ${req.method} ${String(req.url).slice(0, 200)} failed: ${(e as Error)?.stack ?? String(e)}`);
    sendText(res, 500, 'Internal error: Boardwright could not answer this request.', { Connection: 'close' });
  };
  const server = http.createServer((req, res) => {
    try {
      const done = route(req, res, ctx);
      if (done instanceof Promise) done.catch((e: unknown) => failed(req, res, e));
    } catch (e) {
      failed(req, res, e);
    }
  });

  // Node hands CONNECT and Upgrade requests to these events, or else ends the connection unanswered
  // (CONNECT) or stops reading the body (an Upgrade on a POST). Web mode speaks plain HTTP only.
  // Such sockets leave the server's bookkeeping, so close() ends the ones still open itself.
  const detached = new Set<Duplex>();
  const refuse = (socket: Duplex, status: string) => {
    detached.add(socket);
    socket.once('close', () => detached.delete(socket));
    refuseRaw(socket, status);
  };
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => refuse(socket, '405 Method Not Allowed'));
  server.on('upgrade', (_req: http.IncomingMessage, socket: Duplex) => refuse(socket, '400 Bad Request'));

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
        for (const socket of detached) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An answer written straight to a socket Node has handed over (no ServerResponse exists for it). */
function refuseRaw(socket: Duplex, status: string): void {
  socket.on('error', () => socket.destroy());
  socket.on('end', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.resume(); // what the client still sends is read and dropped, so its end is seen
}
