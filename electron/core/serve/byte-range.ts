/**
 * Single byte ranges (RFC 9110 §14) for media answers: a video element asks for parts of a clip to
 * seek in it. A range it cannot satisfy gets 416; several ranges at once, or none, get the whole body.
 */
export interface RangedBody {
  status: 200 | 206 | 416;
  body: Buffer;
  headers: Record<string, string>;
}

export function rangedBody(body: Buffer, range: string | null | undefined): RangedBody {
  const size = body.length;
  const whole: RangedBody = { status: 200, body, headers: { 'Accept-Ranges': 'bytes' } };
  const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return whole;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2])); // the last N bytes
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(size - 1, Number(m[2]));
  }
  if (start >= size || end < start || (m[1] === '' && Number(m[2]) === 0)) {
    return { status: 416, body: Buffer.alloc(0), headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}` } };
  }
  return { status: 206, body: body.subarray(start, end + 1), headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${size}` } };
}
