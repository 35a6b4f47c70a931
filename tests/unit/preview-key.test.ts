import { describe, expect, it } from 'vitest';
import { previewKey } from '../../renderer/src/board/previews';
import { previewWidth } from '../../shared/domain/preview';

const sha = 'a'.repeat(64);

describe('when a card asks for a preview', () => {
  it('not while its thumbnail is enough, or not loaded yet', () => {
    expect(previewKey(sha, 224, 256)).toBeNull(); // default card, standard screen
    expect(previewKey(sha, 294, 256)).toBeNull(); // up to 15% upscaling is fine
    expect(previewKey(sha, 448, null)).toBeNull(); // thumbnail still loading
    expect(previewKey(null, 448, 256)).toBeNull();
  });

  it('at the smallest preview width that is large enough, at most the largest', () => {
    expect(previewKey(sha, 448, 256)).toBe(`512/${sha}`); // HiDPI, default card
    expect(previewKey(sha, 672, 256)).toBe(`1024/${sha}`); // zoomed 3x
    expect(previewKey(sha, 3000, 256)).toBe(`1024/${sha}`);
    expect([300, 512, 513, 1024, 5000].map(previewWidth)).toEqual([512, 512, 1024, 1024, 1024]);
  });
});
