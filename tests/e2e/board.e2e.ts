import { describe, expect, it } from 'vitest';
import { useWebApp } from './fixture';
import { allPanels, center, colorDistance, sampleColor, saveScreenshot, snapshot, waitForBoard } from './browser';
import { solidPng } from './images';

/** The empty-frame colour of a card (board/theme.ts `placeholder`). */
const PLACEHOLDER: [number, number, number] = [0x24, 0x27, 0x2d];
const ORANGE: [number, number, number] = [240, 130, 30];

const fx = useWebApp();

describe('a first real board view', () => {
  it('creates a project, adds a scene, a panel and an image that survive a reload', async () => {
    const app = await fx.open();
    const { page } = app;

    // Empty home: the start screen with no recent projects.
    await page.getByTestId('start-screen').waitFor();
    await page.getByTestId('recent-empty').waitFor();
    expect(await page.title()).toBe('Boardwright');
    // Cross-origin isolated (COOP + COEP): nothing from another origin can be embedded or hold the window.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await saveScreenshot(page, 'start-screen.png');

    // New project through the form.
    await page.getByTestId('new-title').fill('Night Shift');
    await page.getByTestId('new-aspect').selectOption('16:9');
    await page.getByTestId('new-create').click();
    await page.getByTestId('board-view').waitFor();
    await page.getByTestId('empty-board').waitFor();
    expect(await page.getByTestId('project-title').textContent()).toBe('Night Shift');
    await page.waitForFunction(() => document.title === 'Night Shift — Boardwright');

    // A scene, then a panel (added to it and selected).
    await page.getByTestId('add-scene').click();
    await waitForBoard(page, (s) => s.board.scenes.length === 1);
    await page.getByTestId('add-panel').click();
    let snap = await waitForBoard(page, (s) => s.board.scenes[0]?.panels.length === 1);
    const panel = allPanels(snap)[0];
    expect(panel.shotNumber).toBe('1A');
    expect(panel.imageSha256).toBeNull();
    expect(snap.selectedPanelId).toBe(panel.id);
    expect(snap.thumbnails[panel.id]).toBe('none');

    // Real pointer events: a click on empty canvas clears the selection, a click on the card selects it.
    const viewport = snap.viewport!;
    await page.mouse.click(viewport.x + viewport.width - 40, viewport.y + viewport.height - 40);
    await waitForBoard(page, (s) => s.selectedPanelId === null);
    expect(await page.getByTestId('add-image').isDisabled()).toBe(true);
    const card = center(snap.cards[panel.id]);
    await page.mouse.move(card.x, card.y);
    await page.mouse.click(card.x, card.y);
    snap = await waitForBoard(page, (s) => s.selectedPanelId === panel.id);
    expect(await page.getByTestId('inspector-shot').textContent()).toBe('1A');

    // The empty frame shows the placeholder.
    const frame = center(snap.frames[panel.id]);
    expect(colorDistance(await sampleColor(page, { x: frame.x, y: frame.y + 30 }), PLACEHOLDER)).toBeLessThan(12);

    // An image through the file input: stored, and its thumbnail drawn in the card's frame.
    await page.getByTestId('image-input').setInputFiles({ name: 'frame.png', mimeType: 'image/png', buffer: await solidPng(ORANGE) });
    snap = await waitForBoard(page, (s) => s.thumbnails[panel.id] === 'loaded');
    const sha = allPanels(snap)[0].imageSha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const drawn = await sampleColor(page, center(snap.images[panel.id]));
    expect(colorDistance(drawn, ORANGE)).toBeLessThan(30);
    expect(colorDistance(drawn, PLACEHOLDER)).toBeGreaterThan(100);
    await page.getByTestId('inspector-image').waitFor();
    expect(await page.getByTestId('add-image').textContent()).toContain('Replace image');

    // Reload: the project is still open, with its panel and image.
    await page.reload();
    await page.getByTestId('board-view').waitFor();
    snap = await waitForBoard(page, (s) => s.thumbnails[panel.id] === 'loaded');
    expect(allPanels(snap).map((p) => [p.id, p.imageSha256])).toEqual([[panel.id, sha]]);
    expect(colorDistance(await sampleColor(page, center(snap.images[panel.id])), ORANGE)).toBeLessThan(30);
    expect(await page.title()).toBe('Night Shift — Boardwright');
    expect(app.errors).toEqual([]);
  });

  it('shows a clear error for a file that is not an image and leaves the board unchanged', async () => {
    await fx.server.call('project.new', { title: 'Errors' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const panel = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const app = await fx.open();
    const { page } = app;
    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    const card = center(snap.cards[panel.id]);
    await page.mouse.click(card.x, card.y);
    snap = await waitForBoard(page, (s) => s.selectedPanelId === panel.id);
    const before = { board: snap.board, history: snap.history };

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('add-image').click()]);
    await chooser.setFiles({ name: 'call-sheet.txt', mimeType: 'text/plain', buffer: Buffer.from('Call time 06:00. Not a picture.') });

    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-code')).toBe('NOT_AN_IMAGE');
    expect(await page.getByTestId('notice-message').textContent()).toMatch(/call-sheet\.txt is not an image/);
    await saveScreenshot(page, 'board-error.png');

    const after = await snapshot(page);
    expect({ board: after.board, history: after.history }).toEqual(before);
    expect(await fx.server.call('board.get')).toEqual(before.board);
    expect(after.thumbnails[panel.id]).toBe('none');

    await page.getByTestId('notice-dismiss').click();
    await banner.waitFor({ state: 'detached' });
    expect(app.errors).toEqual([]);
  });

  it('undoes the last added panel with Ctrl+Z and brings it back with Ctrl+Shift+Z and Ctrl+Y', async () => {
    await fx.server.call('project.new', { title: 'Undo' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    await fx.server.call('panels.create', { sceneId: scene.id });
    const app = await fx.open();
    const { page } = app;
    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    const first = allPanels(snap)[0].id;

    // N adds a panel after the selected one.
    const card = center(snap.cards[first]);
    await page.mouse.click(card.x, card.y);
    await waitForBoard(page, (s) => s.selectedPanelId === first);
    await page.keyboard.press('n');
    snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 2 && s.history.undoLabel === 'Add panel');
    const added = allPanels(snap)[1];
    expect(added.shotNumber).toBe('1B');
    expect(snap.selectedPanelId).toBe(added.id);

    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    expect(allPanels(snap).map((p) => p.id)).toEqual([first]);
    expect(snap.history.canRedo).toBe(true);
    expect(snap.selectedPanelId).toBeNull();

    await page.keyboard.press('Control+Shift+z');
    snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 2);
    expect(allPanels(snap).map((p) => p.id)).toEqual([first, added.id]);

    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    await page.keyboard.press('Control+y');
    snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 2);
    expect(allPanels(snap).map((p) => p.id)).toEqual([first, added.id]);

    // The top-bar buttons do the same.
    await page.getByTestId('undo-button').click();
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 1);
    await page.getByTestId('redo-button').click();
    await waitForBoard(page, (s) => Object.keys(s.cards).length === 2);
    expect(app.errors).toEqual([]);
  });

  it('edits the selected panel in the inspector and commits a field when another card is clicked', async () => {
    await fx.server.call('project.new', { title: 'Inspector' });
    const scene = await fx.server.call<{ id: string }>('scenes.create', {});
    const one = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const two = await fx.server.call<{ id: string }>('panels.create', { sceneId: scene.id });
    const app = await fx.open();
    const { page } = app;
    let snap = await waitForBoard(page, (s) => Object.keys(s.cards).length === 2);
    const panelOf = (s: typeof snap, id: string) => allPanels(s).find((p) => p.id === id)!;
    await page.mouse.click(center(snap.cards[one.id]).x, center(snap.cards[one.id]).y);
    await waitForBoard(page, (s) => s.selectedPanelId === one.id);

    await page.getByTestId('field-duration').fill('3.5');
    await page.getByTestId('field-duration').press('Enter');
    await page.getByTestId('field-shot-size').selectOption('CU');
    await page.getByTestId('field-lens').fill('50');
    await page.getByTestId('field-lens').press('Tab');
    snap = await waitForBoard(page, (s) => {
      const p = s.board.scenes[0].panels[0];
      return p.durationMs === 3500 && p.shotSize === 'CU' && p.lensMm === 50;
    });

    // Typing, then clicking straight onto another card: the text is kept, the other card selected.
    await page.getByTestId('field-action').fill('Mara opens the door.');
    await page.mouse.click(center(snap.cards[two.id]).x, center(snap.cards[two.id]).y);
    snap = await waitForBoard(page, (s) => s.selectedPanelId === two.id && s.board.scenes[0].panels[0].action === 'Mara opens the door.');
    expect(panelOf(snap, one.id)).toMatchObject({ durationMs: 3500, shotSize: 'CU', lensMm: 50 });
    expect(await page.getByTestId('inspector-shot').textContent()).toBe('1B');

    // The focus left the text field, so N adds a panel (after 1B) and Ctrl+Z undoes it, then the edit.
    await page.keyboard.press('n');
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels.length === 3);
    expect(allPanels(snap)[1].id).toBe(two.id);
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => s.board.scenes[0].panels.length === 2);
    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[0].action === '');
    expect(app.errors).toEqual([]);
  });
});
