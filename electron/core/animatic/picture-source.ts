import sharp, { type Sharp } from 'sharp';
import type { NormRect, TimelineSegment } from '../../../shared/domain/animatic';
import { BLANK_PANEL, cropInImage, FULL_FRAME, hasMove } from '../../../shared/domain/animatic-frame';

/** A panel picture decoded once to RGB, at `scale` of its (orientation-corrected) size. */
export interface PictureSource {
  data: Buffer;
  width: number;
  height: number;
  /** Size of the full picture the framing fractions refer to, and the decoded scale of it. */
  fullWidth: number;
  fullHeight: number;
  scale: number;
  /** 4 for a picture that keeps its transparency (a sketch layer drawn over others); RGB when absent. */
  channels?: 3 | 4;
}

/** Where a framing puts the image inside the picture area, and which source pixels that takes. */
export interface RegionPlan {
  /** Placement inside the picture area (output pixels). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Source rectangle (whole decoded pixels), its resized size, and the exact cut from that. */
  extract: { left: number; top: number; width: number; height: number };
  resize: { width: number; height: number };
  cut: { left: number; top: number; width: number; height: number };
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Largest decoded source for a camera move, in output pictures' worth of pixels (4 at 1080p: ~25 MB). */
const MAX_MOVE_SOURCE_PICTURES = 4;

/**
 * Decodes a segment's picture, scaled to the most detail its framing ever shows at the output size
 * (a wide shot of an 8K image needs far less than 8K). A still is never scaled up. A camera move's
 * picture is scaled up once, here, to its closest framing (within a memory cap): then each of its
 * frames is a reduction, which libvips does separably and about twice as fast as an enlargement,
 * and looks the same. With `alpha` the picture keeps its transparency (RGBA) instead of going over black.
 */
export async function loadSource(
  seg: TimelineSegment,
  bytes: Buffer | undefined,
  picture: { width: number; height: number },
  alpha = false,
): Promise<PictureSource> {
  if (!bytes) return blankSource(seg, picture);
  const meta = await sharp(bytes).rotate().metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  const fullWidth = (swap ? meta.height : meta.width) ?? 1;
  const fullHeight = (swap ? meta.width : meta.height) ?? 1;
  const aspect = picture.width / picture.height;
  const rects = seg.framing ? [seg.framing.start, seg.framing.end] : [FULL_FRAME];
  const needed = Math.max(...rects.map((r) => picture.width / cropInImage(r, fullWidth, fullHeight, aspect).w));
  const scale = Math.min(hasMove(seg.framing) ? maxMoveScale(fullWidth, fullHeight, picture) : 1, needed * 1.02);
  const width = Math.max(1, Math.round(fullWidth * scale));
  const height = Math.max(1, Math.round(fullHeight * scale));
  const sized = sharp(bytes, { limitInputPixels: false }).rotate().resize(width, height, { fit: 'fill' });
  const pixels = alpha ? sized.ensureAlpha() : sized.flatten({ background: '#000000' }).removeAlpha();
  const { data, info } = await pixels.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, fullWidth, fullHeight, scale: info.width / fullWidth, ...(alpha ? { channels: 4 as const } : {}) };
}

function maxMoveScale(fullWidth: number, fullHeight: number, picture: { width: number; height: number }): number {
  return Math.max(1, Math.sqrt((MAX_MOVE_SOURCE_PICTURES * picture.width * picture.height) / (fullWidth * fullHeight)));
}

/** A panel with no picture: a dark frame with its shot number, as the board shows an empty panel. */
async function blankSource(seg: TimelineSegment, picture: { width: number; height: number }): Promise<PictureSource> {
  const { width, height } = picture;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${BLANK_PANEL.background}"/>
    <text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="Noto Sans, DejaVu Sans, sans-serif" font-weight="700"
      font-size="${Math.round(height * 0.16)}" fill="${BLANK_PANEL.text}">${escapeXml(seg.shotNumber)}</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, fullWidth: info.width, fullHeight: info.height, scale: 1 };
}

/**
 * Plans the part of a source a framing shows, scaled into the picture area. Rounded to whole output
 * pixels only once, at the end (extract wide, resize, cut exact), so a slow pan does not jitter.
 * null when the framing shows none of the image.
 */
export function planRegion(src: PictureSource, rect: NormRect, picture: { width: number; height: number }): RegionPlan | null {
  const crop = cropInImage(rect, src.fullWidth, src.fullHeight, picture.width / picture.height);
  const k = picture.width / crop.w; // output pixels per full-size image pixel
  const ix0 = Math.max(0, crop.x);
  const iy0 = Math.max(0, crop.y);
  const ix1 = Math.min(src.fullWidth, crop.x + crop.w);
  const iy1 = Math.min(src.fullHeight, crop.y + crop.h);
  if (ix1 <= ix0 || iy1 <= iy0) return null;
  const x = Math.round((ix0 - crop.x) * k);
  const y = Math.round((iy0 - crop.y) * k);
  let width = Math.min(picture.width, Math.round((ix1 - crop.x) * k)) - x;
  let height = Math.min(picture.height, Math.round((iy1 - crop.y) * k)) - y;
  if (width <= 0 || height <= 0) return null;
  // The same region in decoded-source pixels, widened to whole pixels.
  const s = src.scale;
  const ex0 = Math.max(0, Math.floor(ix0 * s));
  const ey0 = Math.max(0, Math.floor(iy0 * s));
  const ex1 = Math.min(src.width, Math.max(ex0 + 1, Math.ceil(ix1 * s)));
  const ey1 = Math.min(src.height, Math.max(ey0 + 1, Math.ceil(iy1 * s)));
  const ks = k / s;
  const rw = Math.max(1, Math.round((ex1 - ex0) * ks));
  const rh = Math.max(1, Math.round((ey1 - ey0) * ks));
  const offX = Math.min(rw - 1, Math.max(0, Math.round((ix0 * s - ex0) * ks)));
  const offY = Math.min(rh - 1, Math.max(0, Math.round((iy0 * s - ey0) * ks)));
  width = Math.min(width, rw - offX);
  height = Math.min(height, rh - offY);
  return {
    x, y, width, height,
    extract: { left: ex0, top: ey0, width: ex1 - ex0, height: ey1 - ey0 },
    resize: { width: rw, height: rh },
    cut: { left: offX, top: offY, width, height },
  };
}

/** The sharp pipeline drawing a planned region (RGB, or RGBA for an alpha source; `plan.width` x `plan.height`). */
export function drawRegion(src: PictureSource, plan: RegionPlan): Sharp {
  return sharp(src.data, { raw: { width: src.width, height: src.height, channels: src.channels ?? 3 }, limitInputPixels: false })
    .extract(plan.extract)
    .resize(plan.resize.width, plan.resize.height, { fit: 'fill' })
    .extract(plan.cut);
}
