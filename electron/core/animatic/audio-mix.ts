import fs from 'node:fs';
import path from 'node:path';
import type { Timeline } from '../../../shared/domain/animatic';
import { CoreError } from '../errors';
import { extensionForMime } from '../audio/audio-format';
import { runFfmpeg } from './ffmpeg';

export const MIX_RATE = 48_000;
const CHANNELS = 2;
const WINDOW = MIX_RATE * 5;

/**
 * Mixes the audible clips into one raw stereo 32-bit float file at 48 kHz, exactly as long as the
 * picture: each file is decoded once by ffmpeg, then clips are added sample-accurately at their
 * times and volumes, a few seconds at a time (memory stays small however long the film).
 * Returns null when the project has no audio at all; all of it muted gives a silent track.
 */
export async function mixAudio(
  bin: string,
  t: Timeline,
  readAudio: (sha256: string) => { mime: string; data: Buffer } | undefined,
  dir: string,
  signal: AbortSignal,
): Promise<string | null> {
  if (t.audio.length === 0) return null;
  const clips = t.audio.filter((c) => c.audible && c.playMs > 0 && c.volume > 0);
  const decoded = new Map<string, string>();
  for (const sha of new Set(clips.map((c) => c.sha256))) {
    const blob = readAudio(sha);
    if (!blob) throw new CoreError('NOT_FOUND', 'An audio file of this project is missing from it.');
    const src = path.join(dir, `audio-${decoded.size}.${extensionForMime(blob.mime)}`);
    const out = path.join(dir, `audio-${decoded.size}.f32`);
    fs.writeFileSync(src, blob.data);
    await runFfmpeg(bin, ['-v', 'error', '-i', src, '-map', '0:a:0', '-ac', String(CHANNELS), '-ar', String(MIX_RATE), '-f', 'f32le', '-y', out], { signal });
    fs.rmSync(src, { force: true });
    decoded.set(sha, out);
  }
  const total = Math.round((t.durationMs * MIX_RATE) / 1000);
  const placed = clips.map((c) => ({
    file: decoded.get(c.sha256)!,
    start: Math.round((c.atMs * MIX_RATE) / 1000),
    skip: Math.round((c.offsetMs * MIX_RATE) / 1000),
    count: Math.round((c.playMs * MIX_RATE) / 1000),
    gain: c.volume,
  }));
  const mixPath = path.join(dir, 'mix.f32');
  const out = fs.openSync(mixPath, 'w');
  const handles = new Map([...decoded.values()].map((f) => [f, fs.openSync(f, 'r')]));
  try {
    const mix = new Float32Array(WINDOW * CHANNELS);
    const part = new Float32Array(WINDOW * CHANNELS);
    for (let w0 = 0; w0 < total; w0 += WINDOW) {
      if (signal.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
      const n = Math.min(WINDOW, total - w0);
      mix.fill(0);
      for (const c of placed) {
        const a = Math.max(w0, c.start);
        const b = Math.min(w0 + n, c.start + c.count);
        if (b <= a) continue;
        part.fill(0);
        const bytes = (b - a) * CHANNELS * 4;
        const at = (c.skip + a - c.start) * CHANNELS * 4;
        fs.readSync(handles.get(c.file)!, new Uint8Array(part.buffer, 0, bytes), 0, bytes, at);
        const base = (a - w0) * CHANNELS;
        for (let i = 0, m = (b - a) * CHANNELS; i < m; i++) mix[base + i] += part[i] * c.gain;
      }
      for (let i = 0; i < n * CHANNELS; i++) mix[i] = Math.max(-1, Math.min(1, mix[i]));
      fs.writeSync(out, new Uint8Array(mix.buffer, 0, n * CHANNELS * 4));
    }
  } finally {
    fs.closeSync(out);
    for (const h of handles.values()) fs.closeSync(h);
  }
  return mixPath;
}
