import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useWebApp } from './fixture';
import { saveScreenshot, waitForBoard } from './browser';

const fx = useWebApp();

describe('web-mode menu bar', () => {
  it('saves a copy, closes, reopens from Open Recent and opens a path with Open…', async () => {
    const info = await fx.server.call<{ path: string }>('project.new', { title: 'Harbour Lights', aspectRatio: '2.39' });
    await fx.server.call('scenes.create', {});
    const app = await fx.open();
    const { page } = app;
    await waitForBoard(page, (s) => s.board.scenes.length === 1);
    expect(await page.title()).toBe('Harbour Lights — Boardwright');

    // File ▸ Save a Copy As… asks for a path (prefilled next to the project).
    await page.getByTestId('menu-file').click();
    await saveScreenshot(page, 'menu-file.png');
    await page.getByTestId('menu-item-save-copy').click();
    const input = page.getByTestId('path-input');
    expect(await input.inputValue()).toBe(path.join(path.dirname(info.path), 'Harbour Lights copy.boardwright'));
    const copy = path.join(fx.server.home, 'copies', 'harbour-copy.boardwright');
    fs.mkdirSync(path.dirname(copy));
    await input.fill(copy);
    await page.getByTestId('path-dialog-submit').click();
    await page.getByTestId('info-banner').waitFor();
    await page.getByTestId('path-dialog').waitFor({ state: 'detached' });
    expect(fs.existsSync(copy)).toBe(true);

    // File ▸ Close goes back to the start screen, which lists the project.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-close').click();
    await page.getByTestId('start-screen').waitFor();
    expect(await page.title()).toBe('Boardwright');
    const recent = page.getByTestId('recent-item');
    await recent.first().waitFor();
    expect(await recent.first().getAttribute('data-path')).toBe(info.path);
    await page.getByTestId('notice-dismiss').click();
    await saveScreenshot(page, 'start-screen-recent.png');

    // File ▸ Open Recent ▸ reopens it.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-open-recent').hover();
    await page.getByTestId('menu-item-recent-0').click();
    await page.getByTestId('board-view').waitFor();
    expect(await page.getByTestId('project-title').textContent()).toBe('Harbour Lights');

    // File ▸ Open… with a path that does not exist: a clear error, the project stays open.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-open').click();
    await page.getByTestId('path-input').fill(path.join(fx.server.home, 'missing.boardwright'));
    await page.getByTestId('path-dialog-submit').click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('FILE_NOT_FOUND');
    await page.getByTestId('path-dialog-cancel').click();
    await page.getByTestId('notice-dismiss').click();
    expect(await page.getByTestId('project-title').textContent()).toBe('Harbour Lights');

    // File ▸ Open… the copy.
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-open').click();
    await page.getByTestId('path-input').fill(copy);
    await page.keyboard.press('Enter');
    await page.getByTestId('path-dialog').waitFor({ state: 'detached' });
    const snap = await waitForBoard(page, (s) => s.board.project.path === copy);
    expect(snap.board.scenes).toHaveLength(1);

    // Edit ▸ Undo / Redo mirror the history.
    await page.getByTestId('add-panel').click();
    await waitForBoard(page, (s) => s.board.scenes[0].panels.length === 1);
    await page.getByTestId('menu-edit').click();
    expect(await page.getByTestId('menu-item-undo').textContent()).toContain('Undo Add panel');
    await page.getByTestId('menu-item-undo').click();
    await waitForBoard(page, (s) => s.board.scenes[0].panels.length === 0);
    await page.getByTestId('menu-edit').click();
    await page.getByTestId('menu-item-redo').click();
    await waitForBoard(page, (s) => s.board.scenes[0].panels.length === 1);
    expect(app.errors).toEqual([]);
  });

  it('creates another project with File ▸ New… while one is open', async () => {
    await fx.server.call('project.new', { title: 'First' });
    const app = await fx.open();
    const { page } = app;
    await page.getByTestId('board-view').waitFor();
    await page.getByTestId('menu-file').click();
    await page.getByTestId('menu-item-new').click();
    await page.getByTestId('new-dialog').waitFor();
    await page.getByTestId('new-title').fill('Second Unit');
    await page.getByTestId('new-aspect').selectOption('9:16');
    await page.getByTestId('new-dialog-submit').click();
    const snap = await waitForBoard(page, (s) => s.board.project.title === 'Second Unit');
    expect(snap.board.project.aspectRatio).toBe('9:16');
    expect(snap.board.scenes).toEqual([]);
    await page.waitForFunction(() => document.title === 'Second Unit — Boardwright');
    expect(app.errors).toEqual([]);
  });
});
