import { framedPicture, FULL_FRAME } from '../../../../../shared/domain/animatic-frame';
import type { Box, DrawOp } from '../model';

type ImageOp = Extract<DrawOp, { op: 'image' }>;

export interface PicturePlacement {
  /** Where the whole (prepared) image goes on the page. */
  image: Box;
  /** The part of the frame the image is clipped to when its framing crops it, else null. */
  clip: Box | null;
  /** The picture leaves part of the frame bare: fill it with the op's background first. */
  bars: boolean;
}

/**
 * How both renderers place a picture in its frame: letterboxed whole, or through its framing (a crop
 * filling the frame, as on the board and in the animatic). Null when the framing shows none of it.
 */
export function placePicture(op: ImageOp, width: number, height: number): PicturePlacement | null {
  const framed = framedPicture(op.framing ?? FULL_FRAME, width, height, op);
  if (!framed) return null;
  const { source: s, dest: d } = framed;
  const k = d.w / s.w;
  const cropped = s.w < width * 0.999 || s.h < height * 0.999;
  return {
    image: { x: d.x - s.x * k, y: d.y - s.y * k, w: width * k, h: height * k },
    clip: cropped ? d : null,
    bars: d.w < op.w - 0.5 || d.h < op.h - 0.5,
  };
}
