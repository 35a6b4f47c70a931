import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { CoreError } from '../errors';
import { requireFfmpeg, runFfmpeg } from '../animatic/ffmpeg';
import { ACCEPTED_AUDIO, sniffAudio } from './audio-format';

/** Waveform buckets per second of audio (one byte each: the loudest sample in the bucket). */
export const PEAKS_PER_SECOND = 100;
const SUMMARY_RATE = 8000;

export interface PreparedAudio {
  sha256: string;
  mime: string;
  byteSize: number;
  durationMs: number;
  waveform: Buffer;
  data: Buffer;
  sourceName: string | null;
}

/**
 * Checks an audio file and measures it before anything is stored: the format by its bytes, then a
 * full decode with ffmpeg (mono, 8 kHz) that gives the duration (by counting samples: the bundled
 * ffmpeg has no ffprobe) and the waveform summary. A file that is not audio, or does not decode, is
 * refused with a message naming it.
 */
export async function prepareAudio(bytes: Buffer, sourceName: string | null): Promise<PreparedAudio> {
  const name = sourceName || 'The file';
  if (bytes.length === 0) throw new CoreError('BAD_INPUT', `${name} is empty.`);
  const format = sniffAudio(bytes);
  if (!format) throw new CoreError('BAD_INPUT', `${name} is not an audio file Boardwright can use (${ACCEPTED_AUDIO}).`);
  const bin = await requireFfmpeg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-audio-'));
  try {
    const input = path.join(dir, `input.${format.ext}`);
    fs.writeFileSync(input, bytes);
    const summary = new WaveformBuilder(SUMMARY_RATE / PEAKS_PER_SECOND);
    try {
      await runFfmpeg(bin, ['-v', 'error', '-i', input, '-map', '0:a:0', '-ac', '1', '-ar', String(SUMMARY_RATE), '-f', 's16le', '-'], {
        onStdout: (chunk) => summary.add(chunk),
      });
    } catch {
      throw new CoreError('BAD_INPUT', `${name} could not be read as ${format.label} audio: it may be damaged, or hold no sound.`);
    }
    if (summary.samples === 0) throw new CoreError('BAD_INPUT', `${name} holds no sound.`);
    return {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mime: format.mime,
      byteSize: bytes.length,
      durationMs: Math.round((summary.samples * 1000) / SUMMARY_RATE),
      waveform: summary.finish(),
      data: bytes,
      sourceName,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak per bucket of 16-bit mono samples, streamed (chunks may split a sample). */
class WaveformBuilder {
  samples = 0;
  private readonly peaks: number[] = [];
  private current = 0;
  private inBucket = 0;
  private carry: Buffer | null = null;

  constructor(private readonly bucket: number) {}

  add(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    const whole = buf.length - (buf.length % 2);
    this.carry = whole < buf.length ? Buffer.from(buf.subarray(whole)) : null;
    for (let i = 0; i < whole; i += 2) {
      const v = Math.abs(buf.readInt16LE(i));
      if (v > this.current) this.current = v;
      if (++this.inBucket === this.bucket) this.flush();
    }
    this.samples += whole / 2;
  }

  finish(): Buffer {
    if (this.inBucket > 0) this.flush();
    return Buffer.from(this.peaks);
  }

  private flush(): void {
    this.peaks.push(Math.min(255, Math.round((this.current / 32768) * 255)));
    this.current = 0;
    this.inBucket = 0;
  }
}
