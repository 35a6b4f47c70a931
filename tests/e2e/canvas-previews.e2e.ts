import { describe, expect, it } from 'vitest';
import { saveScreenshot, waitForBoard } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

/**
 * The project keeps small thumbnails; a card drawn larger than its thumbnail (zoomed in, or on a
 * HiDPI screen) is upgraded to a display-size preview made from the original.
 */
describe('sharp cards beyond the thumbnail size', () => {
  it('loads no preview at the default size on a standard screen, and one once zoomed in', async () => {
    const [[first]] = await seedBoard(fx.server, [{ heading: 'INT. DARKROOM - NIGHT', panels: 3, images: true }]);
    const app = await fx.open();
    const { page } = app;
    let snap = await waitReady(page);
    expect(snap.thumbnails[first]).toBe('loaded');
    await page.waitForTimeout(300);
    expect((await waitForBoard(page, () => true)).previews).toEqual({});

    const v = snap.viewport!;
    await page.mouse.move(v.x + 120, v.y + 120);
    await page.keyboard.down('Control');
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    // The originals (480 px) are smaller than a 512 px preview, so the original itself is the preview.
    snap = await waitForBoard(page, (s) => s.camera.scale > 1.5 && s.previews[first] === 480);
    await saveScreenshot(page, 'canvas-zoomed-in.png');
    expect(app.errors).toEqual([]);
  });

  it('on a HiDPI screen, cards show previews at the default size', async () => {
    const [[first, second]] = await seedBoard(fx.server, [{ heading: 'EXT. ROOFTOP - DAWN', panels: 2, images: true }]);
    const app = await fx.open(undefined, 2);
    const { page } = app;
    await waitReady(page);
    const snap = await waitForBoard(page, (s) => s.previews[first] === 480 && s.previews[second] === 480);
    expect(snap.camera.scale).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
