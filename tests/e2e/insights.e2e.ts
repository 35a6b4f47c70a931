/** Issue 15: the Insights tab draws the board's figures, and a click on a bar, a strip or a swatch selects those panels. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, until, waitForBoard } from './browser';
import { useWebApp } from './fixture';
import { solidPng } from './images';
import type { RunningWebServer } from './web-server';

const fx = useWebApp();

interface Seeded {
  [shot: string]: string;
}

/** Two scenes: red wides on 24 mm, a blue close-up on 50 mm, and a medium shot without a picture. */
async function seed(server: RunningWebServer): Promise<Seeded> {
  await server.call('project.new', { title: 'Insights', aspectRatio: '16:9' });
  const spec = [
    { heading: 'EXT. QUAY - DAWN', panels: [
      { shotSize: 'WS', lensMm: 24, durationMs: 3000, rgb: [220, 30, 30] },
      { shotSize: 'CU', lensMm: 50, durationMs: 1000, rgb: [30, 60, 220] },
      { shotSize: 'WS', lensMm: 24, durationMs: 2000, rgb: [220, 30, 30] },
    ] },
    { heading: 'INT. CABIN - DAY', panels: [{ shotSize: 'MS', lensMm: 85, durationMs: 4000, rgb: null }] },
  ] as const;
  const ids: Seeded = {};
  for (const s of spec) {
    const scene = await server.call<{ id: string }>('scenes.create', { patch: { heading: s.heading } });
    for (const p of s.panels) {
      const panel = await server.call<{ id: string; shotNumber: string }>('panels.create', { sceneId: scene.id, patch: { shotSize: p.shotSize, lensMm: p.lensMm, durationMs: p.durationMs } });
      ids[panel.shotNumber] = panel.id;
      if (p.rgb) await server.call('panels.setImage', { panelId: panel.id, fileName: 'c.png', uploadId: await server.upload('image', await solidPng([...p.rgb] as [number, number, number])) });
    }
  }
  return ids;
}

const barValue = (page: Page, chart: string, key: string) => page.getByTestId(chart).locator(`[data-key="${key}"]`).getAttribute('data-value');

describe('insights (web mode)', () => {
  it('shows coverage, pacing and palettes; a bar, a rhythm bar and a swatch select their panels', async () => {
    const ids = await seed(fx.server);
    const app = await fx.open();
    const { page } = app;
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 4);
    await page.getByTestId('side-tab-insights').click();
    await page.getByTestId('insights-panel').waitFor();

    await until(() => page.getByTestId('insights-totals').textContent(), (t) => !!t?.includes('4Panels'), 'the totals count four panels');
    expect(await barValue(page, 'insights-shot-sizes', 'WS')).toBe('2');
    expect(await barValue(page, 'insights-shot-sizes', 'CU')).toBe('1');
    expect(await barValue(page, 'insights-shot-sizes', 'MS')).toBe('1');
    expect(await barValue(page, 'insights-lenses', '24')).toBe('2');
    await saveScreenshot(page, 'insights-coverage.png');

    // The WS bar selects both wides.
    await page.getByTestId('insights-shot-sizes').locator('[data-key="WS"]').click();
    await waitForBoard(page, (s) => s.selectedPanelIds.join() === [ids['1A'], ids['1C']].join());

    // Scene 1's close-up segment in the per-scene coverage selects the close-up.
    const scene1 = (await waitForBoard(page, () => true)).board.scenes[0].id;
    await page.locator(`[data-testid="insights-scene-coverage"] [data-scene="${scene1}"][data-size="CU"]`).click();
    await waitForBoard(page, (s) => s.selectedPanelIds.join() === ids['1B']);

    // A rhythm bar selects its panel.
    await page.locator(`[data-testid="insights-rhythm"] [data-panel="${ids['2A']}"]`).click();
    await waitForBoard(page, (s) => s.selectedPanelId === ids['2A']);

    // The project palette has the red of the wides; its swatch selects them.
    const hexes = await page.getByTestId('insights-palette').locator('[data-hex]').evaluateAll((els) => els.map((e) => e.getAttribute('data-hex') ?? ''));
    const red = hexes.find((h) => parseInt(h.slice(1, 3), 16) > 150 && parseInt(h.slice(3, 5), 16) < 90 && parseInt(h.slice(5, 7), 16) < 90);
    expect(red, `a red swatch among ${hexes.join(' ')}`).toBeTruthy();
    await page.getByTestId('insights-palette').locator(`[data-hex="${red}"]`).click();
    await waitForBoard(page, (s) => s.selectedPanelIds.join() === [ids['1A'], ids['1C']].join());
    await saveScreenshot(page, 'insights.png');

    // Scene 2 alone: one panel of 4 s.
    await page.getByTestId('insights-scope-scene').nth(1).click();
    await until(() => page.getByTestId('insights-totals').textContent(), (t) => !!t?.includes('1Panels'), 'the scope narrows to scene 2');
    expect(await page.getByTestId('insights-scene').count()).toBe(1);

    // An edit on the board shows in the figures: make the close-up a wide.
    await page.getByTestId('insights-scope-all').click();
    await fx.server.call('panels.update', { ids: [ids['1B']], patch: { shotSize: 'WS' } });
    await until(() => barValue(page, 'insights-shot-sizes', 'WS'), (v) => v === '3', 'the figures follow the board');
    expect(app.errors).toEqual([]);
  });
});
