/** The video containers Boardwright stores as clips, recognised by their first bytes (never by the file name). */
export interface ClipFormat {
  label: 'MP4' | 'MOV' | 'WebM' | 'GIF';
  mime: string;
  ext: string;
}

export const ACCEPTED_CLIPS = 'MP4, MOV, WebM or animated GIF';

const ascii = (b: Buffer, at: number, len: number) => b.subarray(at, at + len).toString('latin1');

export function sniffClip(b: Buffer): ClipFormat | null {
  if (b.length < 12) return null;
  if (ascii(b, 4, 4) === 'ftyp') {
    // QuickTime's brand is "qt  "; everything else in the ISO family (isom, mp41, mp42, avc1…) is MP4.
    return ascii(b, 8, 4) === 'qt  ' ? { label: 'MOV', mime: 'video/quicktime', ext: 'mov' } : { label: 'MP4', mime: 'video/mp4', ext: 'mp4' };
  }
  // Old QuickTime files may start with a moov, mdat, wide or free atom instead of ftyp.
  if (['moov', 'mdat', 'wide', 'free'].includes(ascii(b, 4, 4))) return { label: 'MOV', mime: 'video/quicktime', ext: 'mov' };
  if (b.readUInt32BE(0) === 0x1a45dfa3) return { label: 'WebM', mime: 'video/webm', ext: 'webm' };
  if (ascii(b, 0, 6) === 'GIF89a' || ascii(b, 0, 6) === 'GIF87a') return { label: 'GIF', mime: 'image/gif', ext: 'gif' };
  return null;
}
