import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../shared/domain/board';
import { center, colorDistance, sampleColor, waitForBoard } from './browser';
import { TALL, beforeCard, dropFiles, expectInSync, order, seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';
import { solidPng } from './images';

const fx = useWebApp();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const RED: [number, number, number] = [220, 60, 50];
const TEAL: [number, number, number] = [40, 170, 160];
const GOLD: [number, number, number] = [235, 190, 60];

describe('the storyboard canvas: images from the desktop and the clipboard', () => {
  it('drops two image files between panels as two new panels, in order, at the drop point', async () => {
    const [a, b] = await seedBoard(fx.server, [
      { heading: 'EXT. FIELD — DAY', panels: 3 },
      { heading: 'EXT. BARN — DUSK', panels: 3 },
    ]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    const red = await solidPng(RED, 320, 180);
    const teal = await solidPng(TEAL, 320, 180);

    await dropFiles(page, beforeCard(snap.cards[b[1]]), [
      { name: 'shot-07.png', type: 'image/png', bytes: red },
      { name: 'shot-08.png', type: 'image/png', bytes: teal },
    ]);
    snap = await waitForBoard(page, (s) => s.board.scenes[1].panels.length === 5);
    const scene = snap.board.scenes[1].panels;
    expect(scene.map((p) => p.id)).toEqual([b[0], scene[1].id, scene[2].id, b[1], b[2]]);
    expect([scene[1].imageSha256, scene[2].imageSha256]).toEqual([sha(red), sha(teal)]);
    expect(scene.map((p) => p.shotNumber)).toEqual(['2A', '2B', '2C', '2D', '2E']);
    expect(order(snap.board)[0]).toEqual(a);
    expect(snap.history.undoLabel).toBe('Add 2 panels');
    expect(snap.selectedPanelIds).toEqual([scene[1].id, scene[2].id]);

    // Their thumbnails are drawn in the new cards.
    snap = await waitForBoard(page, (s) => s.thumbnails[scene[1].id] === 'loaded' && s.thumbnails[scene[2].id] === 'loaded');
    expect(colorDistance(await sampleColor(page, center(snap.images[scene[1].id])), RED)).toBeLessThan(30);
    expect(colorDistance(await sampleColor(page, center(snap.images[scene[2].id])), TEAL)).toBeLessThan(30);
    await expectInSync(page, fx.server);

    // One undo removes both.
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => JSON.stringify(order(s.board)) === JSON.stringify([a, b]));
    expect(app.errors).toEqual([]);
  });

  it('replaces the picture of the panel a file is dropped on, and refuses files that are not images', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. CABIN — NIGHT', panels: 3 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    const gold = await solidPng(GOLD, 320, 180);
    const before = snap.board.scenes[0].panels[1].imageSha256;

    await dropFiles(page, center(snap.cards[a[1]]), [{ name: 'lamp.png', type: 'image/png', bytes: gold }]);
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[1].imageSha256 === sha(gold) && s.thumbnails[a[1]] === 'loaded');
    expect(before).not.toBe(sha(gold));
    expect(order(snap.board)).toEqual([a]);
    expect(colorDistance(await sampleColor(page, center(snap.images[a[1]])), GOLD)).toBeLessThan(30);
    await expectInSync(page, fx.server);

    // A text file alone: a clear message, and nothing changes.
    const unchanged = { board: snap.board, history: snap.history };
    for (const files of [[{ name: 'call-sheet.txt', type: 'text/plain', bytes: Buffer.from('Call time 06:00.') }]]) {
      await dropFiles(page, beforeCard(snap.cards[a[2]]), files);
      const banner = page.getByTestId('error-banner');
      await banner.waitFor();
      expect(await banner.getAttribute('data-code')).toBe('NOT_AN_IMAGE');
      expect(await page.getByTestId('notice-message').textContent()).toMatch(new RegExp(`${files.at(-1)!.name.replace('.', '\\.')} is not an image.*nothing was added`));
      await page.getByTestId('notice-dismiss').click();
      await banner.waitFor({ state: 'detached' });
      const now = await waitForBoard(page, () => true);
      expect({ board: now.board, history: now.history }).toEqual(unchanged);
      expect(await fx.server.call<Board>('board.get')).toEqual(unchanged.board);
    }

    // An image among files that are not: the image goes in, the others are named and left out.
    await dropFiles(page, beforeCard(snap.cards[a[2]]), [
      { name: 'ok.png', type: 'image/png', bytes: gold },
      { name: 'notes.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4') },
    ]);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('NOT_AN_IMAGE');
    expect(await page.getByTestId('notice-message').textContent()).toBe('notes.pdf is not an image and was left out. Use PNG, JPEG, WebP, GIF, TIFF or AVIF files.');
    const after = await waitForBoard(page, (s) => s.board.scenes[0].panels.length === unchanged.board.scenes[0].panels.length + 1);
    expect(after.board.scenes[0].panels[2].imageSha256).toBe(sha(gold));
    expect(after.history.undoLabel).toBe('Add panel');
    expect(app.errors).toEqual([]);
  });

  it('pastes an image from the clipboard into the selected panel, or as a new panel with Ctrl+Shift+V', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'EXT. PIER — NIGHT', panels: 2, images: false }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.click(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await waitForBoard(page, (s) => s.selectedPanelId === a[0]);

    const paste = async (bytes: Buffer, shift: boolean) => {
      // The keydown tells "paste as new" apart; the paste event carries the clipboard's image.
      await page.keyboard.down('Control');
      if (shift) await page.keyboard.down('Shift');
      await page.keyboard.press('v');
      if (shift) await page.keyboard.up('Shift');
      await page.keyboard.up('Control');
      await page.evaluate((b64) => {
        const bin = atob(b64);
        const data = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
        const dt = new DataTransfer();
        dt.items.add(new File([data], 'image.png', { type: 'image/png' }));
        document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, bytes.toString('base64'));
    };

    const red = await solidPng(RED, 320, 180);
    await paste(red, false);
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[0].imageSha256 === sha(red));
    expect(order(snap.board)).toEqual([a]);

    const teal = await solidPng(TEAL, 320, 180);
    await paste(teal, true);
    // The new panel shows with the board's refresh; its selection may follow a moment later.
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels.length === 3 && s.selectedPanelId === s.board.scenes[0].panels[1]?.id);
    expect(snap.board.scenes[0].panels.map((p) => p.imageSha256)).toEqual([sha(red), sha(teal), null]);
    expect(snap.selectedPanelId).toBe(snap.board.scenes[0].panels[1].id);
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });
});
