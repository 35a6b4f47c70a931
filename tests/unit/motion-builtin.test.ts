/** Issue 14: the offline motion provider renders the panel's camera move (or a push in) as a real clip. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';
import { BuiltinMotionProvider } from '../../electron/core/motion/builtin';
import { prepareClip } from '../../electron/core/motion/clip-probe';
import { rejectionOf, testContext } from '../fakes/provider-kit';

/** Left half black, right half white: a pan or push in moves the edge between them. */
const halves = () =>
  sharp({ create: { width: 1280, height: 720, channels: 3, background: '#ffffff' } })
    .composite([{ input: { create: { width: 640, height: 720, channels: 3, background: '#000000' } }, left: 0, top: 0 }])
    .png()
    .toBuffer();

/** Black with a white centre square a quarter of the width: a push in makes the square wider. */
const centreSquare = () =>
  sharp({ create: { width: 1280, height: 720, channels: 3, background: '#000000' } })
    .composite([{ input: { create: { width: 320, height: 320, channels: 3, background: '#ffffff' } }, left: 480, top: 200 }])
    .png()
    .toBuffer();

/** The middle row of one frame of a clip, as grey levels, with the frame's width. */
async function middleRow(clip: Buffer, frame: number): Promise<{ row: Buffer; width: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-motion-'));
  const input = path.join(dir, 'c.mp4');
  fs.writeFileSync(input, clip);
  const png = execFileSync(await requireFfmpeg(), ['-v', 'error', '-i', input, '-vf', `select=eq(n\\,${frame})`, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', '-']);
  fs.rmSync(dir, { recursive: true, force: true });
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const y = Math.floor(info.height / 2);
  return { row: data.subarray(y * info.width, (y + 1) * info.width), width: info.width };
}

/** The share of the middle row that is light. */
async function lightShare(clip: Buffer, frame: number): Promise<number> {
  const { row, width } = await middleRow(clip, frame);
  return row.filter((v) => v > 128).length / width;
}

/** The column where a frame turns from dark to light along its middle row. */
async function edgeX(clip: Buffer, frame: number): Promise<number> {
  const { row, width } = await middleRow(clip, frame);
  const x = row.findIndex((v) => v > 128);
  return x === -1 ? 1 : x / width;
}

describe('built-in motion provider', () => {
  it('renders a slow push in on a static panel: a 720p clip of exactly the frames asked, the picture growing about its centre', async () => {
    const p = new BuiltinMotionProvider();
    const { ctx } = testContext({ timeoutMs: 60_000 });
    const sub = await p.submit({ prompt: '', seconds: 2, aspectRatio: '16:9', firstFrame: { mime: 'image/png', data: await centreSquare() } }, ctx);
    const done = await p.poll(sub.remoteId);
    if (done.state !== 'done') throw new Error('expected a rendered clip');
    const clip = await prepareClip(await p.download(done.videos[0], sub.remoteId), 'builtin.mp4');
    expect(clip).toMatchObject({ width: 1280, height: 720, fpsNum: 24, fpsDen: 1, frames: 48, durationMs: 2000 });
    // The square is a quarter of the width on the first frame and 1/0.85 of that on the last (centred both times).
    expect(await lightShare(clip.data, 0)).toBeCloseTo(0.25, 2);
    expect(await lightShare(clip.data, 47)).toBeCloseTo(0.25 / 0.85, 2);
    expect(await edgeX(clip.data, 47)).toBeCloseTo(0.5 - 0.125 / 0.85, 2);
  });

  it('follows the panel\'s own move (a pan) at the project\'s frame rate; a panel without a picture is refused', async () => {
    const p = new BuiltinMotionProvider();
    const { ctx } = testContext({ timeoutMs: 60_000 });
    const pan = { start: { x: 0, y: 0, w: 0.5, h: 0.5 }, end: { x: 0.5, y: 0, w: 0.5, h: 0.5 } };
    const sub = await p.submit({ prompt: '', seconds: 1, aspectRatio: '16:9', firstFrame: { mime: 'image/png', data: await halves() }, params: { framing: pan, fps: 25 } }, ctx);
    const clip = await prepareClip(await p.download({ uri: '' }, sub.remoteId), null);
    expect([clip.frames, clip.fpsNum]).toEqual([25, 25]);
    // The pan starts on the black left half and ends on the white right half.
    expect(await edgeX(clip.data, 0)).toBe(1);
    expect(await edgeX(clip.data, 24)).toBe(0);
    expect(sub.sent).toMatchObject({ framing: pan, fps: 25, seconds: 1 });
    expect(await rejectionOf(p.poll(sub.remoteId))).toMatchObject({ kind: 'EXPIRED' });
    expect(await rejectionOf(p.submit({ prompt: '', seconds: 1, aspectRatio: '16:9', firstFrame: { mime: 'image/png', data: Buffer.from('no') } }, ctx))).toMatchObject({ kind: 'BAD_REQUEST' });
  });
});
