import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import { center, saveScreenshot, until, waitForBoard } from './browser';
import { TALL, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const BLUE: [number, number, number] = [0x2f, 0x6f, 0xdf];
const GREEN: [number, number, number] = [0x2e, 0x9d, 0x5b];

/** How many pixels of a picture are within `tolerance` of a colour (every channel). */
async function pixelsNear(png: Buffer | string, rgb: readonly number[], tolerance = 40): Promise<number> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3) {
    if (Math.abs(data[i] - rgb[0]) <= tolerance && Math.abs(data[i + 1] - rgb[1]) <= tolerance && Math.abs(data[i + 2] - rgb[2]) <= tolerance) n++;
  }
  return n;
}

async function frameOf(page: Page) {
  return (await waitForBoard(page, (s) => !!s.editor?.loaded && !!s.editor.frame)).editor!.frame!;
}

/** A stroke with the real mouse across the frame at height y. */
async function mouseStroke(page: Page, y: number): Promise<void> {
  const f = await frameOf(page);
  await page.mouse.move(f.x + f.width * 0.2, f.y + f.height * y);
  await page.mouse.down();
  await page.mouse.move(f.x + f.width * 0.8, f.y + f.height * y, { steps: 20 });
  await page.mouse.up();
}

/** A stroke with a pen, through Chromium's own input pipeline: pointerType "pen", pressure and tilt. */
async function penStroke(page: Page, y: number, pressure: number): Promise<void> {
  const f = await frameOf(page);
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) => ({ x: f.x + f.width * (0.2 + 0.6 * t), y: f.y + f.height * y });
  const send = (type: string, t: number, buttons: number) =>
    cdp.send('Input.dispatchMouseEvent', { type, ...at(t), button: 'left', buttons, clickCount: 1, pointerType: 'pen', force: pressure, tiltX: 20, tiltY: -10 } as never);
  await send('mousePressed', 0, 1);
  for (let k = 1; k <= 20; k++) await send('mouseMoved', k / 20, 1);
  await send('mouseReleased', 1, 0);
  await cdp.detach();
}

describe('drawing layers', () => {
  it('draws on two layers with the mouse and a pen; a hidden layer leaves the board card, the PDF page and the MP4 frame', async () => {
    await fx.server.call('project.new', { title: 'Layers', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id, patch: { durationMs: 1000 } });
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[panel.id]).x, center(snap.cards[panel.id]).y);
    await page.getByTestId('panel-editor').waitFor();
    const rows = page.getByTestId('layer-row');
    await until(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer-name'))), (n) => n.join() === 'Notes,Ink,Pencil,Tone,Fill', 'the standard layers, top first');

    // Pencil: a green stroke with the mouse.
    await page.locator('[data-testid="layer-row"][data-layer-name="Pencil"]').click();
    await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Pencil');
    await page.getByTestId('tool-pen').click();
    await page.getByRole('radio', { name: 'Ink #2e9d5b' }).click();
    await page.getByTestId('tool-size').fill('12');
    await mouseStroke(page, 0.35);
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.editor.pending === 0);

    // Ink: a blue stroke with a pen, firm pressure.
    await page.locator('[data-testid="layer-row"][data-layer-name="Ink"]').click();
    await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Ink');
    await page.getByRole('radio', { name: 'Ink #2f6fdf' }).click();
    await penStroke(page, 0.65, 0.9);
    await waitForBoard(page, (s) => s.editor?.strokes === 2 && s.editor.pending === 0);

    let layers = await fx.server.call<PanelLayers>('sketch.get', { panelId: panel.id });
    const byName = (name: string) => layers.layers.find((l) => l.name === name)!;
    expect(byName('Pencil').strokes).toHaveLength(1);
    expect(byName('Ink').strokes).toHaveLength(1);
    expect(byName('Pencil').strokes[0]).toMatchObject({ color: '#2e9d5b' });
    expect(byName('Ink').strokes[0]).toMatchObject({ color: '#2f6fdf' });
    expect(byName('Pencil').strokes[0].points.every(([, , p]) => p === 0.5)).toBe(true); // a mouse has no pressure
    const penPressures = byName('Ink').strokes[0].points.map(([, , p]) => p);
    expect(Math.min(...penPressures)).toBeGreaterThan(0.85); // the pen's pressure was kept
    for (const [, y] of byName('Ink').strokes[0].points) expect(y).toBeCloseTo(0.65, 2);
    await saveScreenshot(page, 'drawing-layers-editor.png');

    // The editor's screen shows both layers whichever is active (the others are composited as a group under and over it).
    const editorShot = async () => page.screenshot({ clip: await frameOf(page) });
    let shot = await editorShot();
    expect(await pixelsNear(shot, GREEN)).toBeGreaterThan(20); // Pencil, under the active Ink
    expect(await pixelsNear(shot, BLUE)).toBeGreaterThan(20);
    await page.locator('[data-testid="layer-row"][data-layer-name="Pencil"]').click();
    await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Pencil');
    shot = await editorShot();
    expect(await pixelsNear(shot, GREEN)).toBeGreaterThan(20);
    expect(await pixelsNear(shot, BLUE)).toBeGreaterThan(20); // Ink, over the active Pencil
    await page.locator('[data-testid="layer-row"][data-layer-name="Ink"]').click();
    await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Ink');
    // While the view moves (Space held for a pan), every layer shows through one flattened canvas.
    const activeShown = () => page.locator('canvas[data-layer]').evaluateAll((cs) => cs.filter((c) => (c as HTMLElement).style.display !== 'none').length);
    expect(await activeShown()).toBe(1);
    await page.keyboard.down(' ');
    await until(activeShown, (n) => n === 0, 'the layers shown through the flattened canvas');
    shot = await editorShot();
    expect(await pixelsNear(shot, GREEN)).toBeGreaterThan(20);
    expect(await pixelsNear(shot, BLUE)).toBeGreaterThan(20);
    await page.keyboard.up(' ');
    await until(activeShown, (n) => n === 1, 'the active layer on its own canvas again once the view is still');

    // Hide the Pencil layer (one undo step).
    await page.locator('[data-testid="layer-row"][data-layer-name="Pencil"] [data-testid="layer-visible"]').click();
    await until(() => fx.server.call<PanelLayers>('sketch.get', { panelId: panel.id }), (l) => l.layers.find((x) => x.name === 'Pencil')!.visible === false, 'Pencil is hidden');
    snap = await waitForBoard(page, (s) => s.history.undoLabel === 'Hide layer Pencil on 1A');
    layers = await fx.server.call<PanelLayers>('sketch.get', { panelId: panel.id });
    expect(visibleStrokes(layers).map((s) => s.color)).toEqual(['#2f6fdf']);
    await until(async () => pixelsNear(await editorShot(), GREEN), (n) => n === 0, 'the hidden Pencil layer leaves the editor');
    expect(await pixelsNear(await editorShot(), BLUE)).toBeGreaterThan(20);

    // The board card shows exactly the visible layers.
    await page.keyboard.press('Escape');
    await page.getByTestId('panel-editor').waitFor({ state: 'detached' });
    snap = await waitForBoard(page, (s) => s.thumbnails[panel.id] === 'loaded');
    const card = await page.screenshot({ clip: snap.images[panel.id] });
    expect(await pixelsNear(card, BLUE)).toBeGreaterThan(20);
    expect(await pixelsNear(card, GREEN)).toBe(0);

    // The PDF page and an MP4 frame too.
    const dir = fx.server.projectsDir;
    const pdf = path.join(dir, 'layers.pdf');
    await fx.server.call('export.pdf', {
      path: pdf,
      options: { grid: { cols: 2, rows: 2 }, text: 'auto', paper: 'letter', orientation: 'landscape', fields: ['shot'], selection: {}, sceneBreaks: true, cover: null, versionLabel: '', footer: null },
    });
    await until(async () => fs.existsSync(pdf), Boolean, 'the PDF is written', 60_000, 200);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(dir, 'layers-page')]);
    const page1 = fs.readdirSync(dir).find((f) => f.startsWith('layers-page') && f.endsWith('.png'))!;
    expect(await pixelsNear(path.join(dir, page1), BLUE)).toBeGreaterThan(20);
    expect(await pixelsNear(path.join(dir, page1), GREEN)).toBe(0);

    const mp4 = path.join(dir, 'layers.mp4');
    await fx.server.call('export.mp4', { path: mp4, options: { height: 720, fps: 24, burnIns: [] } });
    await until(async () => fs.existsSync(mp4), Boolean, 'the MP4 is written', 120_000, 200);
    const frame = path.join(dir, 'layers-frame.png');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '0.5', '-i', mp4, '-frames:v', '1', frame]);
    expect(await pixelsNear(frame, BLUE, 50)).toBeGreaterThan(20);
    expect(await pixelsNear(frame, GREEN, 30)).toBe(0);

    // Shown again, the green ink is back on the card.
    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => s.history.redoLabel === 'Hide layer Pencil on 1A' && s.thumbnails[panel.id] === 'loaded');
    await until(async () => pixelsNear(await page.screenshot({ clip: snap.images[panel.id] }), GREEN), (n) => n > 20, 'the green stroke is back on the card');
    expect(app.errors).toEqual([]);
  });
});

describe('erasing whole strokes and carrying strokes to another panel', () => {
  it('the stroke eraser takes the strokes it passes over; Ctrl+C and Ctrl+V carry a layer\'s strokes to the next panel', async () => {
    await fx.server.call('project.new', { title: 'Strokes', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const first = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const second = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const app = await fx.open(TALL);
    const { page } = app;
    const snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[first.id]).x, center(snap.cards[first.id]).y);
    await page.getByTestId('panel-editor').waitFor();
    await page.locator('[data-testid="layer-row"][data-layer-name="Ink"]').click();
    await mouseStroke(page, 0.3);
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.editor.pending === 0);
    await mouseStroke(page, 0.6);
    await waitForBoard(page, (s) => s.editor?.strokes === 2 && s.editor.pending === 0);

    // E twice: the stroke eraser. A short drag down across the upper stroke only.
    await page.keyboard.press('e');
    await page.keyboard.press('e');
    await page.getByTestId('tool-stroke-eraser').waitFor();
    expect(await page.getByTestId('tool-stroke-eraser').getAttribute('aria-checked')).toBe('true');
    const f = await frameOf(page);
    await page.mouse.move(f.x + f.width * 0.5, f.y + f.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(f.x + f.width * 0.5, f.y + f.height * 0.4, { steps: 10 });
    await page.mouse.up();
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.history.undoLabel === 'Erase a stroke on 1A');
    const left = visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: first.id }));
    expect(left[0].points[0][1]).toBeCloseTo(0.6, 2);

    // Copy the Ink layer's strokes, step to the next panel, paste.
    await page.keyboard.press('Control+c');
    await page.keyboard.press('ArrowRight');
    await waitForBoard(page, (s) => s.editor?.panelId === second.id && s.editor.loaded);
    await page.keyboard.press('Control+v');
    await waitForBoard(page, (s) => s.editor?.strokes === 1 && s.history.undoLabel === 'Paste a stroke on 1B');
    const pasted = await fx.server.call<PanelLayers>('sketch.get', { panelId: second.id });
    expect(pasted.layers.find((l) => l.name === 'Ink')!.strokes.map((s) => s.points[0][1])).toEqual([left[0].points[0][1]]);

    // The layers panel's flip button mirrors the drawing itself (one undo step).
    await page.getByTestId('drawing-flip').click();
    await waitForBoard(page, (s) => s.history.undoLabel === 'Flip the drawing of 1B');
    const flipped = visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: second.id }));
    expect(flipped[0].points[0][0]).toBeCloseTo(1 - left[0].points[0][0], 3);
    expect(app.errors).toEqual([]);
  });
});
