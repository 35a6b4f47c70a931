import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Board } from '../../shared/domain/board';
import type { PanelLayers, Stroke } from '../../shared/domain/sketch';
import { apply, rotateAbout, selectionBox as boxAround } from '../../renderer/src/editor/tools/selection-geometry';
import { center, saveScreenshot, until, waitForBoard } from './browser';
import { TALL, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

type Frame = { x: number; y: number; width: number; height: number };
type Box = { x0: number; y0: number; x1: number; y1: number };
const at = (f: Frame, x: number, y: number) => ({ x: f.x + f.width * x, y: f.y + f.height * y });

/** A real mouse drag between two frame points (fractions of the frame). */
async function drag(page: Page, f: Frame, from: [number, number], to: [number, number]): Promise<void> {
  await page.mouse.move(at(f, ...from).x, at(f, ...from).y);
  await page.mouse.down();
  await page.mouse.move(at(f, ...to).x, at(f, ...to).y, { steps: 12 });
  await page.mouse.up();
}

/** The selection's box as the overlay draws it (normalised), once it is the box around `strokes` (the editor has reloaded them). */
async function selectionBox(page: Page, strokes: Stroke[], aspect: number): Promise<Box> {
  const want = boxAround(strokes, aspect)!;
  const read = async () => {
    const [x0, y0, x1, y1] = (await page.getByTestId('selection-box').getAttribute('data-box'))!.split(' ').map(Number);
    return { x0, y0, x1, y1 };
  };
  return until(read, (b) => (['x0', 'y0', 'x1', 'y1'] as const).every((k) => Math.abs(b[k] - want[k]) < 1e-4), 'the selection box is around the strokes');
}

const pts = (s: Stroke) => s.points.map(([x, y]) => [x, y]);
function expectPoints(actual: Stroke, expected: number[][], digits = 3): void {
  expect(actual.points).toHaveLength(expected.length);
  actual.points.forEach(([x, y], i) => {
    expect(x).toBeCloseTo(expected[i][0], digits);
    expect(y).toBeCloseTo(expected[i][1], digits);
  });
}

describe('the selection tool', () => {
  it('selects strokes with a box, moves, scales and turns them (one undo step each), nudges, deletes; the text tool re-words a note', async () => {
    await fx.server.call('project.new', { title: 'Select', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.dblclick(center(snap.cards[panel.id]).x, center(snap.cards[panel.id]).y);
    await page.getByTestId('panel-editor').waitFor();
    await page.locator('[data-testid="layer-row"][data-layer-name="Ink"]').click();
    snap = await waitForBoard(page, (s) => s.editor?.activeLayer?.name === 'Ink' && !!s.editor.loaded && !!s.editor.frame);
    const f = snap.editor!.frame!;
    const aspect = f.width / f.height;
    const ink = async () => (await fx.server.call<PanelLayers>('sketch.get', { panelId: panel.id })).layers.find((l) => l.name === 'Ink')!.strokes;
    const settled = (label: string) => waitForBoard(page, (s) => s.history.undoLabel === label && s.editor?.pending === 0);

    // Three pen strokes: two on the left, one far off at the bottom right.
    await page.keyboard.press('p');
    for (const [n, [from, to]] of ([[[0.2, 0.3], [0.4, 0.3]], [[0.2, 0.5], [0.4, 0.55]], [[0.7, 0.85], [0.9, 0.85]]] as [number, number][][]).entries()) {
      await drag(page, f, from, to);
      await waitForBoard(page, (s) => s.editor?.strokes === n + 1 && s.editor.pending === 0);
    }
    const [a0, b0, c0] = await ink();

    // V: the selection tool. A box dragged over the left two takes them, not the third.
    await page.keyboard.press('v');
    await waitForBoard(page, (s) => s.editor?.tool === 'select');
    expect(await page.getByTestId('tool-select').getAttribute('title')).toMatch(/\(V\)$/);
    await drag(page, f, [0.15, 0.2], [0.45, 0.6]);
    await waitForBoard(page, (s) => s.editor?.selected === 2);
    expect(await page.getByTestId('selection-overlay').getAttribute('data-selected')).toBe('2');

    // Drag inside the box: both move by the drag, saved as one step; the third stays.
    await drag(page, f, [0.3, 0.4], [0.4, 0.45]);
    await settled('Transform 2 strokes on 1A');
    let [a, b, c] = await ink();
    expectPoints(a, pts(a0).map(([x, y]) => [x + 0.1, y + 0.05]), 2);
    expectPoints(b, pts(b0).map(([x, y]) => [x + 0.1, y + 0.05]), 2);
    expect(c).toEqual(c0);
    expect(a.size).toBe(a0.size);

    // One Ctrl+Z puts them back exactly where they were.
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => s.history.redoLabel === 'Transform 2 strokes on 1A');
    await until(ink, (s) => JSON.stringify(s) === JSON.stringify([a0, b0, c0]), 'the strokes are back where they were drawn');

    // Esc in the middle of a drag puts the strokes back: nothing is saved, the selection and the editor stay.
    await page.mouse.move(at(f, 0.3, 0.4).x, at(f, 0.3, 0.4).y);
    await page.mouse.down();
    await page.mouse.move(at(f, 0.5, 0.5).x, at(f, 0.5, 0.5).y, { steps: 6 });
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await ink()).toEqual([a0, b0, c0]);
    snap = await waitForBoard(page, (s) => s.editor?.pending === 0);
    expect(snap.history.redoLabel).toBe('Transform 2 strokes on 1A');
    expect(snap.editor!.selected).toBe(2);

    // Shift+↓ nudges the selection ten pixels down (its own undo step) instead of stepping to another panel.
    await selectionBox(page, [a0, b0], aspect); // the editor shows them back too
    await page.keyboard.press('Shift+ArrowDown');
    await settled('Transform 2 strokes on 1A');
    [a] = await ink();
    expectPoints(a, pts(a0).map(([x, y]) => [x, y + 10 / f.height]), 3);
    expect((await waitForBoard(page, (s) => !!s.editor)).editor!.panelId).toBe(panel.id);
    await page.keyboard.press('Control+z');
    await until(ink, (s) => JSON.stringify(s[0]) === JSON.stringify(a0), 'the nudge is undone');

    // Shift and the bottom-right corner: scaled about the top-left corner, proportions and stroke widths kept in step.
    let box = await selectionBox(page, [a0, b0], aspect);
    const s = (box.x1 + 0.1 - box.x0) / (box.x1 - box.x0);
    await page.keyboard.down('Shift');
    await drag(page, f, [box.x1, box.y1], [box.x1 + 0.1, box.y1]);
    await page.keyboard.up('Shift');
    await settled('Transform 2 strokes on 1A');
    [a, b] = await ink();
    const scaled = (st: Stroke) => pts(st).map(([x, y]) => [box.x0 + (x - box.x0) * s, box.y0 + (y - box.y0) * s]);
    expectPoints(a, scaled(a0), 2);
    expectPoints(b, scaled(b0), 2);
    expect(a.size / a0.size).toBeCloseTo(s, 2);
    const [a1, b1] = [a, b];
    // The inspector's picture shows the scaled strokes: the composite the edit stored, loaded.
    const composite = (await fx.server.call<Board>('board.get')).scenes[0].panels[0].thumbSha256!;
    await page.waitForFunction((sha) => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="inspector-image"]');
      return !!img && img.src.includes(sha) && img.complete && img.naturalWidth > 0;
    }, composite);
    await saveScreenshot(page, 'drawing-select-scaled.png');

    // The handle above the box, turned a quarter clockwise with Shift (snapping to 15°): about the box's middle.
    box = await selectionBox(page, [a1, b1], aspect);
    const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
    const handle = center((await page.getByTestId('selection-rotate').boundingBox())!);
    expect(handle.x).toBeCloseTo(at(f, cx, 0).x, 0);
    expect(handle.y).toBeLessThan(at(f, 0, box.y0).y); // above the box
    const mid = at(f, cx, cy);
    const r = mid.y - handle.y;
    await page.mouse.move(handle.x, handle.y);
    await page.keyboard.down('Shift');
    await page.mouse.down();
    for (let k = 1; k <= 12; k++) await page.mouse.move(mid.x + r * Math.sin((k / 12) * (Math.PI / 2)) + 1, mid.y - r * Math.cos((k / 12) * (Math.PI / 2)) + 1);
    await saveScreenshot(page, 'drawing-select-turning.png');
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await until(ink, (st) => JSON.stringify(st[0]) !== JSON.stringify(a1), 'the turn is saved');
    await settled('Transform 2 strokes on 1A');
    [a, b] = await ink();
    const quarter = rotateAbout(Math.PI / 2, cx, cy, aspect);
    expectPoints(a, pts(a1).map(([x, y]) => apply(quarter, x, y)), 3);
    expectPoints(b, pts(b1).map(([x, y]) => apply(quarter, x, y)), 3);
    // Turned: the first stroke, drawn across, now runs down.
    expect(Math.abs(a.points[0][0] - a.points.at(-1)![0])).toBeLessThan(0.01);
    expect(Math.abs(a.points[0][1] - a.points.at(-1)![1])).toBeGreaterThan(0.2);

    // One undo takes the whole turn back.
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => s.history.redoLabel === 'Transform 2 strokes on 1A');
    await until(ink, (st) => JSON.stringify(st.slice(0, 2)) === JSON.stringify([a1, b1]), 'the turn is undone in one step');

    // Esc lets go of the selection and leaves the editor open; a click on the far stroke takes it alone; Delete deletes it.
    await page.keyboard.press('Escape');
    await waitForBoard(page, (s) => s.editor?.selected === 0);
    expect(await page.getByTestId('panel-editor').isVisible()).toBe(true);

    // V again: the lasso. A loop drawn round the far stroke takes it alone; V back to the box keeps it.
    await page.keyboard.press('v');
    await waitForBoard(page, (s) => s.editor?.tool === 'lasso');
    const ring = Array.from({ length: 25 }, (_, k) => [0.8 + 0.14 * Math.cos((k / 24) * 2 * Math.PI), 0.85 + 0.1 * Math.sin((k / 24) * 2 * Math.PI)] as [number, number]);
    await page.mouse.move(at(f, ...ring[0]).x, at(f, ...ring[0]).y);
    await page.mouse.down();
    for (const p of ring.slice(1)) await page.mouse.move(at(f, ...p).x, at(f, ...p).y, { steps: 2 });
    await page.mouse.up();
    await waitForBoard(page, (s) => s.editor?.selected === 1);
    await page.keyboard.press('v');
    await waitForBoard(page, (s) => s.editor?.tool === 'select' && s.editor.selected === 1);
    await page.keyboard.press('Escape');
    await waitForBoard(page, (s) => s.editor?.selected === 0);
    await page.mouse.click(at(f, 0.8, 0.85).x, at(f, 0.8, 0.85).y);
    await waitForBoard(page, (s) => s.editor?.selected === 1);
    await page.keyboard.press('Delete');
    await settled('Erase a stroke on 1A');
    expect((await ink()).map((st) => st.id)).toEqual([a1.id, b1.id]);

    // Ctrl+A takes every stroke of the layer; Delete removes them all as one step.
    await page.keyboard.press('Control+a');
    await waitForBoard(page, (s) => s.editor?.selected === 2);
    await page.keyboard.press('Backspace');
    await settled('Erase 2 strokes on 1A');
    expect(await ink()).toEqual([]);

    // A locked layer cannot be selected from.
    await page.keyboard.press('Control+z');
    await until(ink, (st) => st.length === 2, 'the strokes are back');
    await page.locator('[data-testid="layer-row"][data-layer-name="Ink"] [data-testid="layer-lock"]').click();
    await waitForBoard(page, (s) => s.history.undoLabel?.startsWith('Lock') === true);
    const overlayCursor = () => page.getByTestId('selection-overlay').evaluate((el) => (el as HTMLElement).style.cursor);
    await until(overlayCursor, (c) => c === 'not-allowed', 'the selection tool shows the layer is locked');
    await page.keyboard.press('Control+a');
    await drag(page, f, [0.1, 0.1], [0.9, 0.9]);
    expect((await waitForBoard(page, (s) => !!s.editor)).editor!.selected).toBe(0);
    await page.locator('[data-testid="layer-row"][data-layer-name="Ink"] [data-testid="layer-lock"]').click();
    await waitForBoard(page, (s) => s.history.undoLabel?.startsWith('Unlock') === true);
    await until(overlayCursor, (c) => c !== 'not-allowed', 'the selection tool takes strokes again');

    // With a stroke selected, Ctrl+C copies only it: Ctrl+V pastes that one stroke.
    const [ax, ay] = a1.points[Math.floor(a1.points.length / 2)];
    await page.mouse.click(at(f, ax, ay).x, at(f, ax, ay).y);
    await waitForBoard(page, (s) => s.editor?.selected === 1);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await settled('Paste a stroke on 1A');
    const pasted = (await ink()).at(-1)!;
    expect((await ink()).length).toBe(3);
    expect({ ...pasted, id: a1.id }).toEqual(a1);

    // The text tool: a note set, then clicked again to change its words (one step), then emptied to delete it.
    await page.keyboard.press('t');
    await page.mouse.click(at(f, 0.1, 0.85).x, at(f, 0.1, 0.85).y);
    const entry = page.getByTestId('sketch-text-entry');
    await entry.waitFor();
    await page.keyboard.type('OLD NOTE');
    await page.keyboard.press('Enter');
    await settled('Text on 1A');
    const note = (await ink()).find((st) => st.tool === 'text')!;
    await page.mouse.click(at(f, 0.12, 0.86).x, at(f, 0.12, 0.86).y);
    await entry.waitFor();
    expect(await entry.inputValue()).toBe('OLD NOTE');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('NEW NOTE');
    await page.keyboard.press('Enter');
    await settled('Edit text on 1A');
    const notes = (await ink()).filter((st) => st.tool === 'text');
    expect(notes).toEqual([{ ...note, text: 'NEW NOTE' }]);
    await page.mouse.click(at(f, 0.12, 0.86).x, at(f, 0.12, 0.86).y);
    await entry.waitFor();
    expect(await entry.inputValue()).toBe('NEW NOTE');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await settled('Erase a stroke on 1A');
    expect((await ink()).filter((st) => st.tool === 'text')).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
