/** Which clip frames skip Node: runs of plain clip frames go straight from ffmpeg to the encoder; the picture plan keeps its frame arithmetic. */
import { describe, expect, it } from 'vitest';
import { buildTimeline, type TimelinePanelInput } from '../../shared/domain/animatic';
import { outputGeometry } from '../../shared/domain/animatic-frame';
import type { PanelClip } from '../../shared/domain/clip';
import { directPts, splitDirect } from '../../electron/core/animatic/clip-direct';
import { planPictures } from '../../electron/core/animatic/video-plan';

const clip = (sha256: string): PanelClip => ({ sha256, width: 160, height: 90, fpsNum: 24, fpsDen: 1, frames: 48, durationMs: 2000, posterSha256: 'poster', inMs: 0, after: 'hold' });
const panel = (id: string, durationMs: number, c: PanelClip | null, transition: string | null = null): TimelinePanelInput => ({
  id, shotNumber: id, durationMs, transition, transitionMs: 250, framing: null, imageSha256: 'poster', imageWidth: 160, imageHeight: 90, dialogue: '', sound: '', clip: c,
});
const geo = outputGeometry(16 / 9, 720, 'letterbox');

describe('direct clip runs', () => {
  it('the first frame and runs under 8 frames stay pictures; a picture lasts over the run after it; the runs land on their frames', () => {
    const t = buildTimeline({
      fps: 24, aspectRatio: '16:9', audio: [],
      panels: [panel('a', 1000, clip('a')), panel('b', 500, null), panel('c', 250, clip('c')), panel('d', 1000, clip('d'), 'fade in')],
    });
    const { units, direct } = splitDirect(planPictures(t), geo, 'yuv420p', (sha) => `/tmp/${sha}`);
    // a: frame 0 a picture, 1-23 direct; b: one still; c: 6 frames, too short; d: 6 faded frames composed, then 18 direct.
    expect(direct!.runs.map((r) => [r.firstFrame, r.frames, r.fromClipFrame])).toEqual([[1, 23, 1], [48, 18, 6]]);
    expect(units.map((u) => [u.firstFrame, u.frames])).toEqual([
      [0, 24], [24, 12], [36, 1], [37, 1], [38, 1], [39, 1], [40, 1], [41, 1], [42, 1], [43, 1], [44, 1], [45, 1], [46, 1], [47, 19],
    ]);
    expect(units.reduce((n, u) => n + u.frames, 0)).toBe(t.totalFrames);
    // Direct frame N: 0-22 at frames 1-23, 23-40 at frames 48-65.
    expect(directPts(direct!.runs)).toBe('N+1*gte(N,0)+24*gte(N,23)');
  });

  it('a film with no plain clip frames has nothing direct', () => {
    const t = buildTimeline({ fps: 24, aspectRatio: '16:9', audio: [], panels: [panel('a', 500, null), panel('b', 500, clip('b'), 'fade in')] });
    t.segments[1].fadeOut = t.segments[1].frames; // fading all along: every frame composed
    const planned = planPictures(t);
    expect(splitDirect(planned, geo, 'rgb24', (sha) => sha)).toEqual({ units: planned, direct: null });
  });
});
