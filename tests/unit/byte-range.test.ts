import { describe, expect, it } from 'vitest';
import { parseByteRange, rangedAnswer } from '../../electron/core/serve/byte-range';

describe('byte ranges of media answers', () => {
  it('reads bytes=a-b, a- and -n inside the body', () => {
    expect(parseByteRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('sends the whole body for no header or one it does not honour, and refuses ranges outside the body', () => {
    expect(parseByteRange(undefined, 100)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseByteRange('items=0-1', 100)).toBeNull();
    expect(parseByteRange('bytes=-', 100)).toBeNull();
    expect(parseByteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=20-10', 100)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 100)).toBe('unsatisfiable');
  });

  it('answers 206 with the slice and its Content-Range, 416 outside, 200 otherwise', () => {
    const body = Buffer.from('0123456789');
    const part = rangedAnswer('bytes=2-4', body);
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe('234');
    expect(part.headers).toEqual({ 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes 2-4/10' });
    expect(rangedAnswer('bytes=10-', body)).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */10' } });
    expect(rangedAnswer(null, body)).toMatchObject({ status: 200, body });
  });
});
