import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Resolves a URL path inside `root`, or null when it would escape it (path containment). */
export function containedPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rootWithSep = root.endsWith(path.sep) ? root : root + path.sep;
  return resolved.startsWith(rootWithSep) ? resolved : null;
}

export function readStatic(root: string, urlPath: string): { type: string; body: Buffer } | null {
  const file = containedPath(root, urlPath === '/' ? '/index.html' : urlPath);
  if (!file) return null;
  try {
    const body = fs.readFileSync(file);
    return { type: TYPES[path.extname(file)] ?? 'application/octet-stream', body };
  } catch {
    return null;
  }
}
