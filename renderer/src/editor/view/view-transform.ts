/**
 * The panel editor's view transform: how the frame (laid out at its Fit size, centred in the stage)
 * is zoomed, panned, rotated and mirrored on screen. Pure math, no DOM.
 *
 * A frame point l (CSS pixels from the frame's centre, before any transform) is on screen at
 *   centre + pan + R(rotation) · F · zoom · l
 * where F mirrors x when the view is flipped and R turns clockwise on screen (y points down).
 * This is exactly the CSS `translate(pan) rotate(rotation) scale(±zoom, zoom)` about the frame's
 * centre, so `cssTransform` and `frameToScreen` always agree.
 */
export interface ViewTransform {
  /** 1 = the Fit size. */
  zoom: number;
  /** Screen pixels the frame's centre is moved from the stage's centre. */
  panX: number;
  panY: number;
  /** Degrees clockwise on screen, in (-180, 180]. */
  rotation: number;
  /** Mirrored left to right (the view only, not the drawing). */
  flipped: boolean;
}

/** The frame on screen before the view transform: its centre (page pixels) and its Fit size. */
export interface FrameBox {
  cx: number;
  cy: number;
  width: number;
  height: number;
}

export const FIT_VIEW: ViewTransform = { zoom: 1, panX: 0, panY: 0, rotation: 0, flipped: false };
export const MIN_VIEW_ZOOM = 0.1;
export const MAX_VIEW_ZOOM = 16;
/** Rotation snaps to a quarter turn within this many degrees of it. */
export const ROTATION_SNAP = 5;

const RAD = Math.PI / 180;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_VIEW_ZOOM, Math.max(MIN_VIEW_ZOOM, zoom));
}

/** An angle in degrees brought into (-180, 180]. */
export function normaliseAngle(deg: number): number {
  let a = deg % 360;
  if (a <= -180) a += 360;
  if (a > 180) a -= 360;
  return a === 0 ? 0 : a; // no -0
}

/** Snaps to 0, 90, 180 or -90 when within `within` degrees of it; otherwise the angle, normalised. */
export function snapRotation(deg: number, within = ROTATION_SNAP): number {
  const a = normaliseAngle(deg);
  const quarter = Math.round(a / 90) * 90;
  return Math.abs(a - quarter) <= within ? normaliseAngle(quarter) : a;
}

/** Turns a vector by `deg` clockwise on screen. */
function turn(x: number, y: number, deg: number): [number, number] {
  const c = Math.cos(deg * RAD);
  const s = Math.sin(deg * RAD);
  return [x * c - y * s, x * s + y * c];
}

/** Normalised frame point (0..1 across and down) to page pixels. */
export function frameToScreen(view: ViewTransform, box: FrameBox, u: number, v: number): { x: number; y: number } {
  const lx = (u - 0.5) * box.width * view.zoom * (view.flipped ? -1 : 1);
  const ly = (v - 0.5) * box.height * view.zoom;
  const [rx, ry] = turn(lx, ly, view.rotation);
  return { x: box.cx + view.panX + rx, y: box.cy + view.panY + ry };
}

/** Page pixels to the normalised frame point under them (outside 0..1 when off the frame). */
export function screenToFrame(view: ViewTransform, box: FrameBox, x: number, y: number): { u: number; v: number } {
  const [rx, ry] = turn(x - box.cx - view.panX, y - box.cy - view.panY, -view.rotation);
  const lx = (rx / view.zoom) * (view.flipped ? -1 : 1);
  const ly = ry / view.zoom;
  return { u: lx / box.width + 0.5, v: ly / box.height + 0.5 };
}

/** The CSS transform of the frame element (transform-origin at its centre). */
export function cssTransform(view: ViewTransform): string {
  const sx = view.zoom * (view.flipped ? -1 : 1);
  return `translate(${view.panX}px, ${view.panY}px) rotate(${view.rotation}deg) scale(${sx}, ${view.zoom})`;
}

/**
 * Zooms by `factor` keeping the frame point under (dx, dy) still; (dx, dy) is relative to the
 * stage's centre (the frame's centre before panning).
 */
export function zoomAround(view: ViewTransform, dx: number, dy: number, factor: number): ViewTransform {
  const zoom = clampZoom(view.zoom * factor);
  const k = zoom / view.zoom;
  return { ...view, zoom, panX: dx - k * (dx - view.panX), panY: dy - k * (dy - view.panY) };
}

/** Zooms to an exact level about the stage's centre. */
export function zoomTo(view: ViewTransform, zoom: number): ViewTransform {
  return zoomAround(view, 0, 0, clampZoom(zoom) / view.zoom);
}

/** Moves the view by screen pixels. */
export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, panX: view.panX + dx, panY: view.panY + dy };
}

/** Sets the rotation (degrees), turning the picture about the stage's centre. */
export function rotateTo(view: ViewTransform, deg: number): ViewTransform {
  const rotation = normaliseAngle(deg);
  const [panX, panY] = turn(view.panX, view.panY, rotation - view.rotation);
  return { ...view, rotation, panX, panY };
}

/**
 * Mirrors what is on screen left to right about the stage's centre, whatever the rotation: the
 * frame's own mirror flag toggles, the rotation and the horizontal pan change sign.
 */
export function flipView(view: ViewTransform): ViewTransform {
  return { ...view, flipped: !view.flipped, rotation: normaliseAngle(-view.rotation), panX: -view.panX };
}

/** The angle (degrees, clockwise on screen) of a point about the stage's centre. */
export function angleOf(dx: number, dy: number): number {
  return Math.atan2(dy, dx) / RAD;
}

/**
 * A rotate drag: the rotation when the drag began plus how far the pointer has turned about the
 * stage's centre since, snapped to a quarter turn when close.
 */
export function rotateDrag(start: ViewTransform, from: { dx: number; dy: number }, to: { dx: number; dy: number }): ViewTransform {
  const turned = angleOf(to.dx, to.dy) - angleOf(from.dx, from.dy);
  return rotateTo(start, snapRotation(start.rotation + turned));
}

/** The wheel's zoom factor: a notch of a mouse wheel is 1.25x-ish; a pinch (ctrl+wheel) is finer-grained and faster per pixel. */
export function wheelFactor(deltaY: number, deltaMode: number, pinch: boolean): number {
  const px = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const perPx = pinch ? 0.01 : 0.0022;
  return Math.exp(-Math.max(-300, Math.min(300, px)) * perPx);
}

/**
 * Backing-store scale for the sketch canvases at a zoom: doubles as the zoom passes each power of
 * two, up to 4x, and never makes a canvas wider than 8192 device pixels.
 */
export function sketchPixelScale(zoom: number, width: number, dpr: number): number {
  const wanted = Math.min(4, 2 ** Math.max(0, Math.ceil(Math.log2(zoom) - 0.01)));
  return Math.max(1, Math.min(wanted, Math.floor(8192 / Math.max(1, width * dpr))));
}
