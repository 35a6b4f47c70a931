/** Issue 14: an MP4/MOV's frame count read from its sample table, without a second ffmpeg run. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';
import { mp4VideoFrameCount } from '../../electron/core/motion/mp4-samples';
import { parseFrameCount, parseVideoStream, POSTER_OUTPUT, prepareClip } from '../../electron/core/motion/clip-probe';

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

  it('a clip whose sample table was read is described from its header alone: the same size, rate, frames and poster as a full probe', async () => {
    const cases: [string, Buffer][] = [
      ['bframes.mp4', make('p-bframes.mp4', [...pattern('24', 2), '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])],
      ['ntsc.mp4', make('p-ntsc.mp4', [...pattern('30000/1001', 1), '-c:v', 'libx264', '-bf', '0', '-pix_fmt', 'yuv420p'])],
      ['clip.mov', make('p-clip.mov', [...pattern('25', 1), '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])],
      ['ten-bit.mp4', make('p-ten-bit.mp4', [...pattern('24', 1), '-c:v', 'libx264', '-pix_fmt', 'yuv420p10le'])],
      ['chroma422.mp4', make('p-422.mp4', [...pattern('24', 1), '-c:v', 'libx264', '-pix_fmt', 'yuv422p'])],
      ['hevc.mp4', make('p-hevc.mp4', [...pattern('24', 1), '-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p'])],
      ['sound.mp4', make('p-sound.mp4', ['-f', 'lavfi', '-i', 'sine=duration=1', ...pattern('24', 1), '-map', '0:a', '-map', '1:v', '-c:a', 'aac', '-c:v', 'libx264', '-pix_fmt', 'yuv420p'])],
    ];
    // A phone's portrait clip: landscape pixels and a rotation in the header; the poster comes out upright.
    const landscape = path.join(dir, 'p-landscape.mp4');
    fs.writeFileSync(landscape, make('p-landscape.mp4', [...pattern('24', 1), '-c:v', 'libx264', '-pix_fmt', 'yuv420p']));
    execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', landscape, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', path.join(dir, 'p-rotated.mp4')]);
    cases.push(['rotated.mp4', fs.readFileSync(path.join(dir, 'p-rotated.mp4'))]);
    for (const [name, bytes] of cases) {
      expect(mp4VideoFrameCount(bytes), name).not.toBeNull();
      const fromHeader = await prepareClip(bytes, name);
      const full = fullProbe(bytes, name.split('.')[1]);
      expect({ name, width: fromHeader.width, height: fromHeader.height, fpsNum: fromHeader.fpsNum, fpsDen: fromHeader.fpsDen }).toEqual({ name, ...full.stream });
      expect(fromHeader.frames, name).toBe(full.frames);
      expect(fromHeader.poster.equals(full.poster), `${name}: the same poster`).toBe(true);
    }
  });
});

/** The old way, with ffmpeg's probing decode: the stream line, the frames it counts and the poster. */
function fullProbe(bytes: Buffer, ext: string) {
  const file = path.join(dir, `full.${ext}`);
  const poster = path.join(dir, 'full.jpg');
  fs.writeFileSync(file, bytes);
  const r = spawnSync(ffmpeg, ['-v', 'info', '-skip_frame', 'nokey', '-threads', '1', '-i', file, ...POSTER_OUTPUT, '-y', poster], { encoding: 'utf8' });
  return { stream: parseVideoStream(r.stderr), frames: ffmpegCount(bytes, ext), poster: fs.readFileSync(poster) };
}
