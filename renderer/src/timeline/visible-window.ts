import type { TimelineSegment } from '../../../shared/domain/animatic';

/** The part of the track strip on screen, in frames, with a margin so a fast scroll shows no gap. */
export interface FrameWindow {
  from: number;
  to: number;
}

/** Frames on screen for a scroll position, padded by one screen either side. */
export function frameWindow(scrollLeft: number, viewWidth: number, pxPerFrame: number): FrameWindow {
  const from = Math.floor((scrollLeft - viewWidth) / pxPerFrame);
  const to = Math.ceil((scrollLeft + 2 * viewWidth) / pxPerFrame);
  return { from: Math.max(0, from), to };
}

/** First index whose segment ends after `frame` (segments are in time order). */
function firstEndingAfter(segs: readonly TimelineSegment[], frame: number, shift: (s: TimelineSegment) => number): number {
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid];
    if (shift(s) + s.frames <= frame) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The segments that overlap the window: only these become DOM, so a feature-length timeline of
 * thousands of clips costs no more than the few dozen on screen. `startOf` gives a segment's start
 * with any retime drag in progress applied (later clips ripple, so order is kept).
 */
export function visibleSegments(
  segs: readonly TimelineSegment[],
  win: FrameWindow,
  startOf: (s: TimelineSegment) => number = (s) => s.startFrame,
  framesOf: (s: TimelineSegment) => number = (s) => s.frames,
): TimelineSegment[] {
  const out: TimelineSegment[] = [];
  // A dragged clip can be longer than its stored length, so start one segment early.
  for (let i = Math.max(0, firstEndingAfter(segs, win.from, startOf) - 1); i < segs.length; i++) {
    const s = segs[i];
    const start = startOf(s);
    if (start > win.to) break;
    if (start + framesOf(s) >= win.from) out.push(s);
  }
  return out;
}
