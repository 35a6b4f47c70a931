/** Papercuts of the board's view (issue 13, item 12): side panel tabs that reflowed the board, a Fit that only shrank it. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Rect } from '../../renderer/src/board/layout';
import { saveScreenshot, snapshot, waitForBoard } from './browser';
import { seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const LAPTOP = { width: 1366, height: 768 };
const SCENES = [
  { heading: 'INT. KITCHEN - NIGHT', panels: 7 },
  { heading: 'EXT. STREET - DAY', panels: 5 },
  { heading: 'INT. CAR - CONTINUOUS', panels: 4 },
];

/** Cards in the board's first row. */
const columns = (cards: Record<string, Rect>, first: string) => Object.values(cards).filter((c) => c.y === cards[first].y).length;

async function sideWidth(page: Page): Promise<number> {
  return (await page.getByTestId('side-panel').boundingBox())!.width;
}

describe('papercuts: the board view', () => {
  it('switching the side panel between its tabs keeps its width, and the board its columns and cards where they were', async () => {
    const [ids] = await seedBoard(fx.server, SCENES, { title: 'Tabs' });
    const { page, errors } = await fx.open(LAPTOP);
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 16);
    const before = await waitReady(page);
    const width = await sideWidth(page);
    const tabs: [string, string][] = [
      ['generate', 'generate-panel'],
      ['log', 'decision-log'],
      ['script', 'script-pane'],
      ['shot', 'inspector'],
    ];
    for (const [tab, content] of tabs) {
      await page.getByTestId(`side-tab-${tab}`).click();
      await page.getByTestId(content).waitFor();
      if (tab === 'generate') await saveScreenshot(page, 'papercuts-side-generate.png');
      expect(await sideWidth(page)).toBe(width);
      const snap = await snapshot(page);
      expect(snap.viewport).toEqual(before.viewport);
      expect(columns(snap.cards, ids[0])).toBe(columns(before.cards, ids[0]));
      expect(snap.cards).toEqual(before.cards);
    }
    expect(errors).toEqual([]);
  });

  it('Fit (Shift+1) wraps the board anew so all of it shows, more cards a row, filling the view; Actual Size goes back', async () => {
    const [ids, , car] = await seedBoard(fx.server, SCENES, { title: 'Fit' });
    const { page, errors } = await fx.open(LAPTOP);
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 16);
    const before = await waitReady(page);
    const wide = columns(before.cards, ids[0]);
    // At 100% the board is taller than the view.
    const v = before.viewport!;
    expect(Object.values(before.cards).some((c) => c.y + c.height > v.y + v.height)).toBe(true);

    await page.mouse.click(v.x + v.width - 10, v.y + v.height - 10); // the board has the keys
    await page.keyboard.press('Shift+Digit1');
    const fit = await waitForBoard(page, (s) => s.camera.scale < 1);
    await waitReady(page);
    await saveScreenshot(page, 'papercuts-board-fit.png');
    const inside = (c: Rect) => c.x >= v.x && c.y >= v.y && c.x + c.width <= v.x + v.width + 0.5 && c.y + c.height <= v.y + v.height + 0.5;
    expect(Object.values(fit.cards).every(inside)).toBe(true);
    expect(Object.values(fit.headers).every(inside)).toBe(true);
    expect(columns(fit.cards, ids[0])).toBeGreaterThan(wide);
    // The rows (a scene header spans them) use the view's width rather than a strip in its middle.
    expect(Object.values(fit.headers)[0].width).toBeGreaterThan(v.width * 0.85);
    expect(await page.getByTestId('zoom-level').textContent()).toBe(`${Math.round(fit.camera.scale * 100)}%`);

    // Actual Size: 100%, and the rows wrap to the view again.
    await page.getByTestId('zoom-level').click();
    const actual = await waitForBoard(page, (s) => s.camera.scale === 1);
    expect(columns(actual.cards, ids[0])).toBe(wide);
    expect(actual.cards[ids[0]]).toEqual(before.cards[ids[0]]);

    // Fit, pick a panel of the last scene, Ctrl+0: back to 100% with that panel in view.
    await page.keyboard.press('Shift+Digit1');
    const again = await waitForBoard(page, (s) => s.camera.scale < 1);
    const last = again.cards[car[3]];
    await page.mouse.click(last.x + last.width / 2, last.y + last.height / 2);
    await waitForBoard(page, (s) => s.selectedPanelId === car[3]);
    await page.keyboard.press('Control+0');
    const shown = await waitForBoard(page, (s) => s.camera.scale === 1 && s.visibleIds.includes(car[3]));
    expect(columns(shown.cards, ids[0])).toBe(wide);
    expect(inside(shown.cards[car[3]])).toBe(true);
    expect(errors).toEqual([]);
  });
});
