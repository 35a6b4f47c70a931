import { describe, expect, it } from 'vitest';
import { formatInPoint, inPointFrame, parseInPoint } from '../../renderer/src/motion/clip-timing';
import { motionJobProblem, motionJobSummary } from '../../renderer/src/motion/job-words';
import { clipFrameAt } from '../../shared/domain/clip';

const at24 = { fpsNum: 24, fpsDen: 1, durationMs: 2000, frames: 48 };
const ntsc = { fpsNum: 30000, fpsDen: 1001, durationMs: 5005, frames: 150 };

describe('the clip in point as the inspector shows and reads it', () => {
  it('shows seconds or whole frames', () => {
    expect(formatInPoint(1000, at24, 's')).toBe('1');
    expect(formatInPoint(1250, at24, 'frames')).toBe('30');
    expect(formatInPoint(0, ntsc, 'frames')).toBe('0');
  });

  it('reads a frame back as the same frame at any rate, 29.97 included', () => {
    for (const clip of [at24, ntsc]) {
      for (const f of [1, 7, 24, 31, 40]) {
        const inMs = parseInPoint(String(f), clip, 'frames')!;
        expect(inPointFrame(inMs, clip)).toBe(f);
        // The player shows that very frame first.
        expect(clipFrameAt({ ...clip, inMs, after: 'hold' }, 0, { num: 24, den: 1 })).toBe(f);
      }
    }
  });

  it('keeps the in point inside the clip and refuses what is not a number', () => {
    expect(parseInPoint('0.5', at24, 's')).toBe(500);
    expect(parseInPoint('0,25', at24, 's')).toBe(250);
    expect(parseInPoint('9', at24, 's')).toBeLessThan(2000);
    expect(parseInPoint('', at24, 's')).toBeNull();
    expect(parseInPoint('soon', at24, 'frames')).toBeNull();
    expect(parseInPoint('-1', at24, 'frames')).toBeNull();
  });
});

describe('motion jobs in words', () => {
  it('explains failed, expired and lost jobs, and says nothing of the others', () => {
    expect(motionJobProblem({ state: 'failed', errorMessage: 'Content refused' })).toBe('The provider could not make this clip: Content refused');
    expect(motionJobProblem({ state: 'failed', errorMessage: null })).toMatch(/could not make this clip\. Try again/);
    expect(motionJobProblem({ state: 'expired', errorMessage: null })).toMatch(/gone before Boardwright could fetch it/);
    expect(motionJobProblem({ state: 'unknown', errorMessage: null })).toMatch(/lost track of this job/);
    for (const state of ['submitting', 'running', 'succeeded', 'cancelled'] as const) expect(motionJobProblem({ state, errorMessage: 'x' })).toBeNull();
  });

  it('sums up what was asked', () => {
    expect(motionJobSummary({ request: { seconds: 2, seed: 7 }, model: 'camera-move' }, 'Built-in camera move')).toBe('2 s · Built-in camera move · camera-move · seed 7');
    expect(motionJobSummary({ request: {}, model: null }, 'Runway')).toBe('Runway');
  });
});
