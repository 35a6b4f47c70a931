/** The audio formats Boardwright stores, recognised by their first bytes (never by the file name). */
export interface AudioFormat {
  label: 'WAV' | 'MP3' | 'M4A' | 'OGG' | 'FLAC';
  mime: string;
  ext: string;
}

export const ACCEPTED_AUDIO = 'WAV, MP3, M4A, OGG or FLAC';

const ascii = (b: Buffer, at: number, len: number) => b.subarray(at, at + len).toString('latin1');

/** An MPEG audio frame header: 11 sync bits, a valid version, layer III/II/I, a valid bitrate and rate. */
function mpegFrameAt(b: Buffer, i: number): boolean {
  if (b.length < i + 4 || b[i] !== 0xff || (b[i + 1] & 0xe0) !== 0xe0) return false;
  const version = (b[i + 1] >> 3) & 3;
  const layer = (b[i + 1] >> 1) & 3;
  const bitrate = b[i + 2] >> 4;
  const rate = (b[i + 2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 0 && bitrate !== 15 && rate !== 3;
}

export function sniffAudio(b: Buffer): AudioFormat | null {
  if (b.length < 12) return null;
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WAVE') return { label: 'WAV', mime: 'audio/wav', ext: 'wav' };
  if (ascii(b, 0, 4) === 'fLaC') return { label: 'FLAC', mime: 'audio/flac', ext: 'flac' };
  if (ascii(b, 0, 4) === 'OggS') return { label: 'OGG', mime: 'audio/ogg', ext: 'ogg' };
  if (ascii(b, 4, 4) === 'ftyp') return { label: 'M4A', mime: 'audio/mp4', ext: 'm4a' };
  if (ascii(b, 0, 3) === 'ID3') {
    // An ID3v2 tag can also precede FLAC; its size is a 28-bit "syncsafe" integer.
    const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
    if (ascii(b, 10 + size, 4) === 'fLaC') return { label: 'FLAC', mime: 'audio/flac', ext: 'flac' };
    return { label: 'MP3', mime: 'audio/mpeg', ext: 'mp3' };
  }
  if (mpegFrameAt(b, 0)) return { label: 'MP3', mime: 'audio/mpeg', ext: 'mp3' };
  return null;
}

export function extensionForMime(mime: string): string {
  return { 'audio/wav': 'wav', 'audio/flac': 'flac', 'audio/ogg': 'ogg', 'audio/mp4': 'm4a', 'audio/mpeg': 'mp3' }[mime] ?? 'bin';
}
