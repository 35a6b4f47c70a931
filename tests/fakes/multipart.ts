/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** A small RFC 7578 parser: enough to see the fields and files an adapter sent. */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw new Error(`multipart without boundary: ${contentType}`);
  const delimiter = Buffer.from(`--${m[1] ?? m[2].trim()}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  while (pos >= 0) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const chunk = body.subarray(start, next - 2); // drop the CRLF before the next delimiter
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const head = chunk.subarray(0, headerEnd).toString('utf8');
    const data = chunk.subarray(headerEnd + 4);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim();
    parts.push({ name, ...(filename !== undefined ? { filename } : {}), ...(type ? { contentType: type } : {}), data: Buffer.from(data) });
    pos = next;
  }
  return parts;
}

/** The text fields of a multipart body as an object (repeated names keep the last value). */
export function fieldsOf(parts: MultipartPart[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts ?? []) if (p.filename === undefined) out[p.name] = p.data.toString('utf8');
  return out;
}

export const filesOf = (parts: MultipartPart[] | undefined, name?: string): MultipartPart[] =>
  (parts ?? []).filter((p) => p.filename !== undefined && (name === undefined || p.name === name));
