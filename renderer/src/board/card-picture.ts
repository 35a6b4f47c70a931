import type { Panel } from '../../../shared/domain/board';
import { framedPicture, FULL_FRAME, stillFraming, type Box } from '../../../shared/domain/animatic-frame';
import type { Rect } from './layout';

/**
 * Where a card draws its picture: the panel's still framing (a crop, e.g. the centre after a change of
 * aspect ratio) filling the frame, or the whole picture letterboxed in it, as the animatic shows it.
 * `source` is in the image's pixels; null when the framing shows none of the image.
 */
export function cardPicture(panel: Pick<Panel, 'framing'>, frame: Rect, imageWidth: number, imageHeight: number): { source: Box; dest: Rect } | null {
  if (!imageWidth || !imageHeight) return null;
  const box = { x: frame.x, y: frame.y, w: frame.width, h: frame.height };
  const framed = framedPicture(stillFraming(panel.framing) ?? FULL_FRAME, imageWidth, imageHeight, box);
  if (!framed) return null;
  const { dest } = framed;
  return { source: framed.source, dest: { x: dest.x, y: dest.y, width: dest.w, height: dest.h } };
}
