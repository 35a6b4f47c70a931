/** Issue 14: a clip is checked and measured with the bundled ffmpeg before it is stored. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';
import { parseFrameCount, parseVideoStream, prepareClip } from '../../electron/core/motion/clip-probe';
import { sniffClip } from '../../electron/core/motion/clip-format';
import { rejection as refusal } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-clip-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A test-pattern clip made by ffmpeg itself: `seconds` long at `rate`, WxH, in the container the name says. */
async function makeClip(name: string, rate: string, seconds: number, size = '320x180', extra: string[] = []): Promise<Buffer> {
  const out = path.join(dir, name);
  execFileSync(await requireFfmpeg(), ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${rate}:duration=${seconds}`, ...extra, out]);
  return fs.readFileSync(out);
}

describe('clip probe', () => {
  it('measures an MP4: size, exact frame rate, frame count, duration, and a poster of its first frame', async () => {
    const clip = await prepareClip(await makeClip('a.mp4', '24', 2, '320x180', ['-pix_fmt', 'yuv420p']), 'a.mp4');
    expect(clip).toMatchObject({ mime: 'video/mp4', width: 320, height: 180, fpsNum: 24, fpsDen: 1, frames: 48, durationMs: 2000 });
    const poster = await sharp(clip.poster).metadata();
    expect([poster.format, poster.width, poster.height]).toEqual(['jpeg', 320, 180]);
    expect(clip.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps NTSC rates exact (30000/1001) and reads WebM and GIF', async () => {
    const ntsc = await prepareClip(await makeClip('b.mp4', '30000/1001', 1, '160x90', ['-pix_fmt', 'yuv420p']), null);
    expect([ntsc.fpsNum, ntsc.fpsDen]).toEqual([30000, 1001]);
    expect(ntsc.durationMs).toBe(Math.round((ntsc.frames * 1001) / 30));
    const webm = await prepareClip(await makeClip('c.webm', '25', 1, '160x90', ['-c:v', 'libvpx', '-b:v', '200k']), 'c.webm');
    expect(webm).toMatchObject({ mime: 'video/webm', frames: 25, fpsNum: 25 });
    const gif = await prepareClip(await makeClip('d.gif', '10', 1, '80x60'), 'd.gif');
    expect(gif).toMatchObject({ mime: 'image/gif', frames: 10, width: 80, height: 60 });
  });

  it('refuses a picture, an empty file, a damaged clip and a sound-only file, each with a message naming it', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer();
    expect(await refusal(prepareClip(png, 'still.png'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('still.png is not a video') });
    expect(await refusal(prepareClip(Buffer.alloc(0), 'zero.mp4'))).toMatchObject({ code: 'BAD_INPUT', message: 'zero.mp4 is empty.' });
    const whole = await makeClip('e.mp4', '24', 2, '320x180', ['-pix_fmt', 'yuv420p']);
    expect(await refusal(prepareClip(whole.subarray(0, 2000), 'cut.mp4'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('cut.mp4') });
    const audio = path.join(dir, 'tone.mp4');
    execFileSync(await requireFfmpeg(), ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=duration=1', '-c:a', 'aac', audio]);
    expect(await refusal(prepareClip(fs.readFileSync(audio), 'tone.mp4'))).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('tone.mp4') });
  });

  it('recognises containers by their bytes and parses ffmpeg\'s stream line', () => {
    const ftyp = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(8)]);
    expect(sniffClip(ftyp('isom'))?.label).toBe('MP4');
    expect(sniffClip(ftyp('qt  '))?.label).toBe('MOV');
    expect(sniffClip(Buffer.from('GIF89a......', 'latin1'))?.label).toBe('GIF');
    expect(sniffClip(Buffer.from('not a video at all', 'latin1'))).toBeNull();
    const line = '    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 812 kb/s, 23.98 fps, 23.98 tbr, 24k tbn, 47.95 tbc (default)';
    expect(parseVideoStream(line)).toEqual({ width: 1280, height: 720, fpsNum: 24000, fpsDen: 1001 });
    expect(parseFrameCount('frame=   12 fps=0.0\rframe=  121 fps=0.0 q=-1.0 Lsize=N/A')).toBe(121);
  });
});
