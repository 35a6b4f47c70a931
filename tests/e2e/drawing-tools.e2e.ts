import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import { center, colorDistance, sampleColor, saveScreenshot, waitForBoard } from './browser';
import { TALL, seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const BLUE: [number, number, number] = [0x2f, 0x6f, 0xdf];
const PAPER: [number, number, number] = [0xf6, 0xf4, 0xee];

type Frame = { x: number; y: number; width: number; height: number };
const at = (f: Frame, x: number, y: number) => ({ x: f.x + f.width * x, y: f.y + f.height * y });

/** A real mouse drag across the frame through via points (fractions of the frame); `beforeUp` runs with the button still down. */
async function dragIn(page: Page, f: Frame, points: [number, number][], beforeUp?: () => Promise<void>): Promise<void> {
  const [first, ...rest] = points;
  await page.mouse.move(at(f, ...first).x, at(f, ...first).y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(at(f, ...p).x, at(f, ...p).y, { steps: 10 });
  await beforeUp?.();
  await page.mouse.up();
}

/** The colour of the panel's flattened composite at a point (fractions of the frame), read in the page. */
async function compositeColour(page: Page, sha: string, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ({ sha, x, y }) => {
      const img = new Image();
      img.src = `/media/full/${sha}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(Math.round(x * c.width), Math.round(y * c.height), 1, 1).data].slice(0, 3);
    },
    { sha, x, y },
  );
}

/** The box (fractions of the frame) of dark ink in a window of an RGB raster of the frame. */
function inkBox(data: Buffer | Uint8ClampedArray, w: number, h: number, channels: number, win: { x0: number; y0: number; x1: number; y1: number }) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = Math.round(win.y0 * h); y < Math.round(win.y1 * h); y++) {
    for (let x = Math.round(win.x0 * w); x < Math.round(win.x1 * w); x++) {
      const i = (y * w + x) * channels;
      if (data[i] + data[i + 1] + data[i + 2] > 3 * 110) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  return { x0: x0 / w, y0: y0 / h, x1: (x1 + 1) / w, y1: (y1 + 1) / h };
}

/** The composite's pixels (RGBA) in a window (fractions of the frame), as the page decodes them, with its size. */
async function compositeWindow(page: Page, sha: string, win: { x0: number; y0: number; x1: number; y1: number }) {
  return page.evaluate(
    async ({ sha, win }) => {
      const img = new Image();
      img.src = `/media/full/${sha}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      // Only the window's pixels come back (the rest paper white), to keep the transfer small.
      const [x, y] = [Math.round(win.x0 * c.width), Math.round(win.y0 * c.height)];
      const part = ctx.getImageData(x, y, Math.round(win.x1 * c.width) - x, Math.round(win.y1 * c.height) - y);
      return { width: c.width, height: c.height, x, y, w: part.width, data: Array.from(part.data) };
    },
    { sha, win },
  );
}

describe('the drawing tools', () => {
  it('draws a rectangle, character and camera arrows, a fill inside the rectangle and a text note', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. GARAGE — NIGHT', panels: 2, images: false }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.getByTestId('panel-editor').waitFor();
    snap = await waitForBoard(page, (s) => s.editor?.panelId === a[0] && !!s.editor.loaded && !!s.editor.frame);
    const f = snap.editor!.frame!;
    const saved = (n: number) => waitForBoard(page, (s) => s.editor?.strokes === n && s.editor.pending === 0);

    // Rectangle (U), with the mouse.
    await page.keyboard.press('u');
    await waitForBoard(page, (s) => s.editor?.tool === 'rect');
    // While dragging, the rectangle is previewed live (its top edge, its right edge) and nothing is saved yet.
    await dragIn(page, f, [[0.1, 0.2], [0.3, 0.4], [0.45, 0.65]], async () => {
      expect(colorDistance(await sampleColor(page, at(f, 0.3, 0.2), 2), [0x1b, 0x1b, 0x1d])).toBeLessThan(120);
      expect(colorDistance(await sampleColor(page, at(f, 0.45, 0.5), 2), [0x1b, 0x1b, 0x1d])).toBeLessThan(120);
      expect(colorDistance(await sampleColor(page, at(f, 0.3, 0.45), 4), PAPER)).toBeLessThan(10);
      expect(visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[0] }))).toHaveLength(0);
    });
    await saved(1);

    // Character arrow (A): solid, red, bowed up through the middle.
    await page.keyboard.press('a');
    await waitForBoard(page, (s) => s.editor?.tool === 'character-arrow');
    await page.getByRole('radio', { name: 'Ink #c8372d' }).click();
    await dragIn(page, f, [[0.55, 0.35], [0.7, 0.18], [0.85, 0.35]]);
    await saved(2);

    // Camera arrow (A again): outlined, straight.
    await page.keyboard.press('a');
    await waitForBoard(page, (s) => s.editor?.tool === 'camera-arrow');
    await page.getByRole('radio', { name: 'Ink #1b1b1d' }).click();
    await dragIn(page, f, [[0.55, 0.6], [0.7, 0.6], [0.88, 0.6]]);
    await saved(3);

    // Fill inside the rectangle (toolbar button), blue.
    await page.getByTestId('tool-fill').click();
    await page.getByRole('radio', { name: 'Ink #2f6fdf' }).click();
    await page.mouse.click(at(f, 0.25, 0.45).x, at(f, 0.25, 0.45).y);
    await saved(4);

    // Text (T): click, type, Enter.
    await page.keyboard.press('t');
    await page.getByRole('radio', { name: 'Ink #1b1b1d' }).click();
    await page.mouse.click(at(f, 0.1, 0.75).x, at(f, 0.1, 0.75).y);
    const entry = page.getByTestId('sketch-text-entry');
    await entry.waitFor();
    await page.keyboard.type('PUSH IN SLOWLY');
    await page.keyboard.press('Enter');
    await entry.waitFor({ state: 'detached' });
    snap = await saved(5);

    // Esc in the text field cancels it and leaves the editor open.
    await page.mouse.click(at(f, 0.6, 0.85).x, at(f, 0.6, 0.85).y);
    await entry.waitFor();
    await page.keyboard.type('nope');
    await page.keyboard.press('Escape');
    await entry.waitFor({ state: 'detached' });
    expect(await page.getByTestId('panel-editor').isVisible()).toBe(true);

    const layers = await fx.server.call<PanelLayers>('sketch.get', { panelId: a[0] });
    // The flood fill went on the Fill layer (under the lines); the shapes, arrows and text on Pencil, the active layer.
    const strokesOf = (name: string) => layers.layers.find((l) => l.name === name)!.strokes;
    const [rect, solid, outlined, text] = strokesOf('Pencil');
    const [fill] = strokesOf('Fill');
    expect(strokesOf('Pencil').map((s) => s.tool)).toEqual(['pen', 'fill', 'pen', 'text']);
    expect(strokesOf('Fill').map((s) => s.tool)).toEqual(['fill']);
    expect(visibleStrokes(layers).map((s) => s.tool)).toEqual(['fill', 'pen', 'fill', 'pen', 'text']);
    // The rectangle: a closed outline through its four corners.
    expect(rect.points).toHaveLength(5);
    const corners = rect.points.map(([x, y]) => [x, y]);
    expect(corners[0]).toEqual(corners[4]);
    for (const [c, [x, y]] of [[0, [0.1, 0.2]], [2, [0.45, 0.65]]] as const) {
      expect(corners[c][0]).toBeCloseTo(x, 2);
      expect(corners[c][1]).toBeCloseTo(y, 2);
    }
    // The character arrow: a red solid polygon whose tip is the drag's end, curved up through the bow.
    expect(solid.color).toBe('#c8372d');
    expect(solid.points.some(([x, y]) => Math.abs(x - 0.85) < 0.005 && Math.abs(y - 0.35) < 0.005)).toBe(true);
    expect(Math.min(...solid.points.map((p) => p[1]))).toBeLessThan(0.25);
    // The camera arrow: a closed pen outline whose tip is its drag end, straight.
    expect(outlined.points[0]).toEqual(outlined.points.at(-1));
    expect(outlined.points.some(([x, y]) => Math.abs(x - 0.88) < 0.005 && Math.abs(y - 0.6) < 0.005)).toBe(true);
    expect(Math.min(...outlined.points.map((p) => p[1]))).toBeGreaterThan(0.5);
    // The fill: blue, inside the rectangle (tucked under its line), not beyond it.
    expect(fill.color).toBe('#2f6fdf');
    const xs = fill.points.map((p) => p[0]);
    const ys = fill.points.map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThan(0.095);
    expect(Math.min(...xs)).toBeLessThan(0.11);
    expect(Math.max(...xs)).toBeLessThan(0.455);
    expect(Math.max(...xs)).toBeGreaterThan(0.44);
    expect(Math.min(...ys)).toBeGreaterThan(0.19);
    expect(Math.max(...ys)).toBeLessThan(0.66);
    // The text: its words at the click.
    expect(text).toMatchObject({ tool: 'text', text: 'PUSH IN SLOWLY' });
    expect(text.points[0][0]).toBeCloseTo(0.1, 2);
    expect(text.points[0][1]).toBeCloseTo(0.75, 2);

    // On screen: blue inside the rectangle, paper outside.
    expect(colorDistance(await sampleColor(page, at(f, 0.3, 0.5), 6), BLUE)).toBeLessThan(40);
    expect(colorDistance(await sampleColor(page, at(f, 0.3, 0.8), 6), PAPER)).toBeLessThan(20);
    await saveScreenshot(page, 'drawing-tools-editor.png');

    // The board's composite (thumbnails, PDF, animatic) has the fill inside the rectangle, paper outside.
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[0].thumbSha256 !== null);
    const sha = snap.board.scenes[0].panels[0].thumbSha256!;
    expect(colorDistance(await compositeColour(page, sha, 0.3, 0.5), BLUE)).toBeLessThan(30);
    expect(colorDistance(await compositeColour(page, sha, 0.2, 0.85), PAPER)).toBeLessThan(20);
    // The character arrow, solid red where its curve passes through the bow of the drag.
    expect(colorDistance(await compositeColour(page, sha, 0.7, 0.185), [0xc8, 0x37, 0x2d])).toBeLessThan(40);

    // The text sits in the same place at the same size in the editor (canvas) and the composite (glyph outlines).
    const textWindow = { x0: 0.05, y0: 0.7, x1: 0.6, y1: 0.9 };
    const shot = await sharp(await page.screenshot({ clip: f })).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const onScreen = inkBox(shot.data, shot.info.width, shot.info.height, 3, textWindow);
    const part = await compositeWindow(page, sha, textWindow);
    const full = new Uint8ClampedArray(part.width * part.height * 4).fill(255);
    for (let row = 0; row < part.data.length / 4 / part.w; row++) {
      full.set(part.data.slice(row * part.w * 4, (row + 1) * part.w * 4), ((part.y + row) * part.width + part.x) * 4);
    }
    const inComposite = inkBox(full, part.width, part.height, 4, textWindow);
    console.log(`text ink box: editor ${JSON.stringify(onScreen)}, composite ${JSON.stringify(inComposite)}`);
    expect(onScreen.x0).toBeCloseTo(0.1, 1);
    for (const k of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(onScreen[k] - inComposite[k])).toBeLessThan(0.004);
  });

  it('a flood fill inside a pencil outline over a reference picture lands on the Fill layer, under the lines; the picture\'s light areas let it through, its dark ones bound it', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'EXT. DUNES — DAY', panels: 1, images: false }]);
    // A light reference picture (sand) with one dark upright band (a post) at x 0.62–0.66, the frame's own shape.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="100%" height="100%" fill="#e4d8bc"/><rect x="992" y="0" width="64" height="900" fill="#1e1e1e"/></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    await fx.server.call('panels.setImage', { panelId: a[0], fileName: 'dunes.png', uploadId: await fx.server.upload('image', png) });
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.getByTestId('panel-editor').waitFor();
    snap = await waitForBoard(page, (s) => s.editor?.panelId === a[0] && !!s.editor.loaded && !!s.editor.frame && s.editor.activeLayer?.name === 'Pencil');
    const f = snap.editor!.frame!;
    const saved = (n: number) => waitForBoard(page, (s) => s.editor?.strokes === n && s.editor.pending === 0);
    const layer = async (name: string) => (await fx.server.call<PanelLayers>('sketch.get', { panelId: a[0] })).layers.find((l) => l.name === name)!;

    // Two pencil outlines (rectangles) over the picture, Pencil active: one on sand only, one across the post.
    await page.keyboard.press('u');
    await waitForBoard(page, (s) => s.editor?.tool === 'rect');
    await dragIn(page, f, [[0.1, 0.2], [0.3, 0.4], [0.45, 0.65]]);
    await saved(1);
    await dragIn(page, f, [[0.5, 0.2], [0.7, 0.4], [0.9, 0.65]]);
    await saved(2);

    // Fill inside the first, Pencil still the active layer: the fill lands on Fill, filling the whole outline.
    await page.getByTestId('tool-fill').click();
    await page.getByRole('radio', { name: 'Ink #2f6fdf' }).click();
    await page.mouse.click(at(f, 0.25, 0.45).x, at(f, 0.25, 0.45).y);
    snap = await saved(3);
    expect(snap.editor!.activeLayer?.name).toBe('Pencil');
    expect((await layer('Pencil')).strokes.map((s) => s.tool)).toEqual(['pen', 'pen']);
    const [fill] = (await layer('Fill')).strokes;
    expect(fill).toMatchObject({ tool: 'fill', color: '#2f6fdf' });
    const box = (pts: number[][]) => ({ x0: Math.min(...pts.map((p) => p[0])), x1: Math.max(...pts.map((p) => p[0])), y0: Math.min(...pts.map((p) => p[1])), y1: Math.max(...pts.map((p) => p[1])) });
    const b1 = box(fill.points);
    // The sand did not stop it: it reaches the outline on every side (tucked under the line), and no further.
    expect(b1.x0).toBeGreaterThan(0.095);
    expect(b1.x0).toBeLessThan(0.11);
    expect(b1.x1).toBeGreaterThan(0.44);
    expect(b1.x1).toBeLessThan(0.455);
    expect(b1.y0).toBeGreaterThan(0.19);
    expect(b1.y0).toBeLessThan(0.215);
    expect(b1.y1).toBeGreaterThan(0.635);
    expect(b1.y1).toBeLessThan(0.66);

    // Fill inside the second, left of the post: the picture's dark post bounds it, as the artist sees it.
    await page.mouse.click(at(f, 0.55, 0.45).x, at(f, 0.55, 0.45).y);
    await saved(4);
    const b2 = box((await layer('Fill')).strokes[1].points);
    expect(b2.x0).toBeLessThan(0.51);
    expect(b2.x1).toBeGreaterThan(0.6);
    expect(b2.x1).toBeLessThan(0.625);

    // On screen: blue inside the first outline, and its pencil line drawn over the fill (Pencil is above Fill).
    expect(colorDistance(await sampleColor(page, at(f, 0.3, 0.5), 6), BLUE)).toBeLessThan(40);
    expect(colorDistance(await sampleColor(page, at(f, 0.3, 0.2), 2), [0x1b, 0x1b, 0x1d])).toBeLessThan(120);
    await saveScreenshot(page, 'drawing-fill-layer.png');

    // Tone active: the fill goes on Tone.
    await page.locator('[data-testid="layer-row"][data-layer-name="Tone"]').click();
    await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Tone');
    await page.mouse.click(at(f, 0.8, 0.45).x, at(f, 0.8, 0.45).y);
    await saved(5);
    expect((await layer('Tone')).strokes.map((s) => s.tool)).toEqual(['fill']);
    expect((await layer('Fill')).strokes).toHaveLength(2);

    // Fill locked, Pencil active: the fill is refused with the locked-layer message, and nothing is added.
    await page.locator('[data-testid="layer-row"][data-layer-name="Pencil"]').click();
    await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Pencil');
    await page.locator('[data-testid="layer-row"][data-layer-name="Fill"]').getByTestId('layer-lock').click();
    await expect.poll(async () => (await layer('Fill')).locked).toBe(true);
    await page.mouse.click(at(f, 0.25, 0.45).x, at(f, 0.25, 0.45).y);
    await expect.poll(() => page.getByTestId('notice-message').textContent()).toContain('The Fill layer is locked. Unlock it to draw or change it.');
    expect(visibleStrokes(await fx.server.call<PanelLayers>('sketch.get', { panelId: a[0] }))).toHaveLength(5);
    expect(app.errors).toEqual([]);
  });
});
