/** Issue 13, items 10 and 11: typed prompts kept and Recompose undoable; locked shot numbers (1AA between 1A and 1B). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { center, saveScreenshot, SCREENSHOT_DIR, until, waitForBoard } from './browser';
import { seedBoard } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

async function selectPanel(page: Page, id: string, cards: number) {
  const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === cards);
  const at = center(snap.cards[id]);
  await page.mouse.click(at.x, at.y);
  await waitForBoard(page, (s) => s.selectedPanelId === id);
}

const shotNumbers = (s: { board: { scenes: { panels: { shotNumber: string }[] }[] } }) => s.board.scenes.flatMap((x) => x.panels.map((p) => p.shotNumber));

describe('prompts and shot numbers', () => {
  it('keeps a typed prompt in the history; Recompose replaces it, says so, and Undo brings it back', async () => {
    await fx.server.call('project.new', { title: 'Lamp', aspectRatio: '16:9' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', { patch: { heading: 'INT. LIGHTHOUSE - NIGHT' } });
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id, patch: { shotSize: 'MS', action: 'Mara trims the wick' } });
    const app = await fx.open();
    const { page } = app;
    await selectPanel(page, panel.id, 1);
    await page.getByTestId('side-tab-generate').click();
    const prompt = page.getByTestId('gen-prompt');
    const composed = await until(() => prompt.inputValue(), (v) => v.includes('Mara trims the wick'), 'the composed prompt');

    const typed = 'Mara alone at the lamp, her face lit from below, rain on the glass';
    await prompt.fill(typed);
    // Leaving the field stores the text as a typed version the panel shows.
    await page.getByTestId('gen-recompose').focus();
    await expect.poll(async () => (await fx.server.call<{ current: { source: string; text: string } | null }>('generation.composePrompt', { panelId: panel.id })).current).toMatchObject({ source: 'typed', text: typed });

    await page.getByTestId('gen-recompose').click();
    await until(() => prompt.inputValue(), (v) => v === composed, 'the composed prompt is back in the field');
    await page.getByTestId('gen-replaced').waitFor();
    await saveScreenshot(page, 'prompt-recompose-replaced.png');

    await page.keyboard.press('Control+z');
    await until(() => prompt.inputValue(), (v) => v === typed, 'Undo brings the typed prompt back');
    expect(await page.getByTestId('gen-replaced').count()).toBe(0);
    const options = await page.getByTestId('gen-versions').locator('option').allTextContents();
    expect(options.some((o) => o.includes('typed · Mara alone at the lamp'))).toBe(true);
    expect(options.some((o) => o.includes('recomposed ·'))).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('Board › Lock Shot Numbers: a panel added after 1A is 1AA, nobody else moves; unlocked, deleting a scene says what it renumbered', async () => {
    const [ids] = await seedBoard(fx.server, [{ heading: 'INT. DOCK - DAY', panels: 2, images: false }, { heading: 'EXT. PIER - DAY', panels: 1, images: false }], { title: 'Locked' });
    const app = await fx.open();
    const { page } = app;
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 3);
    await page.getByTestId('menu-board').click();
    await page.getByTestId('menu-item-lock-shot-numbers').click();
    await page.getByTestId('shot-lock-indicator').waitFor();

    await selectPanel(page, ids[0], 3);
    await page.keyboard.press('n');
    const snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 4);
    expect(shotNumbers(snap)).toEqual(['1A', '1AA', '1B', '2A']);
    const added = snap.board.scenes[0].panels[1].id;
    const card = (await waitForBoard(page, (s) => !!s.cards[added])).cards[added];
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'shot-lock-card-1AA.png'), clip: { x: card.x - 4, y: card.y - 4, width: card.width + 8, height: card.height + 8 } });
    await saveScreenshot(page, 'shot-lock-board.png');

    // Unlocked again: numbering is automatic; deleting the first scene renumbers the second, and says so.
    await page.getByTestId('shot-lock-indicator').click();
    await waitForBoard(page, (s) => !s.board.project.shotNumbersLocked && shotNumbers(s).join() === '1A,1B,1C,2A');
    const header = (await waitForBoard(page, (s) => !!s.headers[snap.board.scenes[0].id])).headers[snap.board.scenes[0].id];
    await page.mouse.click(header.x + 40, header.y + header.height / 2, { button: 'right' });
    await page.getByTestId('menu-item-ctx-delete-scene').click();
    await page.getByTestId('info-banner').waitFor();
    expect(await page.getByTestId('notice-message').textContent()).toContain('1 shot was renumbered (2A is now 1A)');
    await page.getByTestId('notice-action').click();
    await waitForBoard(page, (s) => shotNumbers(s).join() === '1A,1B,1C,2A');
    expect(app.errors).toEqual([]);
  });
});
