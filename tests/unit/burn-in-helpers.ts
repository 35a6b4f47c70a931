import sharp from 'sharp';
import { BURN_IN_LAYOUT as L } from '../../shared/domain/burn-in-layout';
import type { Rgb } from './animatic-helpers';

/** Captions that once broke the burn-ins: long Latin with a cue, Japanese, Hebrew with digits, emoji. */
export const CAPTIONS = {
  latin: 'GRANDPA\nAre you there? I have been calling and calling since the storm took the lights out, and nobody on this street would answer (not once).',
  japanese: 'ミカ\nここにいるよ、おじいちゃん。ずっと待っていたんだから、早く帰ってきてね。本当に心配したんだよ。',
  hebrew: 'סבא\nשלום סבא, אני כאן ואני מחכה לך כבר שעה (123) ארוכה מאוד, ואף אחד ברחוב הזה לא פתח לי את הדלת',
  emoji: 'MIKA\nWe made it 😀👍 🔥🎬❤️',
};

/** The panels' colour: mid grey, so the black boxes and the white text both stand out. */
export const GREY: Rgb = [120, 120, 120];

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A frame of a flat grey panel with burn-ins (a PNG file or bytes): its caption boxes (pixels darker
 * than the panel, lower half) and text (near-white pixels), and the number of text lines in each box, all in the lower half (the captions' half).
 */
export async function readCaptions(image: string | Buffer) {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const lum = (x: number, y: number) => data[(y * width + x) * 3];
  const boxes: Box[] = [];
  const textRows = new Set<number>();
  const textPixels: [number, number][] = [];
  for (let y = Math.floor(height / 2); y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (lum(x, y) > 200) {
        textPixels.push([x, y]);
        textRows.add(y);
      }
    }
  }
  // Boxes: bands of rows in the lower half with dark pixels, as wide as their dark pixels reach.
  const dark = (x: number, y: number) => lum(x, y) < GREY[0] - 30;
  for (let y = Math.floor(height / 2); y < height; y++) {
    let x0 = -1;
    let x1 = -1;
    for (let x = 0; x < width; x++) if (dark(x, y)) (x0 = x0 < 0 ? x : x0), (x1 = x);
    if (x0 < 0 || x1 - x0 < 10) continue;
    const last = boxes[boxes.length - 1];
    if (last && last.y1 === y - 1) Object.assign(last, { y1: y, x0: Math.min(last.x0, x0), x1: Math.max(last.x1, x1) });
    else boxes.push({ x0, y0: y, x1, y1: y });
  }
  return { width, height, boxes, textPixels, lines: boxes.map((b) => lineBands(textRows, b, height)) };
}

/**
 * Runs of rows holding text inside a box, one per caption line: runs closer than a fifth of an em are
 * one line (the thin top of an outlined emoji can stand apart from the rest of its line).
 */
function lineBands(rows: Set<number>, box: Box, frameHeight: number): number {
  const minGap = 0.2 * L.captionFont * frameHeight;
  let bands = 0;
  let last = -Infinity;
  for (let y = box.y0; y <= box.y1; y++) {
    if (!rows.has(y)) continue;
    if (y - last > minGap) bands++;
    last = y;
  }
  return bands;
}
