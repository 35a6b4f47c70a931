/**
 * A picture's dominant colours, extracted from its thumbnail: 32 x 32 samples (nearest neighbour, so
 * every sample is a colour the picture has, never a blend of two), split by median cut and merged
 * where two boxes are the same colour to the eye. Deterministic: the same thumbnail always gives the
 * same swatches.
 */
import sharp from 'sharp';
import type { Swatch } from '../../../shared/domain/insights';

const SAMPLE_SIDE = 32;
const MAX_BOXES = 8;
/** At most this many swatches per picture. */
export const MAX_SWATCHES = 6;
/** Colours nearer than this (RGB distance) are one swatch: thumbnail compression noise, gradients. */
const MERGE_DISTANCE = 28;

type Rgb = [number, number, number];

export async function extractPalette(thumb: Buffer): Promise<Swatch[]> {
  const { data, info } = await sharp(thumb)
    .flatten({ background: '#ffffff' })
    .resize(SAMPLE_SIDE, SAMPLE_SIDE, { fit: 'fill', kernel: 'nearest' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels: Rgb[] = [];
  for (let i = 0; i + 2 < data.length; i += info.channels) pixels.push([data[i], data[i + 1], data[i + 2]]);
  return paletteOfPixels(pixels);
}

/** Median cut of `pixels` into at most MAX_BOXES boxes, merged and weighted by share of the pixels. */
export function paletteOfPixels(pixels: Rgb[]): Swatch[] {
  if (pixels.length === 0) return [];
  const boxes: Rgb[][] = [pixels];
  while (boxes.length < MAX_BOXES) {
    let best = -1;
    let bestScore = 0;
    boxes.forEach((box, i) => {
      const score = box.length * widest(box).range;
      if (score > bestScore) [best, bestScore] = [i, score];
    });
    if (best < 0) break;
    boxes.splice(best, 1, ...split(boxes[best]));
  }
  const colours = boxes.map((box) => ({ rgb: mean(box), count: box.length }));
  return mergeColours(colours, MERGE_DISTANCE)
    .slice(0, MAX_SWATCHES)
    .map((c) => ({ hex: toHex(c.rgb), weight: round3(c.count / pixels.length) }));
}

/** Weighted colours merged where nearer than `distance`, heaviest first (ties by colour, for determinism). */
export function mergeColours<T extends { rgb: Rgb; count: number }>(colours: T[], distance: number): { rgb: Rgb; count: number }[] {
  const sorted = [...colours].sort(heaviestFirst);
  const kept: { rgb: Rgb; count: number }[] = [];
  for (const c of sorted) {
    const near = kept.find((k) => near2(k.rgb, c.rgb) < distance * distance);
    if (!near) {
      kept.push({ rgb: [...c.rgb], count: c.count });
      continue;
    }
    const total = near.count + c.count;
    near.rgb = near.rgb.map((v, i) => (v * near.count + c.rgb[i] * c.count) / total) as Rgb;
    near.count = total;
  }
  return kept.sort(heaviestFirst);
}

const packed = (rgb: Rgb) => (Math.round(rgb[0]) << 16) | (Math.round(rgb[1]) << 8) | Math.round(rgb[2]);
const heaviestFirst = (a: { rgb: Rgb; count: number }, b: { rgb: Rgb; count: number }) => b.count - a.count || packed(a.rgb) - packed(b.rgb);

function widest(box: Rgb[]): { channel: number; range: number } {
  let out = { channel: 0, range: 0 };
  for (let c = 0; c < 3; c++) {
    let lo = 255;
    let hi = 0;
    for (const p of box) {
      if (p[c] < lo) lo = p[c];
      if (p[c] > hi) hi = p[c];
    }
    if (hi - lo > out.range) out = { channel: c, range: hi - lo };
  }
  return out;
}

/** Splits at the value change nearest the median, so two flat colours always end up in two boxes. */
function split(box: Rgb[]): [Rgb[], Rgb[]] {
  const { channel } = widest(box);
  const sorted = [...box].sort((a, b) => a[channel] - b[channel] || a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const m = sorted.length >> 1;
  const at = (i: number) => sorted[i][channel];
  let lo = m;
  while (lo > 0 && at(lo - 1) === at(m)) lo--;
  let hi = m;
  while (hi < sorted.length && at(hi) === at(m)) hi++;
  const cut = lo === 0 ? hi : hi === sorted.length ? lo : m - lo <= hi - m ? lo : hi;
  return [sorted.slice(0, cut), sorted.slice(cut)];
}

function mean(box: Rgb[]): Rgb {
  const sum = [0, 0, 0];
  for (const p of box) for (let c = 0; c < 3; c++) sum[c] += p[c];
  return sum.map((s) => s / box.length) as Rgb;
}

const near2 = (a: Rgb, b: Rgb) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

export function fromHex(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

/**
 * Several pictures' palettes as one: each swatch counts by its share of its picture times the
 * picture's weight (its panel's screen time), near colours merged. The `max` most covering, as hex.
 */
export function combinePalettes(pictures: { swatches: Swatch[]; weight: number }[], max: number): string[] {
  // Binned first (4 bits a channel), so merging costs the same for 20 panels or 20,000.
  const bins = new Map<number, { sum: Rgb; count: number }>();
  for (const p of pictures) {
    for (const s of p.swatches) {
      const count = s.weight * p.weight;
      if (!(count > 0)) continue;
      const rgb = fromHex(s.hex);
      const key = ((rgb[0] >> 4) << 8) | ((rgb[1] >> 4) << 4) | (rgb[2] >> 4);
      const bin = bins.get(key) ?? { sum: [0, 0, 0] as Rgb, count: 0 };
      for (let c = 0; c < 3; c++) bin.sum[c] += rgb[c] * count;
      bin.count += count;
      bins.set(key, bin);
    }
  }
  const colours = [...bins.values()].map((b) => ({ rgb: b.sum.map((v) => v / b.count) as Rgb, count: b.count }));
  return mergeColours(colours, MERGE_DISTANCE)
    .slice(0, max)
    .map((c) => toHex(c.rgb));
}
