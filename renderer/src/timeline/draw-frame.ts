import type { Timeline } from '../../../shared/domain/animatic';
import { segmentAt, timecode } from '../../../shared/domain/animatic';
import { BLANK_PANEL, BURN_IN_LAYOUT as L, captionChars, composeFrame, framedPicture, wrapCaption, type Box } from '../../../shared/domain/animatic-frame';
import { aspectValue } from '../../../shared/domain/project';

/** Full-size panel pictures for the player, loaded once each. */
const images = new Map<string, HTMLImageElement>();

export function pictureFor(sha256: string, onLoad: () => void): HTMLImageElement {
  let img = images.get(sha256);
  if (!img) {
    img = new Image();
    img.decoding = 'async';
    img.src = `/media/full/${sha256}`;
    images.set(sha256, img);
  }
  if (!img.complete) img.addEventListener('load', onLoad, { once: true });
  return img;
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
 * crop at its opacity, then the burn-ins. `onImage` is called when a picture that was missing arrives.
 */
export function drawFrame(ctx: CanvasRenderingContext2D, t: Timeline, frame: number, width: number, height: number, burnIns: boolean, onImage: () => void): void {
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
    const img = pictureFor(seg.imageSha256, onImage);
    if (!img.complete || img.naturalWidth === 0) {
      blackAround(ctx, pic, null);
      continue;
    }
    // Parts of the crop outside the image are black: clip the source, and the destination in proportion.
    const framed = framedPicture(layer.rect, img.naturalWidth, img.naturalHeight, pic);
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
  if (burnIns) drawBurnIns(ctx, t, frame, pic);
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

function box(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, alpha: number): void {
  ctx.fillStyle = `rgba(0,0,0,${alpha})`;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.max(2, h * 0.12));
  ctx.fill();
}

function drawBurnIns(ctx: CanvasRenderingContext2D, t: Timeline, frame: number, pic: Box): void {
  const seg = segmentAt(t, frame);
  if (!seg) return;
  const margin = pic.h * L.margin;
  ctx.textBaseline = 'middle';
  // Shot number, top left.
  let size = Math.max(8, pic.h * L.shotFont);
  ctx.font = `700 ${size}px ${FONT}`;
  let pad = size * 0.35;
  const shotW = ctx.measureText(seg.shotNumber).width + pad * 2;
  box(ctx, pic.x + margin, pic.y + margin, shotW, size * 1.3 + pad, 0.55);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'left';
  ctx.fillText(seg.shotNumber, pic.x + margin + pad, pic.y + margin + (size * 1.3 + pad) / 2);
  // Timecode, top right.
  size = Math.max(8, pic.h * L.timecodeFont);
  ctx.font = `${size}px ${FONT}`;
  pad = size * 0.3;
  const tc = timecode(frame, t.rate);
  const tcW = ctx.measureText(tc).width;
  box(ctx, pic.x + pic.w - margin - tcW - pad * 2, pic.y + margin, tcW + pad * 2, size + pad * 2, 0.55);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'right';
  ctx.fillText(tc, pic.x + pic.w - margin - pad, pic.y + margin + pad + size / 2);
  // Dialogue caption, bottom centre.
  const lines = wrapCaption(seg.dialogue, captionChars(pic.w, pic.h), L.captionMaxLines);
  if (lines.length === 0) return;
  size = Math.max(8, pic.h * L.captionFont);
  ctx.font = `${size}px ${FONT}`;
  const lineH = size * 1.3;
  pad = size * 0.4;
  const w = Math.min(pic.w - 2 * margin, Math.max(...lines.map((l) => ctx.measureText(l).width)) + pad * 2);
  const h = lines.length * lineH + pad * 2;
  const top = pic.y + pic.h - margin - h;
  box(ctx, pic.x + (pic.w - w) / 2, top, w, h, 0.6);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'center';
  lines.forEach((line, i) => ctx.fillText(line, pic.x + pic.w / 2, top + pad + lineH * (i + 0.5)));
}
