import { describe, expect, it } from 'vitest';
import type { AudioClipInput, TimelinePanelInput } from '../../shared/domain/animatic';
import { buildTimeline, frameRateOf, frameToMs, msToFrame, segmentAt, timecode } from '../../shared/domain/animatic';
import { composeFrame, cropInImage, framingAt, outputGeometry } from '../../shared/domain/animatic-frame';

function panel(i: number, durationMs: number, extra: Partial<TimelinePanelInput> = {}): TimelinePanelInput {
  return {
    id: `p${i}`, shotNumber: `1${String.fromCharCode(65 + i)}`, durationMs, transition: null, transitionMs: null, framing: null,
    imageSha256: null, imageWidth: 0, imageHeight: 0, dialogue: '', sound: '', ...extra,
  };
}

const build = (fps: number, panels: TimelinePanelInput[], audio: AudioClipInput[] = []) => buildTimeline({ fps, aspectRatio: '16:9', panels, audio });

describe('the timeline model', () => {
  it('23.976 is exactly 24000/1001 and the others are whole rates', () => {
    expect(frameRateOf(23.976)).toEqual({ num: 24000, den: 1001 });
    expect(frameRateOf(29.97)).toEqual({ num: 30000, den: 1001 });
    expect(frameRateOf(24)).toEqual({ num: 24, den: 1 });
    expect(frameRateOf(25)).toEqual({ num: 25, den: 1 });
    expect(msToFrame(1001, frameRateOf(23.976))).toBe(24);
    expect(frameToMs(24, frameRateOf(23.976))).toBeCloseTo(1001, 9);
  });

  it('rounds cumulative times, so the total is the sum of the durations within one frame at every rate', () => {
    // Durations that never land on a frame: per-panel rounding would drift by up to half a frame each.
    const durations = Array.from({ length: 200 }, (_, i) => 1000 + ((i * 137) % 900) + 17);
    const sum = durations.reduce((a, b) => a + b, 0);
    for (const fps of [23.976, 24, 25, 30]) {
      const t = build(fps, durations.map((d, i) => panel(i, d)));
      const frameMs = 1000 / t.fps;
      expect(Math.abs(t.durationMs - sum)).toBeLessThanOrEqual(frameMs / 2 + 1e-6);
      expect(t.segments.reduce((n, s) => n + s.frames, 0)).toBe(t.totalFrames);
      // Every cut is on the frame nearest its nominal time.
      let at = 0;
      for (const s of t.segments) {
        expect(Math.abs(s.startMs - at)).toBeLessThanOrEqual(frameMs / 2 + 1e-6);
        at += s.nominalMs;
      }
    }
  });

  it('a dissolve is centred on the cut and keeps the total; fades keep it too', () => {
    const cuts = build(24, [panel(0, 2000), panel(1, 2000), panel(2, 2000)]);
    const mixed = build(24, [
      panel(0, 2000, { transition: 'fade in', transitionMs: 500 }),
      panel(1, 2000, { transition: 'dissolve', transitionMs: 1000 }),
      panel(2, 2000, { transition: 'fade out', transitionMs: 250 }),
    ]);
    expect(mixed.totalFrames).toBe(cuts.totalFrames);
    expect(mixed.segments.map((s) => s.startFrame)).toEqual([0, 48, 96]);
    const d = mixed.segments[1];
    expect(d).toMatchObject({ transitionIn: 'dissolve', inBefore: 12, inAfter: 12 });
    // 12 frames before the cut at 48 and 12 after: both panels are drawn, the incoming one rising.
    expect(composeFrame(mixed, 35).map((l) => l.segment.index)).toEqual([0]);
    const first = composeFrame(mixed, 36);
    const last = composeFrame(mixed, 59);
    expect(first.map((l) => l.segment.index)).toEqual([0, 1]);
    expect(last.map((l) => l.segment.index)).toEqual([0, 1]);
    expect(first[1].opacity).toBeCloseTo(1 / 25);
    expect(last[1].opacity).toBeCloseTo(24 / 25);
    expect(composeFrame(mixed, 60).map((l) => [l.segment.index, l.opacity])).toEqual([[1, 1]]);
    // Fade in from black over 12 frames: the first frame is black; fade out over 6: the last is black.
    expect(composeFrame(mixed, 0)[0].opacity).toBe(0);
    expect(composeFrame(mixed, 6)[0].opacity).toBeCloseTo(0.5);
    expect(composeFrame(mixed, 12)[0].opacity).toBe(1);
    expect(composeFrame(mixed, 143)[0].opacity).toBe(0);
    expect(composeFrame(mixed, 138)[0].opacity).toBeCloseTo(5 / 6);
    expect(composeFrame(mixed, 144)).toEqual([]);
  });

  it('a dissolve longer than its panels is shortened to fit; a dissolve on the first panel fades in', () => {
    const t = build(24, [panel(0, 250, { transition: 'dissolve' }), panel(1, 500, { transition: 'dissolve', transitionMs: 4000 })]);
    expect(t.segments[0]).toMatchObject({ transitionIn: 'fade in', inAfter: 6 });
    // Panel 0 has 6 frames, all used by its own fade in: nothing left before the cut.
    expect(t.segments[1]).toMatchObject({ inBefore: 0, inAfter: 12 });
    expect(t.totalFrames).toBe(18);
  });

  it('a camera move interpolates from the first frame to the last, and holds outside the panel', () => {
    const framing = { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 } };
    const t = build(25, [panel(0, 1000), panel(1, 1000, { framing })]);
    const seg = t.segments[1];
    expect(framingAt(seg, 25)).toEqual(framing.start);
    expect(framingAt(seg, 49)).toEqual(framing.end);
    expect(framingAt(seg, 37).x).toBeCloseTo(0.25);
    expect(framingAt(seg, 10)).toEqual(framing.start);
  });

  it('the crop keeps the picture aspect: a whole 4:3 image is letterboxed in 16:9', () => {
    const crop = cropInImage({ x: 0, y: 0, w: 1, h: 1 }, 400, 300, 16 / 9);
    expect(crop.h).toBe(300);
    expect(crop.w).toBeCloseTo(533.33, 1);
    expect(crop.x).toBeCloseTo(-66.67, 1);
  });

  it('places soundtrack clips at their time and panel audio at its panel, honouring mute and solo', () => {
    const clip = (id: string, extra: Partial<AudioClipInput>): AudioClipInput => ({
      id, kind: 'track', track: 'music', panelId: null, sha256: 'a'.repeat(64), startMs: 0, offsetMs: 0, durationMs: null,
      fileDurationMs: 10_000, volume: 1, muted: false, solo: false, sourceName: null, ...extra,
    });
    const panels = [panel(0, 1000), panel(1, 1000), panel(2, 1000)];
    const t = build(23.976, panels, [
      clip('music', { startMs: 500 }),
      clip('line', { kind: 'panel', panelId: 'p2', track: 'dialogue', startMs: 100 }),
      clip('gone', { kind: 'panel', panelId: 'nope' }),
    ]);
    expect(t.audio.map((a) => a.id)).toEqual(['music', 'line']);
    expect(t.audio[0]).toMatchObject({ atMs: 500, audible: true });
    expect(t.audio[0].playMs).toBeCloseTo(t.durationMs - 500);
    expect(t.audio[1].atMs).toBeCloseTo(t.segments[2].startMs + 100);
    const soloed = build(24, panels, [clip('a', { solo: true }), clip('b', {}), clip('c', { muted: true, solo: true })]);
    expect(soloed.audio.map((a) => a.audible)).toEqual([true, false, false]);
  });

  it('finds segments, formats timecode and sizes the output frame', () => {
    const t = build(24, [panel(0, 1000), panel(1, 5), panel(2, 1000)]);
    expect(segmentAt(t, 0)!.index).toBe(0);
    expect(segmentAt(t, 24)!.index).toBe(2); // panel 1 is shorter than half a frame: it has no frames
    expect(timecode(24 * 3661 + 5, frameRateOf(24))).toBe('01:01:01:05');
    expect(timecode(24, frameRateOf(23.976))).toBe('00:00:01:00');
    expect(outputGeometry(2.39, 1080, 'letterbox')).toEqual({ width: 1920, height: 1080, picture: { x: 0, y: 138, width: 1920, height: 804 } });
    expect(outputGeometry(2.39, 1080, 'native')).toEqual({ width: 1920, height: 804, picture: { x: 0, y: 0, width: 1920, height: 804 } });
    expect(outputGeometry(9 / 16, 720, 'letterbox').picture).toEqual({ x: 437, y: 0, width: 406, height: 720 });
    expect(outputGeometry(16 / 9, 2160, 'letterbox').width).toBe(3840);
  });
});
