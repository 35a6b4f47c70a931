/**
 * What a pen tablet adds to a pointer: pressure, tilt, and palm rejection. A hand resting on a touch
 * screen while the pen is near must not draw, so a touch is ignored for a moment after the pen was
 * last seen (a pen in range reports hover moves many times a second).
 */

/** A touch this soon after the pen was last seen (hovering or drawing) is a palm, not a finger. */
export const PALM_WINDOW_MS = 1000;

let lastPenAt = -Infinity;

function watchPen(e: PointerEvent): void {
  if (e.pointerType === 'pen') lastPenAt = e.timeStamp;
}

let watching = false;
/** Starts following the pen across the page (once). */
export function watchPenPresence(): void {
  if (watching) return;
  watching = true;
  for (const type of ['pointerover', 'pointermove', 'pointerdown', 'pointerup']) {
    window.addEventListener(type, watchPen as EventListener, { capture: true, passive: true });
  }
}

/** True when this pointer is a touch that should be ignored because the pen is near. */
export function isPalm(e: PointerEvent): boolean {
  return e.pointerType === 'touch' && e.timeStamp - lastPenAt < PALM_WINDOW_MS;
}

/**
 * The pressure a point is stored with, 0..1: a mouse (or a device that reports none) draws at 0.5.
 * A tilted pencil or brush lays a broader mark, as the side of a lead does: tilt adds up to half
 * again to the pressure (the stored pressure sets the width the core and the editor draw).
 */
export function pressureOf(e: PointerEvent, tool: string): number {
  if (e.pointerType === 'mouse' || !(e.pressure > 0)) return 0.5;
  const p = Math.min(1, e.pressure);
  if (e.pointerType !== 'pen' || (tool !== 'pencil' && tool !== 'brush')) return p;
  const tilt = Math.min(1, Math.hypot(e.tiltX || 0, e.tiltY || 0) / 60);
  return Math.min(1, p * (1 + 0.5 * tilt));
}
