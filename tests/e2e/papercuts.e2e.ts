/** Papercuts a new user met (issue 13, item 12): the Open dialog's hint, a stale error, the playhead between projects, the to-start icon. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot, until, waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const playhead = async (page: Page) => Number(await page.getByTestId('timeline-playhead').getAttribute('data-frame'));

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

    // The timeline's to-start button is a drawn icon, not a font glyph.
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
});
