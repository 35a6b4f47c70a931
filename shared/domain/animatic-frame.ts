/**
 * What one frame of the animatic looks like: which panels are drawn, with which part of their image,
 * at what opacity, and where burn-ins go. Pure geometry shared by the exporter (sharp) and the player
 * (canvas 2D), so both draw the same picture.
 */
import type { Timeline, TimelineSegment } from './animatic';
import { segmentAt } from './animatic';
import { clipFrameAt } from './clip';

import type { CameraFraming, NormRect } from './framing';

export type { CameraFraming, NormRect } from './framing';

export const FULL_FRAME: NormRect = { x: 0, y: 0, w: 1, h: 1 };

/** How a panel without a picture is drawn: a dark frame with its shot number. */
export const BLANK_PANEL = { background: '#26282d', text: '#5d626c' } as const;

/** One panel drawn into the frame, over black, after the layers before it. */
export interface FrameLayer {
  segment: TimelineSegment;
  /** 0..1: alpha over what is already drawn (dissolves) times the fade to or from black. */
  opacity: number;
  /** The framing at this frame. */
  rect: NormRect;
  /** The frame of the segment's clip shown now (see clipFrameAt), or null for its still. */
  clipFrame: number | null;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

export function lerpRect(a: NormRect, b: NormRect, t: number): NormRect {
  return { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t), w: lerp(a.w, b.w, t), h: lerp(a.h, b.h, t) };
}

/** Whether a panel's framing moves (a panel without one, or with start = end, is a still). */
export function hasMove(framing: CameraFraming | null): boolean {
  if (!framing) return false;
  const a = framing.start;
  const b = framing.end;
  return a.x !== b.x || a.y !== b.y || a.w !== b.w || a.h !== b.h;
}

/** The framing of a segment at a frame; outside its own span it holds its first or last framing. */
export function framingAt(seg: TimelineSegment, frame: number): NormRect {
  if (!seg.framing) return FULL_FRAME;
  const t = seg.frames > 1 ? Math.min(1, Math.max(0, (frame - seg.startFrame) / (seg.frames - 1))) : 0;
  return lerpRect(seg.framing.start, seg.framing.end, t);
}

/** Fade to/from black: first fade-in frame is black, last fade-out frame is black. */
function fadeOpacity(seg: TimelineSegment, frame: number): number {
  const i = frame - seg.startFrame;
  let o = 1;
  if (seg.transitionIn === 'fade in' && seg.inAfter > 0 && i < seg.inAfter) o = Math.max(0, i) / seg.inAfter;
  const fromEnd = seg.startFrame + seg.frames - 1 - frame;
  if (seg.fadeOut > 0 && fromEnd < seg.fadeOut) o = Math.min(o, Math.max(0, fromEnd) / seg.fadeOut);
  return o;
}

/** The layers of one frame, bottom first. Empty past the end of the timeline. */
export function composeFrame(t: Timeline, frame: number): FrameLayer[] {
  if (frame < 0 || frame >= t.totalFrames) return [];
  const seg = segmentAt(t, frame);
  if (!seg) return [];
  const layer = (s: TimelineSegment, alpha: number): FrameLayer => ({
    segment: s,
    opacity: alpha * fadeOpacity(s, frame),
    rect: framingAt(s, frame),
    clipFrame: s.clip ? clipFrameAt(s.clip, frame - s.startFrame, t.rate) : null,
  });
  const next = t.segments[seg.index + 1];
  // In the first half of the next panel's dissolve (before its cut)?
  if (next && next.transitionIn === 'dissolve' && frame >= next.startFrame - next.inBefore) {
    return [layer(seg, 1), layer(next, dissolveAlpha(next, frame))];
  }
  const prev = t.segments[seg.index - 1];
  if (prev && seg.transitionIn === 'dissolve' && frame < seg.startFrame + seg.inAfter) {
    return [layer(prev, 1), layer(seg, dissolveAlpha(seg, frame))];
  }
  return [layer(seg, 1)];
}

/** The incoming panel's alpha on dissolve frame i of n: (i+1)/(n+1), symmetric, never 0 or 1. */
function dissolveAlpha(incoming: TimelineSegment, frame: number): number {
  const n = incoming.inBefore + incoming.inAfter;
  const i = frame - (incoming.startFrame - incoming.inBefore);
  return (i + 1) / (n + 1);
}

/** True when the frame is one still picture at full opacity, the same as its neighbours inside the panel. */
export function isStillFrame(layers: readonly FrameLayer[]): boolean {
  return layers.length === 1 && layers[0].opacity === 1 && !hasMove(layers[0].segment.framing) && !layers[0].segment.clip;
}

/**
 * The part of the image a framing shows, in image pixels: the smallest rectangle of the picture's
 * aspect ratio, centred on the framing, that contains it (so a whole image is letterboxed, as on the
 * board). Parts outside the image are black.
 */
export function cropInImage(rect: NormRect, imageWidth: number, imageHeight: number, pictureAspect: number): NormRect {
  let w = rect.w * imageWidth;
  let h = rect.h * imageHeight;
  const cx = (rect.x + rect.w / 2) * imageWidth;
  const cy = (rect.y + rect.h / 2) * imageHeight;
  if (w / h > pictureAspect) h = w / pictureAspect;
  else w = h * pictureAspect;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** The centre of a picture that fills a frame of another aspect ratio, in fractions of the picture. */
export function centreCrop(pictureAspect: number, frameAspect: number): NormRect {
  if (pictureAspect > frameAspect) {
    const w = frameAspect / pictureAspect;
    return { x: (1 - w) / 2, y: 0, w, h: 1 };
  }
  const h = pictureAspect / frameAspect;
  return { x: 0, y: (1 - h) / 2, w: 1, h };
}

/** A box on a canvas or page: where a picture is drawn. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * What drawing a framing of an image into a box of the frame's aspect takes: the part of the image
 * (source pixels, clipped to the image) and where it lands in the box; the rest of the box is bars.
 * Null when the framing shows none of the image.
 */
export function framedPicture(rect: NormRect, imageWidth: number, imageHeight: number, box: Box): { source: Box; dest: Box } | null {
  const c = cropInImage(rect, imageWidth, imageHeight, box.w / box.h);
  const sx0 = Math.max(0, c.x);
  const sy0 = Math.max(0, c.y);
  const sx1 = Math.min(imageWidth, c.x + c.w);
  const sy1 = Math.min(imageHeight, c.y + c.h);
  if (sx1 <= sx0 || sy1 <= sy0) return null;
  const k = box.w / c.w;
  return {
    source: { x: sx0, y: sy0, w: sx1 - sx0, h: sy1 - sy0 },
    dest: { x: box.x + (sx0 - c.x) * k, y: box.y + (sy0 - c.y) * k, w: (sx1 - sx0) * k, h: (sy1 - sy0) * k },
  };
}

/** The framing a still picture is shown through (board, PDF): a framing that does not move; null for none or a move. */
export function stillFraming(framing: CameraFraming | null): NormRect | null {
  return framing && !hasMove(framing) ? framing.start : null;
}

/** A framing rectangle of the picture's aspect ratio, as fractions of the image (what the editor draws). */
export function framingRectForAspect(cx: number, cy: number, heightFraction: number, imageWidth: number, imageHeight: number, pictureAspect: number): NormRect {
  const h = heightFraction;
  const w = (h * imageHeight * pictureAspect) / imageWidth;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** The output frame and where the picture sits in it. Sizes are even, as H.264 4:2:0 needs. */
export interface OutputGeometry {
  width: number;
  height: number;
  picture: { x: number; y: number; width: number; height: number };
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

export function outputGeometry(pictureAspect: number, height: number, mode: 'letterbox' | 'native'): OutputGeometry {
  const frameW = even((height * 16) / 9);
  const fitsWidth = pictureAspect >= 16 / 9;
  const pw = fitsWidth ? frameW : even(height * pictureAspect);
  const ph = fitsWidth ? even(frameW / pictureAspect) : height;
  if (mode === 'native') return { width: pw, height: ph, picture: { x: 0, y: 0, width: pw, height: ph } };
  return { width: frameW, height, picture: { x: Math.round((frameW - pw) / 2), y: Math.round((height - ph) / 2), width: pw, height: ph } };
}
