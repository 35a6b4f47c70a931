import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { safeDecode } from './request-target';

/** The same policy the Electron window sends: nothing but our own origin, no inline script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The page is cross-origin isolated: no other site's window can hold a reference to it, nothing from
 * another origin can be embedded (the app loads nothing from elsewhere), and the page's clock reads in
 * microseconds instead of 0.1 ms steps, which the pen and frame measures need to tell 16.7 ms from 16.8.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;

export const TOKEN_COOKIE = 'bw_token';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a request carries: query string, header, or the cookie set when the page first loaded. */
export function requestToken(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const header = req.headers['x-boardwright-token'];
  if (typeof header === 'string') return header;
  const cookie = req.headers.cookie ?? '';
  const match = cookie.split(/;\s*/).find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  // A malformed escape (bw_token=%) is no token, not an exception.
  return match ? safeDecode(match.slice(TOKEN_COOKIE.length + 1)) : null;
}

export function isAuthorized(req: IncomingMessage, url: URL, token: string): boolean {
  const given = requestToken(req, url);
  return given !== null && sameToken(given, token);
}

/** Refuses requests addressed to another host name (DNS rebinding). */
export function isLoopbackHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
