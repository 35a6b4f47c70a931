/**
 * A sketch plane is mostly empty: it is resized only where it has ink, and laid over the frame only
 * where it has ink. The parts are cut from the very same resize (libvips computes only the area asked
 * of it), so drawing by parts gives exactly the pixels of drawing the whole plane.
 */
import sharp from 'sharp';
import type { PictureSource, RegionPlan } from '../../animatic/picture-source';

/** A rectangle of pixels: [left, right) x [top, bottom). */
export interface Span {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Drawn pixels of a plane, placed in the frame (straight-alpha RGBA). */
export interface PlanePart {
  data: Buffer;
  width: number;
  height: number;
  left: number;
  top: number;
}

/** Rows of source pixels looked at together; bands grow from these. */
const ROWS = 32;
/** Output pixels added around each part for the resize kernel's reach (lanczos3: 3 source pixels) and rounding. */
const MARGIN = 4;

/**
 * Where an RGBA picture has ink, as a few horizontal bands (each spanning its rows' leftmost to
 * rightmost ink); neighbouring bands are merged while that adds little empty area. Empty: no ink.
 */
export function inkBands(rgba: Buffer, width: number, height: number): Span[] {
  const rows: Span[] = [];
  for (let top = 0; top < height; top += ROWS) {
    const bottom = Math.min(height, top + ROWS);
    let left = width;
    let right = 0;
    for (let y = top; y < bottom; y++) {
      const row = y * width * 4;
      for (let x = 0; x < left; x++) if (rgba[row + x * 4 + 3] !== 0) { left = x; break; }
      for (let x = width - 1; x >= Math.max(left, right); x--) if (rgba[row + x * 4 + 3] !== 0) { right = x + 1; break; }
    }
    if (right > left) rows.push({ left, top, right, bottom });
  }
  const bands: Span[] = [];
  for (const r of rows) {
    const last = bands[bands.length - 1];
    if (last && last.bottom === r.top) {
      const union = { left: Math.min(last.left, r.left), top: last.top, right: Math.max(last.right, r.right), bottom: r.bottom };
      if (area(union) <= 1.25 * (area(last) + area(r))) {
        bands[bands.length - 1] = union;
        continue;
      }
    }
    bands.push(r);
  }
  return bands;
}

const area = (s: Span) => (s.right - s.left) * (s.bottom - s.top);

/**
 * The parts of a planned region (in its own pixels, 0..plan.width x 0..plan.height) that can show
 * ink from the bands: each band mapped through the plan's resize, widened by the kernel's reach.
 */
export function inkCuts(plan: RegionPlan, bands: readonly Span[]): Span[] {
  const kx = plan.resize.width / plan.extract.width;
  const ky = plan.resize.height / plan.extract.height;
  const cuts: Span[] = [];
  for (const b of bands) {
    const left = Math.max(0, Math.floor((b.left - plan.extract.left) * kx - plan.cut.left) - MARGIN);
    const right = Math.min(plan.width, Math.ceil((b.right - plan.extract.left) * kx - plan.cut.left) + MARGIN);
    const top = Math.max(0, Math.floor((b.top - plan.extract.top) * ky - plan.cut.top) - MARGIN);
    const bottom = Math.min(plan.height, Math.ceil((b.bottom - plan.extract.top) * ky - plan.cut.top) + MARGIN);
    if (right > left && bottom > top) cuts.push({ left, top, right, bottom });
  }
  return cuts;
}

/**
 * The inked parts of a planned region of an RGBA source, each placed in the region's own pixels:
 * cut from the one resize the whole region would be drawn with, so they hold exactly its pixels.
 */
export function drawInk(src: PictureSource, plan: RegionPlan, bands: readonly Span[]): Promise<PlanePart[]> {
  return Promise.all(
    inkCuts(plan, bands).map(async (c) => {
      const width = c.right - c.left;
      const height = c.bottom - c.top;
      const data = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 4 }, limitInputPixels: false })
        .extract(plan.extract)
        .resize(plan.resize.width, plan.resize.height, { fit: 'fill' })
        .extract({ left: plan.cut.left + c.left, top: plan.cut.top + c.top, width, height })
        .raw()
        .toBuffer();
      return { data, width, height, left: c.left, top: c.top };
    }),
  );
}

/** Lays a part over RGB frame pixels, in place, skipping its transparent pixels. */
export function over(frame: Buffer, frameWidth: number, part: PlanePart): void {
  const src = part.data;
  for (let y = 0; y < part.height; y++) {
    let s = y * part.width * 4;
    let d = ((part.top + y) * frameWidth + part.left) * 3;
    for (let x = 0; x < part.width; x++, s += 4, d += 3) {
      const a = src[s + 3];
      if (a === 0) continue;
      if (a === 255) {
        frame[d] = src[s];
        frame[d + 1] = src[s + 1];
        frame[d + 2] = src[s + 2];
        continue;
      }
      const b = 255 - a;
      frame[d] = (src[s] * a + frame[d] * b + 127) / 255;
      frame[d + 1] = (src[s + 1] * a + frame[d + 1] * b + 127) / 255;
      frame[d + 2] = (src[s + 2] * a + frame[d + 2] * b + 127) / 255;
    }
  }
}
