/** Papercuts of the timeline (issue 13, item 12): Home and End, a divider to resize it, scene marks on its ruler. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { center, saveScreenshot, snapshot, until, waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const LAPTOP = { width: 1366, height: 768 };
/** Panels are 2 s long at 24 fps. */
const PANEL = 48;
const playhead = async (page: Page) => Number(await page.getByTestId('timeline-playhead').getAttribute('data-frame'));
/** Waits for the playhead to reach a frame (it moves on the next render). */
const playheadAt = (page: Page, frame: number) => until(() => playhead(page), (f) => f === frame, `the playhead at ${frame}`);
const splitterValue = async (page: Page) => Number(await page.getByTestId('timeline-splitter').getAttribute('aria-valuenow'));
const splitterAt = (page: Page, height: number) => until(() => splitterValue(page), (h) => h === height, `the timeline ${height} px tall`);
const boardHeight = async (page: Page) => (await snapshot(page)).viewport!.height;

describe('papercuts: the timeline', () => {
  it('Home and End move the playhead to the start and the end; Ctrl+Home and Ctrl+End select the first and the last panel', async () => {
    const [first, second] = await seedBoard(fx.server, [{ heading: 'INT. A - DAY', panels: 3, images: false }, { heading: 'INT. B - DAY', panels: 2, images: false }], { title: 'Keys' });
    const { page, errors } = await fx.open(LAPTOP);
    const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 5);
    // The timeline arrives after the board; a playhead stepped before then would be reset by its arrival.
    await page.getByTestId('timeline-clip').nth(4).waitFor();
    const p = center(snap.cards[first[0]]);
    await page.mouse.click(p.x, p.y);
    await waitForBoard(page, (s) => s.selectedPanelId === first[0]);
    for (let i = 0; i < 12; i++) await page.keyboard.press('.');
    await playheadAt(page, 12);

    // Inside the first panel, Home still goes to frame 0 (it used to select the first panel, already selected).
    await page.keyboard.press('Home');
    await playheadAt(page, 0);
    await page.keyboard.press('End');
    await playheadAt(page, 5 * PANEL - 1);
    await waitForBoard(page, (s) => s.selectedPanelId === second[1]); // the board follows the playhead

    await page.keyboard.press('Control+Home');
    await waitForBoard(page, (s) => s.selectedPanelId === first[0] && s.selectedPanelIds.length === 1);
    await playheadAt(page, 0);
    await page.keyboard.press('Control+End');
    await waitForBoard(page, (s) => s.selectedPanelId === second[1]);
    await page.keyboard.press('Shift+Home');
    await waitForBoard(page, (s) => s.selectedPanelIds.length === 5);

    // The transport's buttons do the same.
    await page.getByTestId('timeline-to-start').click();
    await playheadAt(page, 0);
    await page.getByTestId('timeline-to-end').click();
    await playheadAt(page, 5 * PANEL - 1);
    expect(errors).toEqual([]);
  });

  it('the divider above the timeline resizes it by mouse and keyboard, within limits, and is remembered after a reload', async () => {
    await seedBoard(fx.server, [{ heading: 'INT. A - DAY', panels: 4, images: false }], { title: 'Divider' });
    const { page, errors } = await fx.open(LAPTOP);
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 4);
    const splitter = page.getByTestId('timeline-splitter');
    expect(await splitter.getAttribute('role')).toBe('separator');
    const start = await splitterValue(page);
    const board = await boardHeight(page);

    // Dragged up 100 px: the timeline is 100 px taller, the board 100 px shorter.
    const box = (await splitter.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - 50, { steps: 4 });
    await page.mouse.move(x, y - 100, { steps: 4 });
    await page.mouse.up();
    await splitterAt(page, start + 100);
    expect(await until(() => boardHeight(page), (h) => h === board - 100, 'the board gives up the room')).toBe(board - 100);
    expect(await page.getByTestId('timeline').evaluate((el) => el.querySelector('.tl-body')!.getBoundingClientRect().height)).toBe(start + 100);
    await saveScreenshot(page, 'papercuts-timeline-divider.png');

    // Keyboard: arrows step it, Home/End take it to its limits without moving the playhead.
    await page.keyboard.press('.');
    await playheadAt(page, 1);
    await splitter.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await splitterAt(page, start + 100 - 32);
    await page.keyboard.press('End');
    const max = Number(await splitter.getAttribute('aria-valuemax'));
    await splitterAt(page, max);
    expect(await until(() => boardHeight(page), (h) => h <= 170, 'the board keeps a strip')).toBeGreaterThanOrEqual(150);
    await page.keyboard.press('Home');
    const min = Number(await splitter.getAttribute('aria-valuemin'));
    await splitterAt(page, min);
    await playheadAt(page, 1);

    // The height chosen last outlives a reload.
    await page.keyboard.press('ArrowUp');
    const chosen = await splitterAt(page, min + 16);
    await page.reload();
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 4);
    await splitterAt(page, chosen);
    expect(errors).toEqual([]);
  });

  it('the ruler marks where each scene starts, with its number and heading; a click on a mark moves the playhead there', async () => {
    const [, second, third] = await seedBoard(
      fx.server,
      [
        { heading: 'INT. KITCHEN - NIGHT', panels: 2 },
        { heading: 'EXT. STREET - DAY', panels: 3 },
        { heading: 'INT. CAR - CONTINUOUS', panels: 1 },
      ],
      { title: 'Scenes' },
    );
    const { page, errors } = await fx.open(LAPTOP);
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 6);
    const marks = page.getByTestId('timeline-scene-mark');
    await until(() => marks.count(), (n) => n === 3, 'three scene marks');
    expect(await marks.evaluateAll((els) => els.map((e) => [e.getAttribute('data-frame'), e.textContent]))).toEqual([
      ['0', '1 INT. KITCHEN - NIGHT'],
      [String(2 * PANEL), '2 EXT. STREET - DAY'],
      [String(5 * PANEL), '3 INT. CAR - CONTINUOUS'],
    ]);
    await saveScreenshot(page, 'papercuts-timeline-scenes.png');
    await marks.nth(2).click();
    await playheadAt(page, 5 * PANEL);
    await waitForBoard(page, (s) => s.selectedPanelId === third[0]);
    await marks.nth(1).click();
    await playheadAt(page, 2 * PANEL);
    await waitForBoard(page, (s) => s.selectedPanelId === second[0]);
    expect(errors).toEqual([]);
  });
});
