import sharp from 'sharp';

const cache = new Map<number, Promise<Buffer>>();

/** A tiny PNG whose colour is a pure function of the seed: the fakes' "generated image". */
export function fakePng(seed: number): Promise<Buffer> {
  const key = seed >>> 0;
  let png = cache.get(key);
  if (!png) {
    const h = Math.imul(key ^ 0x9e3779b9, 2654435761) >>> 0;
    png = sharp({ create: { width: 8, height: 8, channels: 3, background: { r: h & 255, g: (h >>> 8) & 255, b: (h >>> 16) & 255 } } })
      .png()
      .toBuffer();
    cache.set(key, png);
  }
  return png;
}
