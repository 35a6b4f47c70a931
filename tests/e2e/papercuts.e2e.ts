/** Papercuts a new user met (issue 13, item 12): the Open dialog's hint, a stale error, the playhead between projects, the to-start icon, Open Recent's folders. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, until, waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const playhead = async (page: Page) => Number(await page.getByTestId('timeline-playhead').getAttribute('data-frame'));

/** Clicks a panel's card once the board shows `cards` cards, and waits for it to be selected. */
async function selectPanel(page: Page, id: string, cards: number) {
  const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === cards);
  const card = snap.cards[id];
  await page.mouse.click(card.x + card.width / 2, card.y + card.height / 2);
  await waitForBoard(page, (s) => s.selectedPanelId === id);
}

async function openByPath(page: Page, file: string) {
  await page.getByTestId('menu-file').click();
  await page.getByTestId('menu-item-open').click();
  await page.getByTestId('path-input').fill(file);
}

describe('papercuts', () => {
  it('the Open dialog says why Open is off; a failed open\'s error goes once a later open succeeds; the next project starts at frame 0', async () => {
    await seedBoard(fx.server, [{ heading: 'INT. A - DAY', panels: 3, images: false }], { title: 'First' });
    const first = (await fx.server.call<{ path: string }>('project.current', {})).path;
    await seedBoard(fx.server, [{ heading: 'INT. B - DAY', panels: 2, images: false }], { title: 'Second' });
    const second = (await fx.server.call<{ path: string }>('project.current', {})).path;
    await fx.server.call('project.open', { path: first });
    const app = await fx.open();
    const { page } = app;
    await waitForBoard(page, (s) => s.board.project.title === 'First');

    // The timeline's to-start button is a drawn icon, not a font glyph. (Wait for the timeline: its
    // arrival would also reset frames stepped before it.)
    await page.getByTestId('timeline-clip').nth(2).waitFor();
    expect(await page.getByTestId('timeline-to-start').locator('svg').count()).toBe(1);
    await saveScreenshot(page, 'timeline-transport.png');
    await page.mouse.click(5, 5);
    for (let i = 0; i < 12; i++) await page.keyboard.press('.');
    expect(await playhead(page)).toBe(12);

    // A path that is not a project file: Open stays off, and the dialog says why.
    await openByPath(page, path.join(fx.server.projectsDir, 'notes.txt'));
    expect(await page.getByTestId('path-dialog-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('path-hint').textContent()).toBe('A project file name ends in .boardwright.');
    await saveScreenshot(page, 'open-dialog-hint.png');

    // A missing file: the error shows...
    await page.getByTestId('path-input').fill(path.join(fx.server.projectsDir, 'Missing.boardwright'));
    expect(await page.getByTestId('path-hint').count()).toBe(0);
    await page.getByTestId('path-dialog-submit').click();
    await page.getByTestId('error-banner').waitFor();
    // ...and goes when the next open succeeds; the second project starts at its beginning.
    await page.getByTestId('path-input').fill(second);
    await page.getByTestId('path-dialog-submit').click();
    await waitForBoard(page, (s) => s.board.project.title === 'Second');
    await until(() => page.getByTestId('error-banner').count(), (n) => n === 0, 'the error is gone');
    expect(await playhead(page)).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('one vocabulary for transitions: the inspector and the timeline offer the same names, and a choice in one shows in the other', async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. C - DAY', panels: 2, images: false }], { title: 'Third' });
    const app = await fx.open();
    const { page } = app;
    await selectPanel(page, ids[0], 2);
    const names = (testId: string) => page.getByTestId(testId).locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).text).filter((t) => t !== '—'));
    // The inspector's fields mount a moment after the selection: wait for them rather than read once.
    expect(await until(() => names('field-transition'), (n) => n.length > 0, 'the inspector shows the transition field')).toEqual(['Cut', 'Cross-dissolve', 'Fade from black', 'Fade to black']);
    expect(await names('timeline-transition')).toEqual(await names('field-transition'));
    // The first panel is under the playhead, so the timeline's clip bar shows it.
    await page.getByTestId('field-transition').selectOption('fade in');
    await until(() => page.getByTestId('timeline-transition').inputValue(), (v) => v === 'fade in', 'the timeline shows the inspector\'s choice');
    expect(app.errors).toEqual([]);
  });

  it('one notion of a camera move: a panel given an animated move shows it in the inspector, not "static"', async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'EXT. D - DAY', panels: 1, images: false }], { title: 'Fourth' });
    await fx.server.call('panels.update', { ids: [ids[0]], patch: { cameraMove: 'static' } });
    await fx.server.call('panels.setFraming', { panelId: ids[0], framing: { start: { x: 0, y: 0, w: 1, h: 1 }, end: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 } } });
    const app = await fx.open();
    const { page } = app;
    await selectPanel(page, ids[0], 1);
    expect(await page.getByTestId('field-camera-move').inputValue()).toBe('zoom in');
    expect(app.errors).toEqual([]);
  });

  it('a shot number another panel has is applied with a warning; a project title already taken is saved under a new name, and said so', async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. E - DAY', panels: 2, images: false }], { title: 'Dup' });
    const app = await fx.open();
    const { page } = app;
    await selectPanel(page, ids[1], 2);
    await page.getByTestId('field-shot-number').fill('1a');
    await page.getByTestId('field-shot-number').press('Enter');
    await page.getByTestId('error-banner').waitFor();
    expect(await page.getByTestId('notice-message').textContent()).toBe('1A is also a panel in scene 1 (INT. E - DAY): the crew would see it twice. Give one of them another number.');
    await waitForBoard(page, (s) => s.board.scenes[0].panels[1].shotNumber === '1a');
    await page.getByTestId('notice-dismiss').click();

    // A second project called "Dup" in the same folder.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-close').click();
    await page.getByTestId('new-title').fill('Dup');
    await page.getByTestId('new-create').click();
    await page.getByTestId('info-banner').waitFor();
    expect(await page.getByTestId('notice-message').textContent()).toBe(`A project called Dup.boardwright is already in ${fx.server.projectsDir}, so this one is saved as Dup 2.boardwright.`);
    expect(app.errors).toEqual([]);
  });

  it('Open Recent tells two projects of the same title apart by the folder each is in', async () => {
    const films = path.join(fx.server.projectsDir, 'Films', 'Short');
    const archive = path.join(fx.server.projectsDir, 'Archive');
    for (const dir of [films, archive]) {
      fs.mkdirSync(dir, { recursive: true });
      await fx.server.call('project.new', { title: 'Short', path: path.join(dir, 'Short.boardwright') });
    }
    const app = await fx.open();
    const { page } = app;
    await waitForBoard(page, (s) => s.board.project.title === 'Short');
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-open-recent').hover();
    const entries = [0, 1].map((i) => page.getByTestId(`menu-item-recent-${i}`));
    // Newest first; the folder shows under the title, not only in a tooltip.
    expect(await page.getByTestId('menu-detail-recent-0').textContent()).toContain(archive);
    expect(await page.getByTestId('menu-detail-recent-1').textContent()).toContain(films);
    for (const entry of entries) expect(await entry.locator('.menu-label').evaluate((e) => e.firstChild!.textContent)).toBe('Short');
    await saveScreenshot(page, 'papercuts-open-recent.png');
    await entries[1].click();
    await until(() => fx.server.call<{ path: string }>('project.current', {}), (c) => c.path === path.join(films, 'Short.boardwright'), 'the project in Films/Short is open');
    expect(app.errors).toEqual([]);
  });
});
