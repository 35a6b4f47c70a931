/** Clips whose every frame is one solid colour of a palette, so a frame read back says which clip frame it is. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';

export type Rgb = [number, number, number];

const LEVELS = [20, 128, 235];

/** Clip frame i's colour: 27 colours, each channel at one of three levels (far apart after H.264 and 4:2:0). */
export function frameColour(i: number): Rgb {
  return [LEVELS[i % 3], LEVELS[Math.floor(i / 3) % 3], LEVELS[Math.floor(i / 9) % 3]];
}

export const CLIP_PALETTE: Rgb[] = Array.from({ length: 27 }, (_, i) => frameColour(i));

/** An H.264 MP4 of `frames` (at most 27) solid frames, frame i in frameColour(i), at an exact rate like "30000/1001". */
export async function colourClip(frames: number, rate: string, width = 160, height = 90): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bw-colour-clip-'));
  try {
    for (let i = 0; i < frames; i++) {
      const [r, g, b] = frameColour(i);
      await sharp({ create: { width, height, channels: 3, background: { r, g, b } } }).png().toFile(path.join(dir, `f${String(i).padStart(3, '0')}.png`));
    }
    const out = path.join(dir, 'clip.mp4');
    execFileSync(await requireFfmpeg(), ['-v', 'error', '-framerate', rate, '-i', path.join(dir, 'f%03d.png'), '-c:v', 'libx264', '-crf', '12', '-g', '8', '-pix_fmt', 'yuv420p', out]);
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
