import type http from 'node:http';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS } from './security';

/**
 * Answers a request with the security headers every web-mode response carries. When an answer was
 * already started (an event stream, a failure halfway) the connection is closed instead.
 */
export function send(res: http.ServerResponse, status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    ...ISOLATION_HEADERS,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

export function sendText(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', message, extra);
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json', JSON.stringify(value), extra);
}

/** When an answer comes before the body was read, the connection is not reused for another request. */
export function closeAfter(req: http.IncomingMessage): Record<string, string> {
  return req.complete ? {} : { Connection: 'close' };
}
