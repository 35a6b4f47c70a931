/**
 * Byte ranges of media answers (RFC 9110 §14): Chromium seeks a <video> only in a resource served
 * with ranges (a clip served whole plays, but its currentTime cannot be set).
 */
export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * The single range a Range header asks of a body of `size` bytes: null when there is no header or one
 * this server does not honour (several ranges, another unit), so the whole body is sent;
 * 'unsatisfiable' when it lies outside the body.
 */
export function parseByteRange(header: string | null | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
}

/** The status, headers and body that answer a (maybe ranged) request for `body`. */
export function rangedAnswer(header: string | null | undefined, body: Buffer): { status: 200 | 206 | 416; headers: Record<string, string>; body: Buffer } {
  const range = parseByteRange(header, body.length);
  if (range === null) return { status: 200, headers: { 'Accept-Ranges': 'bytes' }, body };
  if (range === 'unsatisfiable') return { status: 416, headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${body.length}` }, body: Buffer.alloc(0) };
  return {
    status: 206,
    headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${range.start}-${range.end}/${body.length}` },
    body: body.subarray(range.start, range.end + 1),
  };
}
