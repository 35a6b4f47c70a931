import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';

let cached: Buffer | null = null;

/** A real one-second 128x72 H.264 MP4 (ffmpeg's test pattern at 24 fps), made once per process: what fake providers serve as a clip. */
export async function fakeClip(): Promise<Buffer> {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-fake-clip-'));
  const file = path.join(dir, 'clip.mp4');
  execFileSync(await requireFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=128x72:rate=24:duration=1', '-pix_fmt', 'yuv420p', file]);
  cached = fs.readFileSync(file);
  fs.rmSync(dir, { recursive: true, force: true });
  return cached;
}
