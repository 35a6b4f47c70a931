import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type PanelLayers, visibleStrokes } from '../../shared/domain/sketch';
import { allPanels, center, saveScreenshot, waitForBoard } from './browser';
import { useWebApp } from './fixture';

const fx = useWebApp();

const line = (y: number) => ({ tool: 'pencil', color: '#202020', size: 0.01, opacity: 1, points: [[0.1, y, 0.5], [0.9, y, 0.5]] });

/** Opens the pick dialog of one variation from the gallery. */
async function openPick(page: Page, variationId: string) {
  await page.locator(`[data-testid="gen-variation"][data-variation-id="${variationId}"]`).getByTestId('gen-pick').click();
  await page.getByTestId('pick-dialog').waitFor();
}

async function submitPick(page: Page) {
  await page.getByTestId('pick-dialog-submit').click();
  await page.getByTestId('pick-dialog').waitFor({ state: 'detached' });
}

describe('picking a variation over a drawing', () => {
  it('offers "Under my drawing" (default) or "Replace the drawing" only when the panel has strokes; replacing is one undo step with the pick', async () => {
    await fx.server.call('project.new', { title: 'Dunes', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'EXT. DUNES - DAY' } });
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id, patch: { action: 'A rider crests the dune' } });
    await fx.server.call('generation.start', { panelId: panel.id, providerId: 'builtin', prompt: 'A rider crests the dune', count: 3, seed: 5 });
    await expect.poll(async () => (await fx.server.call<unknown[]>('variations.list', { panelId: panel.id })).length, { timeout: 30_000 }).toBe(3);
    const [v1, v2, v3] = await fx.server.call<{ id: string; imageSha256: string }[]>('variations.list', { panelId: panel.id });
    const sketch = () => fx.server.call<PanelLayers>('sketch.get', { panelId: panel.id });

    const app = await fx.open();
    const { page } = app;
    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    const card = center(snap.cards[panel.id]);
    await page.mouse.click(card.x, card.y);
    await waitForBoard(page, (s) => s.selectedPanelId === panel.id);
    await page.getByTestId('side-tab-generate').click();
    await expect.poll(() => page.getByTestId('gen-variation').count(), { timeout: 30_000 }).toBe(3);

    // No strokes: no choice, a plain pick.
    await openPick(page, v1.id);
    await page.waitForTimeout(800); // the dialog asks the core for the panel's layers: give it time to (not) show the choice
    expect(await page.getByTestId('pick-drawing').count()).toBe(0);
    await submitPick(page);
    snap = await waitForBoard(page, (s) => allPanels(s)[0].imageSha256 === v1.imageSha256);

    // The artist draws over it (two strokes on Pencil and Ink).
    await fx.server.call('sketch.addStroke', { panelId: panel.id, stroke: line(0.3), layerId: 'std:pencil' });
    await fx.server.call('sketch.addStroke', { panelId: panel.id, stroke: line(0.6), layerId: 'std:ink' });

    // Now the pick dialog asks; "Under my drawing" is the default: the picture goes under the strokes.
    await openPick(page, v2.id);
    await page.getByTestId('pick-drawing').waitFor();
    expect(await page.getByTestId('pick-drawing-under').isChecked()).toBe(true);
    expect(await page.getByTestId('pick-drawing-replace').isChecked()).toBe(false);
    await submitPick(page);
    await waitForBoard(page, (s) => allPanels(s)[0].imageSha256 === v2.imageSha256);
    let layers = await sketch();
    expect(layers.image?.sha256).toBe(v2.imageSha256);
    expect(visibleStrokes(layers)).toHaveLength(2);

    // "Replace the drawing": the picture becomes the panel's and the strokes are cleared, in one undo step.
    await openPick(page, v3.id);
    await page.getByTestId('pick-why').fill('Cleaner silhouette');
    await page.getByTestId('pick-drawing-replace').check();
    await saveScreenshot(page, 'pick-drawing-choice.png');
    await submitPick(page);
    snap = await waitForBoard(page, (s) => allPanels(s)[0].imageSha256 === v3.imageSha256 && s.history.undoLabel === 'Pick variation for panel 1A, replacing the drawing');
    layers = await sketch();
    expect(layers.image?.sha256).toBe(v3.imageSha256);
    expect(visibleStrokes(layers)).toEqual([]);
    // The board's picture is the new image itself (nothing drawn over it any more).
    await waitForBoard(page, (s) => allPanels(s)[0].thumbSha256 === v3.imageSha256);

    // The decision log notes it.
    await page.getByTestId('side-tab-log').click();
    const entry = page.locator('[data-testid="log-entry"][data-kind="variation.picked"]', { hasText: 'replacing the drawing' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Cleaner silhouette');
    expect(await page.locator('[data-testid="log-entry"][data-kind="variation.picked"]').count()).toBe(3);
    const decisions = await fx.server.call<{ newValue: string; data: { drawing?: string } }[]>('decisions.list', { panelId: panel.id, kinds: ['variation.picked'] });
    expect(decisions.map((d) => [d.newValue, d.data.drawing ?? null])).toEqual([
      [v1.imageSha256, null],
      [v2.imageSha256, null],
      [v3.imageSha256, 'replaced'],
    ]);

    // One undo brings back both the previous picture and the strokes.
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => allPanels(s)[0].imageSha256 === v2.imageSha256);
    layers = await sketch();
    expect(layers.image?.sha256).toBe(v2.imageSha256);
    expect(visibleStrokes(layers)).toHaveLength(2);
    expect((await fx.server.call<unknown[]>('decisions.list', { panelId: panel.id, kinds: ['variation.picked'] })).length).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
