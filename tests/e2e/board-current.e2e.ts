/** Two tabs on one web-mode project: an edit in one appears in the other, and so does its undo (issue 13, item 7). */
import { describe, expect, it } from 'vitest';
import { waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

describe('the board is always current', () => {
  it('a note typed in one tab shows in the other; undo in the other takes it back in both', async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. F - DAY', panels: 2, images: false }], { title: 'Tabs' });
    const a = await fx.open();
    const b = await fx.open();
    const snap = await waitForBoard(a.page, (s) => Object.keys(s.cards).length === 2);
    await waitForBoard(b.page, (s) => Object.keys(s.cards).length === 2);
    const card = snap.cards[ids[1]];
    await a.page.mouse.click(card.x + card.width / 2, card.y + card.height / 2);
    await waitForBoard(a.page, (s) => s.selectedPanelId === ids[1]);
    await a.page.getByTestId('field-notes').fill('Bring the rain machine');
    await a.page.getByTestId('field-notes').press('Tab');
    const typed = Date.now();
    await waitForBoard(b.page, (s) => s.board.scenes[0].panels[1].notes === 'Bring the rain machine');
    console.log(`the other tab showed the edit after ${Date.now() - typed} ms`);
    await waitForBoard(b.page, (s) => s.history.undoLabel === 'Edit panel 1B');

    await b.page.mouse.click(5, 5);
    await b.page.keyboard.press('Control+z');
    await waitForBoard(a.page, (s) => s.board.scenes[0].panels[1].notes === '');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
