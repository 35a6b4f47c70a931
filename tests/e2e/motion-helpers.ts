/** Helpers of motion.e2e.ts: moving the playhead and reading what the player shows. */
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { until } from './browser';

/** Moves the playhead to frame f by clicking the ruler (2 px a frame at the default zoom and 24 fps), then waits until the player has drawn it exactly. */
export async function showFrame(page: Page, f: number): Promise<void> {
  const ruler = (await page.getByTestId('timeline-ruler').boundingBox())!;
  await page.mouse.click(ruler.x + f * 2 + 1, ruler.y + ruler.height / 2);
  await until(() => page.getByTestId('timeline-playhead').getAttribute('data-frame'), (v) => v === String(f), `playhead on frame ${f}`);
  await waitDrawn(page, f);
}

/** Waits until the player has drawn frame f as asked (its clip frame seeked, its pictures loaded). */
export async function waitDrawn(page: Page, f: number): Promise<void> {
  const player = page.getByTestId('timeline-player');
  await until(
    async () => `${await player.getAttribute('data-frame')}/${await player.getAttribute('data-settled')}`,
    (v) => v === `${f}/true`,
    `player settled on frame ${f}`,
  );
}

/** The player's picture, shrunk to 32×18 grey levels: enough to tell a push-in's frames apart. */
export async function playerPicture(page: Page): Promise<number[]> {
  const png = await page.getByTestId('timeline-player').screenshot();
  const raw = await sharp(png).greyscale().resize(32, 18, { fit: 'fill' }).raw().toBuffer();
  return [...raw];
}

/** Mean absolute difference of two pictures, in grey levels (0–255). */
export function pictureDistance(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length;
}
