import type http from 'node:http';

/** A body over its limit: announced by Content-Length (nothing was read) or crossed while arriving. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request is larger than ${formatBytes(limit)}.`);
    this.name = 'BodyTooLarge';
  }
}

/** A body that ended early (client gone, connection cut). */
export class BodyIncomplete extends Error {
  constructor() {
    super('The request body ended early.');
    this.name = 'BodyIncomplete';
  }
}

/** The Content-Length a request announces, or null (chunked, or none). Node's parser has checked its syntax. */
export function declaredLength(req: http.IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/**
 * Reads a request body of at most `limit` bytes. An announced length over the limit is refused before
 * a byte is read; otherwise the bytes go straight into one buffer of the announced size (so a body of
 * N bytes costs N bytes), or, for a chunked body, into chunks joined at the end (2 x N at the peak),
 * refused as soon as they cross the limit.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const announced = declaredLength(req);
  if (announced !== null && announced > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const whole = announced !== null ? Buffer.allocUnsafe(announced) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (error) {
        req.resume(); // whatever still arrives is discarded, never kept
        reject(error);
      } else resolve(whole ? whole.subarray(0, size) : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit || (whole && size + chunk.length > whole.length)) return finish(new BodyTooLarge(limit));
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    req.on('data', onData);
    req.on('end', () => finish(null));
    req.on('error', () => finish(new BodyIncomplete()));
    req.on('close', () => finish(new BodyIncomplete())); // after 'end' this does nothing
  });
}

export function formatBytes(n: number): string {
  return n >= 1048576 ? `${Math.round(n / 1048576)} MB` : `${Math.round(n / 1024)} KB`;
}
