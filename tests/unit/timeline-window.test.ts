import { describe, expect, it } from 'vitest';
import { buildTimeline, type TimelineSegment } from '../../shared/domain/animatic';
import { frameWindow, visibleSegments } from '../../renderer/src/timeline/visible-window';

/** 2,000 panels of uneven length, as a feature-length animatic has. */
const timeline = buildTimeline({
  fps: 24,
  aspectRatio: '2.39',
  audio: [],
  panels: Array.from({ length: 2000 }, (_, i) => ({
    id: `p${i}`, shotNumber: String(i + 1), durationMs: 500 + ((i * 7919) % 4000), transition: 'cut', transitionMs: null,
    framing: null, imageSha256: null, imageWidth: 0, imageHeight: 0, dialogue: '', sound: '',
  })),
});
const segs = timeline.segments;

const overlapping = (from: number, to: number, startOf = (s: TimelineSegment) => s.startFrame, framesOf = (s: TimelineSegment) => s.frames) =>
  segs.filter((s) => startOf(s) <= to && startOf(s) + framesOf(s) >= from);

describe('the timeline renders only the clips near the visible part of the strip', () => {
  it('a window covers one screen either side of the view', () => {
    expect(frameWindow(4800, 1200, 2)).toEqual({ from: 1800, to: 3600 });
    expect(frameWindow(0, 1200, 2).from).toBe(0);
  });

  it('finds exactly the overlapping clips, anywhere along 2,000 clips', () => {
    for (const from of [0, 1, 500, 12_345, 70_000, timeline.totalFrames - 10]) {
      const win = { from, to: from + 900 };
      const shown = visibleSegments(segs, win);
      expect(shown.map((s) => s.panelId)).toEqual(overlapping(win.from, win.to).map((s) => s.panelId));
      expect(shown.length).toBeLessThan(60);
    }
  });

  it('with a clip being stretched, the clips after it ripple and still show where they now are', () => {
    const dragged = segs[100];
    const delta = 400;
    const startOf = (s: TimelineSegment) => s.startFrame + (s.index > dragged.index ? delta : 0);
    const framesOf = (s: TimelineSegment) => (s.index === dragged.index ? s.frames + delta : s.frames);
    const win = { from: dragged.startFrame + dragged.frames + 10, to: dragged.startFrame + dragged.frames + 300 };
    const shown = visibleSegments(segs, win, startOf, framesOf);
    expect(shown.map((s) => s.panelId)).toEqual(overlapping(win.from, win.to, startOf, framesOf).map((s) => s.panelId));
    expect(shown[0].panelId).toBe(dragged.panelId);
  });
});
