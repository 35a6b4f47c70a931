import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import { BLANK_PANEL, composeFrame, cropInImage, framedPicture, type Box } from '../../../shared/domain/animatic-frame';
import { PREVIEW_WIDTHS } from '../../../shared/domain/preview';
import { aspectValue } from '../../../shared/domain/project';
import { beginClipDraw, clipFrameSource, endClipDraw } from './clip-decks';
import { drawBurnIns } from './draw-burn-ins';

/** Panel pictures for the player, loaded once each per size. */
const images = new Map<string, HTMLImageElement>();

/** A panel's picture at `url` (its original unless told otherwise), loaded once. */
export function pictureFor(sha256: string, onLoad: () => void, url = `/media/full/${sha256}`): HTMLImageElement {
  let img = images.get(url);
  if (!img) {
    img = new Image();
    img.decoding = 'async';
    img.src = url;
    images.set(url, img);
  }
  if (!img.complete) img.addEventListener('load', onLoad, { once: true });
  return img;
}

/**
 * The picture a segment is drawn from into `pic` (canvas pixels): a display-size preview when it has a
 * pixel for every canvas pixel at the segment's tightest framing, else the original. A 4K picture in a
 * player a few hundred pixels wide was decoded whole and scaled down on every frame.
 */
export function segmentPictureUrl(seg: Pick<TimelineSegment, 'imageSha256' | 'imageWidth' | 'imageHeight' | 'framing'>, pic: Box): string {
  const sha = seg.imageSha256!;
  const { imageWidth: w, imageHeight: h } = seg;
  if (!(w > 0 && h > 0)) return `/media/full/${sha}`;
  const rects = seg.framing ? [seg.framing.start, seg.framing.end] : [{ x: 0, y: 0, w: 1, h: 1 }];
  // Image pixels across the picture box, at the framing that shows the least of the image.
  const wanted = Math.max(...rects.map((r) => (w * pic.w) / cropInImage(r, w, h, pic.w / pic.h).w));
  const previewSide = PREVIEW_WIDTHS[PREVIEW_WIDTHS.length - 1];
  const previewWidth = w * Math.min(1, previewSide / Math.max(w, h));
  return wanted <= previewWidth ? `/media/preview/${previewSide}/${sha}` : `/media/full/${sha}`;
}

export type { Box };

/** The picture area inside a canvas of the given size, letterboxed to the project's aspect. */
export function pictureBox(t: Timeline, width: number, height: number): Box {
  const aspect = aspectValue(t.aspectRatio);
  const w = Math.min(width, height * aspect);
  const h = w / aspect;
  return { x: (width - w) / 2, y: (height - h) / 2, w, h };
}

const FONT = 'Inter, "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif';

/**
 * Draws one frame exactly as the exporter composes it (shared composeFrame): black, each layer's framing
 * crop at its opacity, then the burn-ins. `onImage` is called when a picture (or the burn-ins' fonts) that was missing arrives.
 * With `clips` (the player's speed), clip panels show their clip frames; without, their posters.
 * Returns whether the frame is final (every picture and clip frame drawn as asked).
 */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  t: Timeline,
  frame: number,
  width: number,
  height: number,
  burnIns: boolean,
  onImage: () => void,
  clips: { speed: number } | null = null,
): boolean {
  let settled = true;
  if (clips) beginClipDraw();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  const pic = pictureBox(t, width, height);
  ctx.imageSmoothingQuality = 'high';
  for (const layer of composeFrame(t, frame)) {
    const seg = layer.segment;
    ctx.globalAlpha = layer.opacity;
    if (!seg.imageSha256) {
      ctx.fillStyle = BLANK_PANEL.background;
      ctx.fillRect(pic.x, pic.y, pic.w, pic.h);
      ctx.fillStyle = BLANK_PANEL.text;
      ctx.font = `700 ${Math.round(pic.h * 0.16)}px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(seg.shotNumber, pic.x + pic.w / 2, pic.y + pic.h / 2);
      continue;
    }
    // A clip panel shows its clip frame; until the clip can show it, its poster (the clip's first frame).
    const clip = clips && seg.clip && layer.clipFrame !== null ? clipFrameSource(seg.clip, layer.clipFrame, clips.speed, onImage) : null;
    if (clip && !clip.settled) settled = false;
    const img = clip?.video ?? pictureFor(seg.imageSha256, onImage, segmentPictureUrl(seg, pic));
    const size = pictureSize(img);
    if (!size) {
      settled = false;
      blackAround(ctx, pic, null);
      continue;
    }
    // Parts of the crop outside the image are black: clip the source, and the destination in proportion.
    const framed = framedPicture(layer.rect, size.width, size.height, pic);
    if (!framed) {
      blackAround(ctx, pic, null);
      continue;
    }
    const { source: s, dest } = framed;
    // The layer is one picture (image plus black around it) at its opacity: each pixel is drawn once.
    blackAround(ctx, pic, dest);
    ctx.drawImage(img, s.x, s.y, s.w, s.h, dest.x, dest.y, dest.w, dest.h);
  }
  ctx.globalAlpha = 1;
  if (clips) endClipDraw();
  if (burnIns) drawBurnIns(ctx, t, frame, pic, onImage);
  return settled;
}

/** A loaded picture's or video frame's size; null while there is nothing to draw. */
function pictureSize(source: HTMLImageElement | HTMLVideoElement): { width: number; height: number } | null {
  const [width, height] = source instanceof HTMLVideoElement ? [source.videoWidth, source.videoHeight] : source.complete ? [source.naturalWidth, source.naturalHeight] : [0, 0];
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Fills the picture area outside `hole` with black (at the current alpha). */
function blackAround(ctx: CanvasRenderingContext2D, pic: Box, hole: Box | null): void {
  ctx.fillStyle = '#000';
  if (!hole) return void ctx.fillRect(pic.x, pic.y, pic.w, pic.h);
  const top = Math.max(pic.y, hole.y);
  const bottom = Math.min(pic.y + pic.h, hole.y + hole.h);
  if (top > pic.y) ctx.fillRect(pic.x, pic.y, pic.w, top - pic.y);
  if (bottom < pic.y + pic.h) ctx.fillRect(pic.x, bottom, pic.w, pic.y + pic.h - bottom);
  if (hole.x > pic.x) ctx.fillRect(pic.x, top, hole.x - pic.x, bottom - top);
  if (hole.x + hole.w < pic.x + pic.w) ctx.fillRect(hole.x + hole.w, top, pic.x + pic.w - hole.x - hole.w, bottom - top);
}
