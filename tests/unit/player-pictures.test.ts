import { describe, expect, it } from 'vitest';
import { segmentPictureUrl } from '../../renderer/src/timeline/draw-frame';

const SHA = 'a'.repeat(64);
const box = (w: number, h: number) => ({ x: 0, y: 0, w, h });
const seg = (imageWidth: number, imageHeight: number, framing: { start: { x: number; y: number; w: number; h: number }; end: { x: number; y: number; w: number; h: number } } | null = null) => ({
  imageSha256: SHA,
  imageWidth,
  imageHeight,
  framing,
});

describe('the picture the player draws a panel from', () => {
  it('is the 1024 px preview while that has a pixel for every canvas pixel, else the original', () => {
    // A 4K picture in a 480 px player: the preview is plenty.
    expect(segmentPictureUrl(seg(3840, 2160), box(480, 270))).toBe(`/media/preview/1024/${SHA}`);
    // The same picture filling a 1920 px player needs the original.
    expect(segmentPictureUrl(seg(3840, 2160), box(1920, 1080))).toBe(`/media/full/${SHA}`);
    // A push-in to a quarter of the picture's width: 480 / 0.25 = 1,920 image pixels across, more than the preview has.
    const push = { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.375, y: 0.375, w: 0.25, h: 0.25 } };
    expect(segmentPictureUrl(seg(3840, 2160, push), box(480, 270))).toBe(`/media/full/${SHA}`);
    // A gentle one (to 80%) still fits the preview.
    const gentle = { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.1, y: 0.1, w: 0.8, h: 0.8 } };
    expect(segmentPictureUrl(seg(3840, 2160, gentle), box(480, 270))).toBe(`/media/preview/1024/${SHA}`);
  });

  it('counts the preview of a tall picture by its width (its long side is 1024)', () => {
    // 2160 x 3840 pillarboxed in a 16:9 box shows its whole height: 1,800 canvas pixels tall want
    // 1,800 x 2160 / 3840 = 1,013 image pixels across, more than the preview's 576.
    expect(segmentPictureUrl(seg(2160, 3840), box(3200, 1800))).toBe(`/media/full/${SHA}`);
    // 900 pixels tall want 506 across: the preview has them.
    expect(segmentPictureUrl(seg(2160, 3840), box(1600, 900))).toBe(`/media/preview/1024/${SHA}`);
    expect(segmentPictureUrl(seg(2160, 3840), box(320, 180))).toBe(`/media/preview/1024/${SHA}`);
  });

  it('asks for the original when the picture size is unknown', () => {
    expect(segmentPictureUrl(seg(0, 0), box(320, 180))).toBe(`/media/full/${SHA}`);
  });
});
