import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { OutputGeometry } from '../../../shared/domain/animatic-frame';
import { isStillFrame } from '../../../shared/domain/animatic-frame';
import { CoreError } from '../errors';
import type { FrameComposer } from './frame-composer';
import type { PictureUnit } from './video-plan';

/** File names ffmpeg's image2 demuxer reads, relative to the working folder. */
export const STILL_PATTERN = 'still-%06d.png';
const stillName = (n: number) => `still-${String(n).padStart(6, '0')}.png`;

/** Temporary PNGs are at most about half the raw size; above this (long 4K films) the pipe is used instead. */
const RAW_BUDGET_BYTES = 4 * 1024 ** 3;

/**
 * A film of cuts only (no camera moves, dissolves or fades) is encoded the way a bare ffmpeg concat
 * of stills is: one PNG file per panel, read once and repeated by ffmpeg. Everything else streams.
 */
export function stillsAsFiles(units: readonly PictureUnit[], geo: OutputGeometry): boolean {
  return units.every((u) => isStillFrame(u.layers)) && units.length * geo.width * geo.height * 3 <= RAW_BUDGET_BYTES;
}

/** Writes still-000001.png... in order, plus the last one again (it tells ffmpeg how long the last still lasts). */
export async function writeStillFiles(units: readonly PictureUnit[], composer: FrameComposer, dir: string, signal: AbortSignal): Promise<void> {
  const AT_ONCE = 2;
  for (let k = 0; k < units.length; k += AT_ONCE) {
    if (signal.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
    await Promise.all(
      units.slice(k, k + AT_ONCE).map(async (u, i) => fs.promises.writeFile(path.join(dir, stillName(k + i + 1)), await stillPng(composer, u))),
    );
  }
  fs.copyFileSync(path.join(dir, stillName(units.length)), path.join(dir, stillName(units.length + 1)));
}

/** The stored image itself when it already is the frame (a PNG of exactly the output size), else a fresh render (also the editorial export's stills). */
export async function stillPng(composer: FrameComposer, u: PictureUnit): Promise<Buffer> {
  const original = await composer.unchangedOriginal(u.layers[0], u.current);
  if (original) return original;
  const { width, height } = composer.geometry;
  const rgb = await composer.render(u.layers, u.current);
  return sharp(rgb, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1, adaptiveFiltering: false }).toBuffer();
}
