/** Issue 14: an MP4/MOV's frame count read from its sample table, without a second ffmpeg run. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';
import { mp4VideoFrameCount } from '../../electron/core/motion/mp4-samples';
import { parseFrameCount } from '../../electron/core/motion/clip-probe';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-mp4-samples-'));
let ffmpeg = '';
beforeAll(async () => {
  ffmpeg = await requireFfmpeg();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Makes a file with ffmpeg (test pattern in, `args` out) and returns its bytes. */
function make(name: string, args: string[]): Buffer {
  const out = path.join(dir, name);
  execFileSync(ffmpeg, ['-v', 'error', '-y', ...args, out]);
  return fs.readFileSync(out);
}
const pattern = (rate: string, seconds: number) => ['-f', 'lavfi', '-i', `testsrc2=size=160x90:rate=${rate}:duration=${seconds}`];

/** What ffmpeg counts copying the first video stream to nowhere: the figure the table must agree with. */
function ffmpegCount(bytes: Buffer, ext: string): number {
  const file = path.join(dir, `count.${ext}`);
  fs.writeFileSync(file, bytes);
  const r = spawnSync(ffmpeg, ['-hide_banner', '-v', 'info', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-'], { encoding: 'utf8' });
  return parseFrameCount(r.stderr);
}

describe('MP4 sample table frame count', () => {
  it('agrees with ffmpeg for H.264 with B-frames (an edit list for their delay), no B-frames, MOV, faststart, and a sound track first', () => {
    const cases: [string, Buffer][] = [
      ['bframes.mp4', make('bframes.mp4', [...pattern('24', 3), '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])],
      ['nob.mp4', make('nob.mp4', [...pattern('30000/1001', 2), '-c:v', 'libx264', '-bf', '0', '-pix_fmt', 'yuv420p'])],
      ['clip.mov', make('clip.mov', [...pattern('25', 2), '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])],
      ['fast.mp4', make('fast.mp4', [...pattern('24', 2), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'])],
      ['sound.mp4', make('sound.mp4', ['-f', 'lavfi', '-i', 'sine=duration=2', ...pattern('24', 2), '-map', '0:a', '-map', '1:v', '-c:a', 'aac', '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])],
    ];
    const counts = cases.map(([name, bytes]) => [name, mp4VideoFrameCount(bytes), ffmpegCount(bytes, name.split('.')[1])]);
    expect(counts).toEqual([
      ['bframes.mp4', 72, 72],
      ['nob.mp4', 60, 60],
      ['clip.mov', 50, 50],
      ['fast.mp4', 48, 48],
      ['sound.mp4', 48, 48],
    ]);
  });

  it('leaves to ffmpeg what the table cannot answer for: fragmented files, an edit that cuts, damaged or cut-short files, no video', () => {
    const whole = make('whole.mp4', [...pattern('24', 3), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart']);
    expect(mp4VideoFrameCount(make('frag.mp4', [...pattern('24', 2), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', 'frag_keyframe+empty_moov']))).toBeNull();
    // A stream copy from 0.6 s keeps the key frame before it and an edit list that starts the picture later.
    execFileSync(ffmpeg, ['-v', 'error', '-y', '-ss', '0.6', '-i', path.join(dir, 'whole.mp4'), '-c', 'copy', path.join(dir, 'cut.mp4')]);
    expect(mp4VideoFrameCount(fs.readFileSync(path.join(dir, 'cut.mp4')))).toBeNull();
    expect(mp4VideoFrameCount(whole.subarray(0, whole.length - 1000))).toBeNull(); // media data cut short
    expect(mp4VideoFrameCount(whole.subarray(0, 600))).toBeNull(); // the moov box cut short
    expect(mp4VideoFrameCount(make('tone.mp4', ['-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac']))).toBeNull();
    expect(mp4VideoFrameCount(Buffer.from('not a video at all, not even close'))).toBeNull();
    expect(mp4VideoFrameCount(whole)).toBe(72);
  });
});
