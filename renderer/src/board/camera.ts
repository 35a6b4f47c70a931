import { MAX_ZOOM, MIN_ZOOM, type Camera } from '../state/view-store';
import type { Point } from './hit-test';

export interface Size {
  width: number;
  height: number;
}

const clampNumber = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Keeps the view on the board: no panning past its edges. A board narrower than the view is centred
 * in it; one shorter than the view sits at its top.
 */
export function clampCamera(cam: Camera, viewport: Size, content: Size): Camera {
  const scale = clampNumber(cam.scale, MIN_ZOOM, MAX_ZOOM);
  const spareX = viewport.width / scale - content.width;
  const maxY = Math.max(0, content.height - viewport.height / scale);
  const x = spareX >= 0 ? -Math.floor(spareX / 2) : clampNumber(cam.x, 0, -spareX);
  return { scale, x, y: clampNumber(cam.y, 0, maxY) };
}

/** Zooms by `factor` keeping the board point under `screen` (viewport pixels) where it is. */
export function zoomAt(cam: Camera, factor: number, screen: Point): Camera {
  const scale = clampNumber(cam.scale * factor, MIN_ZOOM, MAX_ZOOM);
  const wx = cam.x + screen.x / cam.scale;
  const wy = cam.y + screen.y / cam.scale;
  return { scale, x: wx - screen.x / scale, y: wy - screen.y / scale };
}

export function screenToBoard(cam: Camera, screen: Point): Point {
  return { x: cam.x + screen.x / cam.scale, y: cam.y + screen.y / cam.scale };
}

export function boardToScreen(cam: Camera, p: Point): Point {
  return { x: (p.x - cam.x) * cam.scale, y: (p.y - cam.y) * cam.scale };
}

/** Pixels a wheel event scrolls, whatever unit it came in. */
export function wheelPixels(e: WheelEvent, pageHeight: number): { dx: number; dy: number } {
  const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? pageHeight : 1;
  return { dx: e.deltaX * unit, dy: e.deltaY * unit };
}

/** Zoom factor of a ctrl+wheel (or trackpad pinch, which Chromium reports as ctrl+wheel) event. */
export function wheelZoomFactor(dy: number): number {
  return Math.exp(-clampNumber(dy, -100, 100) * 0.0025);
}

/** The camera that brings a board rectangle into view with a margin, moving as little as possible. */
export function revealRect(cam: Camera, viewport: Size, r: { x: number; y: number; width: number; height: number }, margin = 20): Camera {
  const vw = viewport.width / cam.scale;
  const vh = viewport.height / cam.scale;
  let { x, y } = cam;
  if (r.y - margin < y) y = r.y - margin;
  else if (r.y + r.height + margin > y + vh) y = r.y + r.height + margin - vh;
  if (r.x - margin < x) x = r.x - margin;
  else if (r.x + r.width + margin > x + vw) x = r.x + r.width + margin - vw;
  return { ...cam, x, y };
}
