/** Media answers in byte ranges, so a video element can seek in a clip (web mode and the app:// protocol). */
import { describe, expect, it } from 'vitest';
import { rangedBody } from '../../electron/core/serve/byte-range';
import { appResponse } from '../../electron/main/app-response';

const body = Buffer.from('0123456789');

describe('byte ranges', () => {
  it('answers a single range with 206 and its Content-Range; open-ended and suffix ranges too', () => {
    expect(rangedBody(body, 'bytes=2-4')).toMatchObject({ status: 206, body: Buffer.from('234'), headers: { 'Content-Range': 'bytes 2-4/10', 'Accept-Ranges': 'bytes' } });
    expect(rangedBody(body, 'bytes=7-')).toMatchObject({ status: 206, body: Buffer.from('789'), headers: { 'Content-Range': 'bytes 7-9/10' } });
    expect(rangedBody(body, 'bytes=-3')).toMatchObject({ status: 206, body: Buffer.from('789') });
    expect(rangedBody(body, 'bytes=8-99')).toMatchObject({ status: 206, body: Buffer.from('89'), headers: { 'Content-Range': 'bytes 8-9/10' } });
  });

  it('no range, several ranges or a malformed one: the whole body; past the end: 416', () => {
    for (const r of [undefined, null, '', 'bytes=0-1,4-5', 'items=0-3', 'bytes=-']) expect(rangedBody(body, r)).toMatchObject({ status: 200, body });
    expect(rangedBody(body, 'bytes=10-12')).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */10' } });
    expect(rangedBody(body, 'bytes=5-2').status).toBe(416);
  });

  it('app:// media answers the range the request asked for', async () => {
    const sources = { media: () => ({ type: 'video/mp4', body }), file: () => null, range: 'bytes=0-3' };
    const res = await appResponse('app://boardwright/media/clip/abc', 'GET', sources);
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-3/10');
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('0123');
  });
});
