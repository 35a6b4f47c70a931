import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { tempDir } from './helpers';

export interface RawAnswer {
  /** The status code of the first final response, or null when the connection closed without one. */
  status: number | null;
  head: string;
  body: string;
  /** True when `giveUpMs` passed with no answer and no close (the server neither answered nor hung up). */
  gaveUp: boolean;
}

export interface RawOptions {
  /** Half-close after writing (a client that stops sending): the server must answer or close. */
  endAfter?: boolean;
  /** Stop at the end of the response head (event streams, chunked answers). */
  headOnly?: boolean;
  /** Stop waiting after this long without an answer; reported as `gaveUp`, for the caller to fail on. */
  giveUpMs?: number;
}

/** The first final response in what arrived so far ("100 Continue" skipped), or null while incomplete. */
function parse(text: string, headOnly: boolean): { status: number | null; head: string; body: string } | null {
  let rest = text;
  while (/^HTTP\/1\.[01] 100 /.test(rest) && rest.includes('\r\n\r\n')) rest = rest.slice(rest.indexOf('\r\n\r\n') + 4);
  const split = rest.indexOf('\r\n\r\n');
  if (split < 0) return null;
  const head = rest.slice(0, split);
  const body = rest.slice(split + 4);
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
  const answer = { status: m ? Number(m[1]) : null, head, body };
  if (headOnly) return answer;
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  return length && body.length >= Number(length[1]) ? answer : null;
}

/**
 * Writes bytes exactly as given to 127.0.0.1:port (so malformed request lines and headers reach the
 * server untouched) and reads what comes back until a whole answer (by its Content-Length) is in, or
 * the connection closes. `body` chunks are written one by one, until an answer arrives.
 */
export function rawRequest(port: number, head: string | Buffer, body: (Buffer | string)[] = [], opts: RawOptions = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const got: Buffer[] = [];
    let done = false;
    let timer: NodeJS.Timeout | null = null;
    const finish = (gaveUp = false) => {
      if (done) return;
      done = true;
      if (timer) clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(got).toString('latin1');
      const answer = parse(text, true) ?? { status: null, head: text, body: '' };
      resolve({ ...answer, gaveUp });
    };
    if (opts.giveUpMs) timer = setTimeout(() => finish(true), opts.giveUpMs);
    socket.on('data', (d) => {
      got.push(d);
      if (parse(Buffer.concat(got).toString('latin1'), opts.headOnly ?? false)) finish();
    });
    socket.on('error', () => finish());
    socket.on('close', () => finish());
    socket.on('connect', async () => {
      socket.write(head);
      for (const chunk of body) {
        if (done) break;
        if (!socket.write(chunk)) await new Promise((r) => (socket.once('drain', r), socket.once('close', r)));
      }
      if (opts.endAfter && !done) socket.end();
    });
  });
}

/** Web mode over a throwaway home with a one-page renderer; what the server logs goes to `logged`. */
export async function startBareServer(prefix: string, logged: string[]): Promise<WebServer> {
  const home = tempDir(prefix);
  const rendererDir = path.join(home, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Boardwright</title>');
  return startWebServer({ rendererDir, settingsDir: path.join(home, 'settings'), projectsDir: path.join(home, 'projects'), log: (m) => logged.push(m) });
}
