/**
 * One notion of a camera move: an animated framing (the timeline's start and end rectangles) is also
 * a move the inspector, the PDF arrows, the shot list and the CLI name, in the inspector's vocabulary.
 */
import { hasMove, type CameraFraming } from './animatic-frame';
import type { CAMERA_MOVES } from './board-constants';

type CameraMove = (typeof CAMERA_MOVES)[number];

/** How much the framing must change (in size, or in place) to read as a zoom rather than a pan or tilt. */
const SIZE_CHANGE = 0.08;

/** The name of an animated framing's move: a tighter end frame zooms in, a wider one out; else it pans or tilts. */
export function moveOfFraming(framing: CameraFraming | null): CameraMove | null {
  if (!framing || !hasMove(framing)) return null;
  const { start: a, end: b } = framing;
  const growth = Math.sqrt((b.w * b.h) / (a.w * a.h)) - 1;
  if (growth <= -SIZE_CHANGE) return 'zoom in';
  if (growth >= SIZE_CHANGE) return 'zoom out';
  const dx = Math.abs(b.x + b.w / 2 - (a.x + a.w / 2));
  const dy = Math.abs(b.y + b.h / 2 - (a.y + a.h / 2));
  return dx >= dy ? 'pan' : 'tilt';
}
