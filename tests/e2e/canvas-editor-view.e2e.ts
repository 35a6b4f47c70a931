import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import { center, colorDistance, sampleColor, saveScreenshot, until, waitForBoard } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const RED: [number, number, number] = [0xc8, 0x37, 0x2d];
const VIEWPORT = { width: 1440, height: 900 };

const viewOf = async (page: Page) => (await waitForBoard(page, (s) => !!s.editor?.loaded)).editor!.view;

/** Lines of one guide in the overlay, in fractions of the frame (the overlay's viewBox is the frame's Fit size). */
async function guideLines(page: Page, kind: string): Promise<number[][]> {
  return page.evaluate((k) => {
    const svg = document.querySelector('[data-testid="guides-overlay"]') as SVGSVGElement;
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    return [...svg.querySelectorAll(`[data-guide="${k}"] line`)].map((l) => {
      const n = (a: string) => Number(l.getAttribute(a));
      return [n('x1') / w, n('y1') / h, n('x2') / w, n('y2') / h];
    });
  }, kind);
}

describe('the panel editor view', () => {
  it('zooms about the pointer, rotates, flips, and a stroke still lands under the pointer; guides and the light table show', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'EXT. ROOFTOP — NIGHT', panels: 3 }]);
    const app = await fx.open(VIEWPORT);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[1]]).x, center(snap.cards[a[1]]).y);
    snap = await waitForBoard(page, (s) => s.editor?.panelId === a[1] && !!s.editor.loaded && !!s.editor.fitFrame);
    const F = snap.editor!.fitFrame!;
    const C = { x: F.x + F.width / 2, y: F.y + F.height / 2 };
    expect(snap.editor!.view).toMatchObject({ zoom: 1, panX: 0, panY: 0, rotation: 0, flipped: false });

    // The wheel zooms about the pointer: the frame point under it stays put (pan = d·(1 − zoom) from Fit).
    await page.mouse.move(C.x + 60, C.y + 40);
    await page.mouse.wheel(0, -100);
    let view = await viewOf(page);
    expect(view.zoom).toBeGreaterThan(1.1);
    expect(view.panX).toBeCloseTo(60 * (1 - view.zoom), 0);
    expect(view.panY).toBeCloseTo(40 * (1 - view.zoom), 0);
    expect(await page.getByTestId('view-zoom').textContent()).toBe(`${Math.round(view.zoom * 100)}%`);
    await page.keyboard.press('Shift+Digit1');
    expect(await viewOf(page)).toMatchObject({ zoom: 1, panX: 0, panY: 0, rotation: 0, flipped: false });

    // A pinch (ctrl+wheel) at the centre: 2x.
    const Ci = { x: Math.round(C.x), y: Math.round(C.y) };
    await page.mouse.move(Ci.x, Ci.y);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100 * Math.log(2));
    await page.keyboard.up('Control');
    view = await viewOf(page);
    expect(view.zoom).toBeCloseTo(2, 1);
    expect(await page.getByTestId('view-zoom').textContent()).toBe('200%');
    // Once the zoom rests, the sketch canvases are repainted at twice the resolution, so lines stay crisp.
    await until(() => page.locator('canvas[data-layer]').first().evaluate((c) => (c as HTMLCanvasElement).width), (w) => w === Math.round(F.width * 2), 'the canvases at twice the resolution');

    // Hold R and drag a quarter turn clockwise about the centre: snaps to 90°, draws nothing.
    await page.keyboard.down('r');
    await page.mouse.move(Ci.x + 150, Ci.y);
    await page.mouse.down();
    await page.mouse.move(Ci.x + 6, Ci.y + 150, { steps: 12 });
    await page.mouse.up();
    await page.keyboard.up('r');
    view = await viewOf(page);
    expect(view.rotation).toBe(90);
    expect(await page.getByTestId('view-rotation').textContent()).toBe('90°');

    // H mirrors the view left to right; a badge says so.
    await page.keyboard.press('h');
    view = await viewOf(page);
    expect(view.flipped).toBe(true);
    expect(view.rotation).toBe(-90);
    await page.getByTestId('flip-badge').waitFor();
    expect(await page.getByTestId('view-flip').textContent()).toBe('Flipped');
    expect(view.zoom).toBeCloseTo(2, 1);
    const z = view.zoom;
    // Zoom 2 turned a quarter and mirrored: screen offset (dx, dy) from the centre is frame offset (dy, dx) / zoom.
    const frameAt = (dx: number, dy: number) => ({ u: 0.5 + (dy - view.panY) / z / F.width, v: 0.5 + (dx - view.panX) / z / F.height });

    // The brush cursor is centred under the pointer.
    await page.getByTestId('tool-brush').click();
    await page.getByRole('radio', { name: 'Ink #c8372d' }).click();
    await page.getByTestId('tool-size').fill('20');
    await page.mouse.move(Ci.x + 30, Ci.y - 50);
    await page.mouse.move(Ci.x + 31, Ci.y - 50);
    const cursor = (await page.locator('.sketch-cursor').boundingBox())!;
    expect(cursor.width).toBeGreaterThan(8);
    expect(cursor.x + cursor.width / 2).toBeCloseTo(Ci.x + 31, 0);
    expect(cursor.y + cursor.height / 2).toBeCloseTo(Ci.y - 50, 0);

    // A horizontal stroke on screen, 30 px above the centre.
    expect(snap.editor!.strokes).toBe(0);
    await page.mouse.move(Ci.x - 80, Ci.y - 30);
    await page.mouse.down();
    await page.mouse.move(Ci.x + 80, Ci.y - 30, { steps: 24 });
    await page.mouse.up();
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.editor.pending === 0);
    const [stroke] = visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[1] }));
    expect(stroke.points.length).toBeGreaterThan(8);
    const first = frameAt(-80, -30);
    const last = frameAt(80, -30);
    expect(stroke.points[0][0]).toBeCloseTo(first.u, 2);
    expect(stroke.points[0][1]).toBeCloseTo(first.v, 2);
    expect(stroke.points.at(-1)![0]).toBeCloseTo(last.u, 2);
    expect(stroke.points.at(-1)![1]).toBeCloseTo(last.v, 2);
    for (const [x] of stroke.points) expect(Math.abs(x - first.u)).toBeLessThan(0.004); // a vertical line in the frame
    // And the ink is on screen under the path the pointer took.
    expect(colorDistance(await sampleColor(page, { x: Ci.x, y: Ci.y - 30 }, 4), RED)).toBeLessThan(70);

    // Guides: thirds (also G), the 2.39 safe frame, one-point perspective.
    await page.getByTestId('guides-menu').click();
    await page.getByTestId('guide-thirds').check();
    await page.getByTestId('guide-safe-2.39').check();
    await page.getByTestId('guide-one-point').check();
    await page.keyboard.press('Escape');
    await page.getByTestId('guides-menu-panel').waitFor({ state: 'detached' });
    expect(await page.getByTestId('panel-editor').count()).toBe(1); // Esc closed the menu, not the editor
    const thirds = (await guideLines(page, 'thirds')).map((l) => l.map((n) => Math.round(n * 1000) / 1000));
    expect(thirds).toHaveLength(4);
    expect(thirds.filter(([x1, , x2]) => x1 === x2).map(([x]) => x).sort()).toEqual([0.333, 0.667]);
    expect(thirds.filter(([, y1, , y2]) => y1 === y2).map(([, y]) => y).sort()).toEqual([0.333, 0.667]);
    const safe = (await page.locator('[data-guide="safe-2.39"] rect').evaluate((r) => ['y', 'height'].map((k) => Number(r.getAttribute(k)))))!;
    expect(safe[1] / F.height).toBeCloseTo(16 / 9 / 2.39, 2);
    expect((safe[0] + safe[1] / 2) / F.height).toBeCloseTo(0.5, 2);
    const rays = await guideLines(page, 'one-point');
    expect(rays.length).toBeGreaterThan(10);
    expect(rays[0]).toEqual([0, expect.closeTo(1 / 3, 3), 1, expect.closeTo(1 / 3, 3)]);
    // The vanishing point drags (through the turned, mirrored view) and takes the horizon with it; it draws nothing.
    const vp = center((await page.getByTestId('vanishing-point').boundingBox())!);
    await page.mouse.move(vp.x, vp.y);
    await page.mouse.down();
    await page.mouse.move(vp.x + 40, vp.y, { steps: 6 });
    await page.mouse.up();
    const moved = (await guideLines(page, 'one-point'))[0];
    expect(moved[1]).toBeCloseTo(1 / 3 + 40 / z / F.height, 2);
    expect(moved[3]).toBeCloseTo(moved[1], 9);
    expect(visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[1] }))).toHaveLength(1);
    await page.keyboard.press('g');
    expect(await guideLines(page, 'thirds')).toHaveLength(0);
    await page.keyboard.press('g');
    expect(await guideLines(page, 'thirds')).toHaveLength(4);
    expect(await page.getByTestId('guides-overlay').evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');

    // Light table: the next panel, then previous and next; O toggles it.
    await page.getByTestId('light-table-menu').click();
    await page.getByTestId('light-table-next').check();
    const board = snap.board.scenes[0].panels;
    const nextSha = board[2].thumbSha256 ?? board[2].imageSha256!;
    await page.locator('[data-testid="onion-skin"][data-offset="1"]').waitFor();
    expect(await page.getByTestId('onion-skin').count()).toBe(1);
    expect(await page.getByTestId('onion-skin').getAttribute('src')).toContain(nextSha);
    await page.getByTestId('light-table-opacity').fill('60');
    expect(Number(await page.getByTestId('onion-skin').evaluate((el) => (el as HTMLElement).style.opacity))).toBeCloseTo(0.6, 2);
    await page.getByTestId('light-table-around').check();
    await page.locator('[data-testid="onion-skin"][data-offset="-1"]').waitFor();
    expect(await page.getByTestId('onion-skin').count()).toBe(2);
    await page.keyboard.press('Escape');

    // A freely turned view (no snap away from a quarter turn), zoomed out a step, for the record.
    await page.keyboard.press('Shift+Digit1');
    await page.keyboard.press('Minus');
    await page.keyboard.down('r');
    await page.mouse.move(Ci.x + 200, Ci.y);
    await page.mouse.down();
    await page.mouse.move(Ci.x + 200, Ci.y - 36, { steps: 6 });
    await page.mouse.up();
    await page.keyboard.up('r');
    const tilted = await viewOf(page);
    expect(tilted.zoom).toBeCloseTo(0.8, 6);
    expect(tilted.rotation).toBeCloseTo((Math.atan2(-36, 200) * 180) / Math.PI, 0);
    await page.mouse.move(Ci.x - 40, Ci.y + 20);
    await saveScreenshot(page, 'editor-view-rotated-guides.png');
    await page.keyboard.press('o');
    expect(await page.getByTestId('onion-skin').count()).toBe(0);

    // Stepping to the next panel keeps the view; closing the editor puts it back to Fit.
    await page.keyboard.press('ArrowRight');
    await waitForBoard(page, (s) => s.editor?.panelId === a[2] && !!s.editor.loaded);
    expect(await viewOf(page)).toEqual(tilted);
    await page.keyboard.press('Escape');
    await page.getByTestId('panel-editor').waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await waitForBoard(page, (s) => s.editor?.panelId === a[2] && !!s.editor.loaded);
    expect(await viewOf(page)).toMatchObject({ zoom: 1, panX: 0, panY: 0, rotation: 0, flipped: false });
    expect(await page.getByTestId('flip-badge').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('keeps the canvases at their resolution while a zoom goes on, and sharpens them once it rests', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. STUDIO — DAY', panels: 2 }]);
    const { page } = await fx.open(VIEWPORT);
    const snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    const F = (await waitForBoard(page, (s) => s.editor?.panelId === a[0] && !!s.editor.loaded && !!s.editor.fitFrame)).editor!.fitFrame!;
    // The widest sketch canvas: every layer's and the two group canvases that show them.
    const widest = () => page.evaluate(() => Math.max(...[...document.querySelectorAll<HTMLCanvasElement>('canvas[data-layer], canvas[data-layer-group]')].map((c) => c.width)));
    const before = await widest();
    await page.mouse.move(F.x + F.width / 2, F.y + F.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100 * Math.log(1.5)); // 150%: the canvases want twice the pixels (up to 200%)
    // Small steps that keep wanting twice the pixels, for longer than a rest: a repaint (or a group flattened at the new
    // size) mid-gesture dropped frames, so nothing changes size until the zoom stops.
    for (let i = 0; i < 6; i++) {
      await page.mouse.wheel(0, i % 2 ? 4 : -4);
      await page.waitForTimeout(100);
      expect(await widest()).toBe(before);
    }
    await page.keyboard.up('Control');
    await until(widest, (w) => w === Math.round(F.width * 2), 'the canvases at twice the resolution once the zoom rests');
  });

  it('pans with Space held and with the middle button, without drawing', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. HALL — DAY', panels: 1 }]);
    const app = await fx.open(VIEWPORT);
    const { page } = app;
    const snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    const F = (await waitForBoard(page, (s) => !!s.editor?.loaded && !!s.editor.fitFrame)).editor!.fitFrame!;
    const C = center(F);
    await page.mouse.move(C.x, C.y);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(C.x + 70, C.y - 30, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    expect(await viewOf(page)).toMatchObject({ panX: 70, panY: -30, zoom: 1 });
    await page.mouse.move(C.x, C.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(C.x - 20, C.y + 10, { steps: 5 });
    await page.mouse.up({ button: 'middle' });
    expect(await viewOf(page)).toMatchObject({ panX: 50, panY: -20 });
    // The frame moved with the pan.
    const box = (await page.getByTestId('editor-frame').boundingBox())!;
    expect(box.x - F.x).toBeCloseTo(50, 0);
    expect(box.y - F.y).toBeCloseTo(-20, 0);
    expect(visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[0] }))).toHaveLength(0);
    expect(app.errors).toEqual([]);
  });
});

describe('the light table', () => {
  it('shows the previous and next panels’ sketches faintly under a blank page, tinted apart', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. KITCHEN — DAY', panels: 3, images: false }]);
    const circle = (cx: number, r: number) => Array.from({ length: 41 }, (_, i): [number, number, number] => [cx + r * Math.cos((i / 40) * 2 * Math.PI), 0.5 + r * 1.7 * Math.sin((i / 40) * 2 * Math.PI), 0.5]);
    await fx.server.call('sketch.addStroke', { panelId: a[0], stroke: { tool: 'pen', color: '#1b1b1d', size: 0.02, opacity: 1, points: circle(0.3, 0.12) } });
    await fx.server.call('sketch.addStroke', { panelId: a[2], stroke: { tool: 'pen', color: '#1b1b1d', size: 0.02, opacity: 1, points: circle(0.7, 0.12) } });
    const app = await fx.open(VIEWPORT);
    const { page } = app;
    const snap = await waitForBoard(page, (s) => s.readyAt !== null && [a[0], a[2]].every((id) => s.board.scenes[0].panels.find((p) => p.id === id)!.thumbSha256 !== null));
    await page.mouse.dblclick(center(snap.cards[a[1]]).x, center(snap.cards[a[1]]).y);
    const F = (await waitForBoard(page, (s) => s.editor?.panelId === a[1] && !!s.editor.loaded && !!s.editor.fitFrame)).editor!.fitFrame!;
    const at = (u: number, v: number) => ({ x: F.x + F.width * u, y: F.y + F.height * v });
    const paper = await sampleColor(page, at(0.3 + 0.12, 0.5), 4);

    await page.getByTestId('light-table-menu').click();
    await page.getByTestId('light-table-around').check();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="onion-skin"][data-offset="1"]').waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="onion-skin"]')].every((i) => (i as HTMLImageElement).complete));
    await saveScreenshot(page, 'editor-light-table.png');
    const prevInk = await sampleColor(page, at(0.3 + 0.12, 0.5), 4);
    const nextInk = await sampleColor(page, at(0.7 - 0.12, 0.5), 4);
    // Both show, fainter than ink; earlier warm (red over blue), later cool (blue over red).
    expect(colorDistance(prevInk, paper)).toBeGreaterThan(20);
    expect(colorDistance(nextInk, paper)).toBeGreaterThan(20);
    expect(prevInk[0]).toBeGreaterThan(prevInk[2]);
    expect(nextInk[2]).toBeGreaterThan(nextInk[0]);
    await page.keyboard.press('o');
    expect(colorDistance(await sampleColor(page, at(0.3 + 0.12, 0.5), 4), paper)).toBeLessThan(6);
    expect(app.errors).toEqual([]);
  });
});

describe('perspective and safe areas', () => {
  it('draws a two-point grid whose horizon drags, and the action and title safe areas', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'EXT. STREET — DAY', panels: 1, images: false }], { aspectRatio: '2.39' });
    const app = await fx.open(VIEWPORT);
    const { page } = app;
    const snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    const F = (await waitForBoard(page, (s) => !!s.editor?.loaded && !!s.editor.fitFrame)).editor!.fitFrame!;
    await page.getByTestId('guides-menu').click();
    for (const id of ['two-point', 'action-safe', 'title-safe', 'safe-16:9', 'centre']) await page.getByTestId(`guide-${id}`).check();
    await page.keyboard.press('Escape');

    const rect = (kind: string) =>
      page.locator(`[data-guide="${kind}"] rect`).evaluate((r) => ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k))));
    const [ax, ay, aw] = await rect('action-safe');
    expect(ax / F.width).toBeCloseTo(0.05, 2);
    expect(ay / F.height).toBeCloseTo(0.05, 2);
    expect(aw / F.width).toBeCloseTo(0.9, 2);
    expect((await rect('title-safe'))[0] / F.width).toBeCloseTo(0.1, 2);
    // A 16:9 inside a 2.39:1 frame is pillarboxed: full height, centred.
    const [tx, ty, tw, th] = await rect('safe-16:9');
    expect(th / F.height).toBeCloseTo(1, 2);
    expect(ty).toBeCloseTo(0, 1);
    expect((tx + tw / 2) / F.width).toBeCloseTo(0.5, 2);
    expect(tw / th).toBeCloseTo(16 / 9, 1);

    let lines = await guideLines(page, 'two-point');
    expect(lines.length).toBeGreaterThan(16);
    expect(lines[0][1]).toBeCloseTo(1 / 3, 3);
    const h = center((await page.getByTestId('horizon-handle').boundingBox())!);
    expect(h.y).toBeCloseTo(F.y + F.height / 3, 0);
    await page.mouse.move(h.x, h.y);
    await page.mouse.down();
    await page.mouse.move(h.x + 30, h.y + F.height * 0.25, { steps: 6 });
    await page.mouse.up();
    lines = await guideLines(page, 'two-point');
    expect(lines[0][1]).toBeCloseTo(1 / 3 + 0.25, 2);
    expect(visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[0] }))).toHaveLength(0);
    await saveScreenshot(page, 'editor-guides-two-point.png');
    expect(app.errors).toEqual([]);
  });
});
