/** Benchmark images: distinct, deterministic, photo-like in size (see buildAtlas). Not a bench itself. */
import sharp, { type OverlayOptions } from 'sharp';
import { seededRandom as mulberry32 } from '../../shared/util/seeded-random';
export { mulberry32 };

/** Image size: a 2.39 frame at 1280 px, the size a storyboard artist exports. */
export const IW = 1280;
export const IH = 536;


// ---------------------------------------------------------------------------------------------
// Images: one textured atlas built once (gradients, mid-scale texture, grain, hard-edged shapes),
// then every image is its own crop, tint and set of shapes, so no two share a SHA-256. Encoded
// as JPEG q85 they land at ~100-200 KB, and their thumbnails keep a photo-like share of that.
// ---------------------------------------------------------------------------------------------

export const AW = IW * 2;
export const AH = IH * 2;

export function buildAtlas(): Buffer {
  const r = mulberry32(42);
  const buf = Buffer.allocUnsafe(AW * AH * 3);
  const gw = 17;
  const gh = 9;
  const grid = new Float32Array(gw * gh * 3).map(() => 40 + r() * 170);
  const cell = 6;
  const mid = 30;
  const mw = Math.ceil(AW / cell) + 2;
  const m = new Float32Array(mw * (Math.ceil(AH / cell) + 2)).map(() => (r() - 0.5) * 2 * mid);
  let i = 0;
  for (let y = 0; y < AH; y++) {
    const gy = (y / (AH - 1)) * (gh - 1);
    const y0 = Math.min(gh - 2, gy | 0);
    const fy = gy - y0;
    const my = y / cell;
    const my0 = my | 0;
    const mfy = my - my0;
    for (let x = 0; x < AW; x++) {
      const gx = (x / (AW - 1)) * (gw - 1);
      const x0 = Math.min(gw - 2, gx | 0);
      const fx = gx - x0;
      const mx = x / cell;
      const mx0 = mx | 0;
      const mfx = mx - mx0;
      const a = (y0 * gw + x0) * 3;
      const c = a + gw * 3;
      const mi = my0 * mw + mx0;
      const mv = (m[mi] * (1 - mfx) + m[mi + 1] * mfx) * (1 - mfy) + (m[mi + mw] * (1 - mfx) + m[mi + mw + 1] * mfx) * mfy;
      for (let ch = 0; ch < 3; ch++) {
        const v =
          (grid[a + ch] * (1 - fx) + grid[a + 3 + ch] * fx) * (1 - fy) + (grid[c + ch] * (1 - fx) + grid[c + 3 + ch] * fx) * fy + mv + (r() - 0.5) * 31;
        buf[i++] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  for (let k = 0; k < 60; k++) {
    const w = (20 + r() * 300) | 0;
    const h = (10 + r() * 200) | 0;
    const x0 = (r() * (AW - w)) | 0;
    const y0 = (r() * (AH - h)) | 0;
    const col = [r() * 255, r() * 255, r() * 255];
    const frame = r() < 0.5;
    for (let y = y0; y < y0 + h; y++) {
      for (let x = x0; x < x0 + w; x++) {
        if (frame && y > y0 + 3 && y < y0 + h - 4 && x > x0 + 3 && x < x0 + w - 4) continue;
        const p = (y * AW + x) * 3;
        for (let ch = 0; ch < 3; ch++) buf[p + ch] = (buf[p + ch] + col[ch]) >> 1;
      }
    }
  }
  return buf;
}

export async function makeImage(atlas: Buffer, seed: number): Promise<Buffer> {
  const r = mulberry32(seed);
  const shapes: OverlayOptions[] = [];
  for (let k = 0; k < 6; k++) {
    const width = (16 + r() * 260) | 0;
    const height = (12 + r() * 180) | 0;
    shapes.push({
      input: { create: { width, height, channels: 3, background: { r: (r() * 255) | 0, g: (r() * 255) | 0, b: (r() * 255) | 0 } } },
      left: (r() * (IW - width)) | 0,
      top: (r() * (IH - height)) | 0,
      blend: 'soft-light',
    });
  }
  return sharp(atlas, { raw: { width: AW, height: AH, channels: 3 } })
    .extract({ left: (r() * IW) | 0, top: (r() * IH) | 0, width: IW, height: IH })
    .linear([0.75 + r() * 0.5, 0.75 + r() * 0.5, 0.75 + r() * 0.5], [r() * 30 - 15, r() * 30 - 15, r() * 30 - 15])
    .composite(shapes)
    .jpeg({ quality: 85 })
    .toBuffer();
}
