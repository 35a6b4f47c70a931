/**
 * How big a panel picture is decoded for the animatic export: a camera move's picture is enlarged
 * once, to its closest framing, so each of its frames is a reduction (the fast path in libvips).
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { CameraFraming, TimelineSegment } from '../../shared/domain/animatic';
import { framingAt } from '../../shared/domain/animatic-frame';
import { loadSource, planRegion } from '../../electron/core/animatic/picture-source';

const PICTURE = { width: 1920, height: 1080 };
const FULL = { x: 0, y: 0, w: 1, h: 1 };

const segment = (framing: CameraFraming | null): TimelineSegment => ({
  panelId: 'p', index: 0, shotNumber: '1', startFrame: 0, frames: 48, startMs: 0, durationMs: 2000, nominalMs: 2000,
  transitionIn: 'cut', inBefore: 0, inAfter: 0, fadeOut: 0, framing, imageSha256: 'x', imageWidth: 1280, imageHeight: 720,
  dialogue: '', sound: '', clip: null,
});
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 200 } } }).png().toBuffer();

describe('the decoded size of a panel picture', () => {
  it('a move is enlarged once to its closest framing, and every frame of it is then a reduction', async () => {
    const move = { start: FULL, end: { x: 0.1, y: 0.1, w: 0.8, h: 0.8 } };
    const seg = segment(move);
    const src = await loadSource(seg, await png(1280, 720), PICTURE);
    expect(src.width).toBe(Math.round(1280 * (1920 / (0.8 * 1280)) * 1.02));
    for (let f = 0; f < seg.frames; f++) {
      const plan = planRegion(src, framingAt(seg, f), PICTURE)!;
      expect(plan.resize.width).toBeLessThanOrEqual(plan.extract.width);
      expect(plan.cut).toMatchObject({ width: 1920, height: 1080 });
    }
  });

  it('a still framed as tight is never enlarged', async () => {
    const tight = { x: 0.1, y: 0.1, w: 0.8, h: 0.8 };
    const src = await loadSource(segment({ start: tight, end: tight }), await png(1280, 720), PICTURE);
    expect([src.width, src.height]).toEqual([1280, 720]);
  });

  it('a move into a small detail is enlarged only up to four pictures of pixels', async () => {
    const src = await loadSource(segment({ start: FULL, end: { x: 0.45, y: 0.45, w: 0.1, h: 0.1 } }), await png(1280, 720), PICTURE);
    expect(src.width * src.height).toBeLessThanOrEqual(4 * PICTURE.width * PICTURE.height * 1.01);
    expect(src.width).toBeGreaterThan(1280);
  });
});
