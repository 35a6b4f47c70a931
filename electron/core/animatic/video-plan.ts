import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import { composeFrame, hasMove, isStillFrame, type FrameLayer } from '../../../shared/domain/animatic-frame';
import { segmentAt } from '../../../shared/domain/animatic';

/**
 * The pictures sent to ffmpeg, in order. A still (a cut-only stretch of a panel without a camera
 * move) is sent once and shown for `frames` frames; every other frame (moves, dissolves, fades) is
 * sent on its own, except a clip frame shown again as it was (a hold, or a clip slower than the
 * timeline), which is one picture repeated like a still. ffmpeg places each picture at its first
 * frame (setpts) and repeats it (fps filter).
 */
export interface PictureUnit {
  firstFrame: number;
  frames: number;
  layers: FrameLayer[];
  /** The panel at the cut, whose burn-ins show. */
  current: TimelineSegment;
}

export function planPictures(t: Timeline): PictureUnit[] {
  const units: PictureUnit[] = [];
  for (let f = 0; f < t.totalFrames; f++) {
    const layers = composeFrame(t, f);
    const current = segmentAt(t, f)!;
    const last = units[units.length - 1];
    const repeats = last && last.firstFrame + last.frames === f && last.current === current && samePicture(last.layers, layers);
    if (repeats) {
      last.frames++;
    } else {
      units.push({ firstFrame: f, frames: 1, layers, current });
    }
  }
  return units;
}

/** Two frames that draw the same picture: one still, or the same clip frame alone, whole, unmoved. */
function samePicture(a: readonly FrameLayer[], b: readonly FrameLayer[]): boolean {
  if (a.length !== 1 || b.length !== 1 || a[0].segment !== b[0].segment) return false;
  if (isStillFrame(a) && isStillFrame(b)) return true;
  const clipFrame = (l: FrameLayer) => (l.opacity === 1 && !hasMove(l.segment.framing) ? l.clipFrame : null);
  return clipFrame(a[0]) !== null && clipFrame(a[0]) === clipFrame(b[0]);
}

/**
 * setpts expression giving picture N its first frame: N plus the extra frames of the stills before
 * it. Frame-exact at any rate because the input time base is one frame.
 */
export function ptsExpression(units: readonly PictureUnit[]): string {
  const terms = units.flatMap((u, k) => (u.frames > 1 ? [`${u.frames - 1}*gte(N,${k + 1})`] : []));
  return terms.length ? `N+${terms.join('+')}` : 'N';
}
