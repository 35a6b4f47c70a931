import type http from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyIncomplete, BodyTooLarge, readBody } from '../../electron/web/request-body';

/** A request body as a stream, with the headers readBody looks at. */
function fakeRequest(headers: Record<string, string> = {}) {
  return Object.assign(new PassThrough(), { headers, complete: false }) as unknown as http.IncomingMessage & PassThrough;
}

describe('reading a request body against a limit', () => {
  it('refuses an announced length over the limit without reading a byte', async () => {
    const req = fakeRequest({ 'content-length': '11' });
    let read = false;
    req.on('data', () => (read = true));
    await expect(readBody(req, 10)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(read).toBe(false);
  });

  it('refuses a chunked body at the chunk that crosses the limit, while more is still coming', async () => {
    const req = fakeRequest();
    const result = readBody(req, 10);
    req.write(Buffer.alloc(4));
    req.write(Buffer.alloc(4));
    req.write(Buffer.alloc(4)); // 12 > 10; the body has not ended
    await expect(result).rejects.toBeInstanceOf(BodyTooLarge);
    req.end(Buffer.alloc(1000)); // whatever follows is dropped
  });

  it('reads a body of exactly the limit, announced or chunked', async () => {
    const sized = fakeRequest({ 'content-length': '10' });
    const a = readBody(sized, 10);
    sized.end(Buffer.from('0123456789'));
    expect((await a).toString()).toBe('0123456789');
    const chunked = fakeRequest();
    const b = readBody(chunked, 10);
    chunked.write('01234');
    chunked.end('56789');
    expect((await b).toString()).toBe('0123456789');
  });

  it('reports a body cut off before its end', async () => {
    const req = fakeRequest({ 'content-length': '10' });
    const result = readBody(req, 100);
    req.write('0123');
    req.destroy();
    await expect(result).rejects.toBeInstanceOf(BodyIncomplete);
  });
});
