import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Board } from '../../shared/domain/board';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import { center, colorDistance, sampleColor, waitForBoard } from './browser';
import { TALL, expectInSync, seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const RED: [number, number, number] = [0xc8, 0x37, 0x2d];

/** A horizontal stroke across the editor frame with the real mouse, from 20% to 80% of its width at half height. */
async function strokeAcross(page: Page, y = 0.5): Promise<void> {
  const snap = await waitForBoard(page, (s) => !!s.editor?.loaded && !!s.editor.frame);
  const f = snap.editor!.frame!;
  await page.mouse.move(f.x + f.width * 0.2, f.y + f.height * y);
  await page.mouse.down();
  await page.mouse.move(f.x + f.width * 0.8, f.y + f.height * y, { steps: 24 });
  await page.mouse.up();
}

describe('the panel editor', () => {
  it('says so when its code cannot load, leaves the board as it was, and opens on the next try', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. VAN — DAY', panels: 2 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    const chunk = /\/assets\/EditorView-[^/]*\.js$/;
    const refused: string[] = [];
    await page.route(chunk, (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    // Loaded again with the route in place: the editor's code, fetched once the board is idle, is refused from the start.
    await page.reload();
    await waitReady(page);
    // Where the card is now, with the route in place (the layout settles after the first ready frame).
    const snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page
      .getByTestId('notice-message')
      .waitFor({ timeout: 15_000 })
      .catch((e: unknown) => {
        // Say which half failed: the double-click never asked for the editor, or its refusal was not reported.
        const asked = refused.length ? `its code was requested and refused (${refused.length}x)` : 'its code was never requested';
        throw new Error(`no notice after the double-click: ${asked}; ${String(e)}`);
      });
    expect(await page.getByTestId('notice-message').textContent()).toMatch(/did not load.*Try again/);
    expect(await page.getByTestId('panel-editor').count()).toBe(0);
    expect((await waitForBoard(page, (s) => s.editor === null)).board).toEqual(snap.board);

    await page.unroute(chunk);
    await page.getByTestId('notice-dismiss').click();
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.getByTestId('panel-editor').waitFor();
    expect((await waitForBoard(page, (s) => !!s.editor?.loaded)).editor!.panelId).toBe(a[0]);
  });

  it('the editor\'s code loads once the board is idle; the second press of a double-click starts loading the panel, and the release opens the editor on that one load', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. ATTIC — DAWN', panels: 2 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    const snap = await waitReady(page);
    // No input yet: the board is on screen, and the editor's code arrives while the page is idle.
    const editorCode = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/assets\/EditorView-/.test(e.name)).length);
    await expect.poll(editorCode, { timeout: 10_000 }).toBe(1);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/media/layers/') || /\/assets\/EditorView-/.test(r.url())) asked.push(new URL(r.url()).pathname);
    });
    const at = center(snap.cards[a[0]]);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.down({ clickCount: 2 });
    // Still held: nothing is open, but the layers and the editor's code are on their way.
    await expect.poll(() => asked.filter((u) => u === `/media/layers/${a[0]}`).length).toBe(1);
    expect(await page.getByTestId('panel-editor').count()).toBe(0);
    await page.mouse.up({ clickCount: 2 });
    await page.getByTestId('panel-editor').waitFor();
    expect((await waitForBoard(page, (s) => !!s.editor?.loaded)).editor!.panelId).toBe(a[0]);
    // The editor took the loads already made: the layers were asked for once, its code not again.
    expect(asked).toEqual([`/media/layers/${a[0]}`]);
    expect(await editorCode()).toBe(1);

    // The board and the timeline under the editor are not painted while it is open, and come back where they were.
    const shown = () =>
      page.evaluate(() =>
        ['.board-stage', '[data-testid="timeline"]', '.board-main > .toolbar'].map((q) => {
          const el = document.querySelector(q);
          return el ? getComputedStyle(el).visibility : 'missing';
        }),
      );
    expect(await shown()).toEqual(['hidden', 'hidden', 'hidden']);
    await page.keyboard.press('Escape');
    const back = await waitForBoard(page, (s) => s.editor === null);
    expect(await shown()).toEqual(['visible', 'visible', 'visible']);
    expect(back.cards).toEqual(snap.cards);
  });

  it('opens with the layers in its first frame when they come in time, and without waiting for slow ones', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. GARAGE — NIGHT', panels: 2 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    const snap = await waitReady(page);
    // What the editor held when it was first put on the page: its layers' canvases, or none yet.
    const watchFirstFrame = () =>
      page.evaluate(() => {
        const w = window as unknown as { __firstEditor?: number | null };
        w.__firstEditor = null;
        const seen = new MutationObserver(() => {
          const editor = document.querySelector('[data-testid="panel-editor"]');
          if (!editor) return;
          w.__firstEditor = editor.querySelectorAll('canvas[data-layer]').length;
          seen.disconnect();
        });
        seen.observe(document.body, { childList: true, subtree: true });
      });
    const firstFrame = () => page.evaluate(() => (window as unknown as { __firstEditor?: number | null }).__firstEditor);

    await watchFirstFrame();
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.getByTestId('panel-editor').waitFor();
    const layers = (await waitForBoard(page, (s) => !!s.editor?.loaded)).editor!;
    expect(await firstFrame()).toBe(5); // the five standard layers, in the editor's first render
    expect(layers.panelId).toBe(a[0]);
    await page.keyboard.press('Escape');
    await waitForBoard(page, (s) => s.editor === null);

    // A slow load: the editor shows at once with the panel's picture, and its layers follow.
    let answered = 0;
    await page.route('**/media/layers/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      answered++;
      await route.continue();
    });
    await watchFirstFrame();
    await page.mouse.dblclick(center(snap.cards[a[1]]).x, center(snap.cards[a[1]]).y);
    await page.getByTestId('panel-editor').waitFor();
    expect(answered).toBe(0);
    expect(await firstFrame()).toBe(0);
    expect((await waitForBoard(page, (s) => !!s.editor?.loaded)).editor!.panelId).toBe(a[1]);
    expect(answered).toBe(1);
  });

  it('draws a stroke that becomes vector data and the card thumbnail, with undo and redo', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'EXT. DUNES — NOON', panels: 3 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    const image = snap.board.scenes[0].panels[1].imageSha256;

    await page.mouse.dblclick(center(snap.cards[a[1]]).x, center(snap.cards[a[1]]).y);
    await page.getByTestId('panel-editor').waitFor();
    snap = await waitForBoard(page, (s) => s.editor?.panelId === a[1] && s.editor.loaded);
    expect(await page.getByTestId('editor-shot').textContent()).toBe('1B');
    await page.getByTestId('tool-brush').click();
    await page.getByRole('radio', { name: 'Ink #c8372d' }).click();
    await page.getByTestId('tool-size').fill('40');

    await strokeAcross(page);
    snap = await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.editor.pending === 0);
    const layers = await fx.server.call<PanelLayers>('sketch.get', { panelId: a[1] });
    expect(visibleStrokes(layers)).toHaveLength(1);
    const stroke = visibleStrokes(layers)[0];
    expect(stroke).toMatchObject({ tool: 'brush', color: '#c8372d', size: 0.04 });
    expect(stroke.points.length).toBeGreaterThan(5);
    expect(stroke.points[0][0]).toBeCloseTo(0.2, 1);
    expect(stroke.points.at(-1)![0]).toBeCloseTo(0.8, 1);
    for (const [x, y, p] of stroke.points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeCloseTo(0.5, 2);
      expect(p).toBe(0.5); // a mouse has no pressure
    }
    // The live stroke is on screen in the editor, red over the sketch.
    const frame = snap.editor!.frame!;
    expect(colorDistance(await sampleColor(page, { x: frame.x + frame.width / 2, y: frame.y + frame.height / 2 }, 4), RED)).toBeLessThan(60);
    expect(snap.history.undoLabel).toMatch(/stroke/i);

    // Back on the board, the card shows the flattened sketch.
    await page.keyboard.press('Escape');
    await page.getByTestId('panel-editor').waitFor({ state: 'detached' });
    snap = await waitForBoard(page, (s) => {
      const p = s.board.scenes[0].panels[1];
      return p.thumbSha256 !== null && p.thumbSha256 !== image && s.thumbnails[p.id] === 'loaded';
    });
    const mid = center(snap.images[a[1]]);
    expect(colorDistance(await sampleColor(page, mid, 4), RED)).toBeLessThan(60);
    await expectInSync(page, fx.server);

    // Undo takes the stroke away (board and editor), redo brings it back.
    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[1].thumbSha256 === image && s.thumbnails[a[1]] === 'loaded');
    expect(colorDistance(await sampleColor(page, center(snap.images[a[1]]), 4), RED)).toBeGreaterThan(60);
    await page.keyboard.press('Enter');
    await waitForBoard(page, (s) => s.editor?.panelId === a[1] && s.editor.loaded && s.editor.strokes === 0);
    await page.keyboard.press('Control+Shift+z');
    await waitForBoard(page, (s) => s.editor?.strokes === 1);
    expect(visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[1] }))).toHaveLength(1);

    await page.reload();
    await waitReady(page);
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });

  it('goes to the previous and next panel, shows the onion skin, fades the image and clears the sketch', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. STUDIO — DAY', panels: 3 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.click(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.keyboard.press('Enter');
    await waitForBoard(page, (s) => s.editor?.panelId === a[0] && s.editor.loaded);
    expect(await page.getByTestId('editor-prev').isDisabled()).toBe(true);

    await page.keyboard.press('ArrowRight');
    snap = await waitForBoard(page, (s) => s.editor?.panelId === a[1] && s.editor.loaded);
    expect(snap.selectedPanelId).toBe(a[1]);
    await page.getByTestId('editor-next').click();
    await waitForBoard(page, (s) => s.editor?.panelId === a[2] && s.editor.loaded);
    expect(await page.getByTestId('editor-next').isDisabled()).toBe(true);
    await page.getByTestId('onion-toggle').click();
    await page.getByTestId('onion-skin').waitFor();
    const onion = await page.getByTestId('onion-skin').getAttribute('src');
    expect(onion).toContain(snap.board.scenes[0].panels[1].thumbSha256!);

    // Image opacity is saved when the slider is released.
    const slider = page.getByTestId('image-opacity');
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height / 2);
    await waitForBoard(page, (s) => Math.abs((s.editor?.imageOpacity ?? 1) - 0.4) < 0.06);
    const before = snap.history.undoLabel;
    await waitForBoard(page, (s) => s.history.undoLabel !== before);
    const faded = await fx.server.call<PanelLayers>('sketch.get', { panelId: a[2] });
    expect(faded.image!.opacity).toBeGreaterThan(0.3);
    expect(faded.image!.opacity).toBeLessThan(0.5);

    // Two strokes (the pencil, then the eraser across it), then "Clear sketch" removes both in one step.
    await page.keyboard.press('l');
    await strokeAcross(page, 0.4);
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.editor.pending === 0);
    await page.keyboard.press('e');
    await strokeAcross(page, 0.4);
    await waitForBoard(page, (s) => s.editor?.strokes === 2 && s.editor.pending === 0);
    const tools = visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[2] })).map((s) => s.tool);
    expect(tools).toEqual(['pencil', 'eraser']);
    await page.getByTestId('clear-sketch').click();
    await waitForBoard(page, (s) => s.editor?.strokes === 0);
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => s.editor?.strokes === 2);

    await page.getByTestId('editor-close').click();
    await page.getByTestId('panel-editor').waitFor({ state: 'detached' });
    snap = await waitForBoard(page, (s) => s.selectedPanelId === a[2]);
    expect((await fx.server.call<Board>('board.get')).scenes[0].panels[2].thumbSha256).not.toBe(snap.board.scenes[0].panels[2].imageSha256);
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });
});
