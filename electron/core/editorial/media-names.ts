/** File names in the media folder and the URLs timelines use for them. */
import path from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file-system-safe stem for a shot number: "12A" stays "12A"; "3/4 b" becomes "3_4_b". */
export function safeStem(text: string): string {
  let s = text.normalize('NFC').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+|[._]+$/g, '');
  if (!s) s = 'panel';
  if (RESERVED.test(s)) s = `${s}_`;
  return s.slice(0, 120);
}

/**
 * Names for a list of stems, in order: the first "12A" is 12A.png, a second one 12A-2.png. The same
 * board gives the same names on every export, so an NLE never has to relink after a re-export.
 */
export function uniqueNames(stems: readonly string[], ext: string): string[] {
  const used = new Set<string>();
  return stems.map((stem) => {
    let name = `${stem}${ext}`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${stem}-${k}${ext}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Percent-encodes each path segment as UTF-8 (NFC); `lower` writes the hex digits in lower case (Premiere's habit). */
function encodeSegments(segments: readonly string[], lower = false): string {
  return segments
    .map((s) => {
      const e = encodeURIComponent(s.normalize('NFC')).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      return lower ? e.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()) : e;
    })
    .join('/');
}

/** Absolute path segments, with a Windows drive kept as "C:". */
function absoluteSegments(abs: string): string[] {
  const p = abs.replace(/\\/g, '/');
  const parts = p.split('/').filter((s, i) => s !== '' || i === 0);
  if (parts[0] === '') parts.shift();
  return parts;
}

/** file:///abs/path%20with%20spaces.png */
export function fileUrl(abs: string): string {
  const segs = absoluteSegments(abs);
  const drive = segs[0] && /^[A-Za-z]:$/.test(segs[0]) ? `${segs.shift()}/` : '';
  return `file:///${drive}${encodeSegments(segs)}`;
}

/** file://localhost/abs/path (Final Cut Pro 7 XML, as Premiere writes it: lower-case escapes). */
export function localhostUrl(abs: string): string {
  const segs = absoluteSegments(abs);
  const drive = segs[0] && /^[A-Za-z]:$/.test(segs[0]) ? `${segs.shift()}/` : '';
  return `file://localhost/${drive}${encodeSegments(segs, true)}`;
}

/** A relative URL from the timeline file's folder to a file ("Film_media/12A.png"). */
export function relativeUrl(fromDir: string, abs: string): string {
  return encodeSegments(path.relative(fromDir, abs).split(path.sep));
}

/** The file name at the end of a URL or path, decoded ("file:///a/12A%20b.png" -> "12A b.png"). */
export function mediaNameOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const last = url.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last).normalize('NFC') || null;
  } catch {
    return last.normalize('NFC') || null;
  }
}
