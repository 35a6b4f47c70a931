import { describe, expect, it } from 'vitest';
import type { Board, Panel } from '../../shared/domain/board';
import { center, colorDistance, sampleColor, waitForBoard } from './browser';
import { TALL, expectInSync, order, seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();
const AMBER: [number, number, number] = [0xf0, 0xa2, 0x3b];
const panelsOf = (b: Board): Panel[] => b.scenes.flatMap((s) => s.panels);

describe('the shot inspector and board commands', () => {
  it('edits every shot field of one panel, and the card shows status, badges and the note marker', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. ATTIC — NIGHT', panels: 2 }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.click(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await waitForBoard(page, (s) => s.selectedPanelId === a[0]);

    const fill = async (id: string, value: string) => {
      await page.getByTestId(id).fill(value);
      await page.getByTestId(id).press(id.startsWith('field-') && ['field-action', 'field-dialogue', 'field-sound', 'field-notes'].includes(id) ? 'Tab' : 'Enter');
    };
    await page.getByTestId('field-shot-size').selectOption('WS');
    await page.getByTestId('field-angle').selectOption('low');
    await page.getByTestId('field-camera-move').selectOption('dolly in');
    await page.getByTestId('field-transition').selectOption('dissolve');
    await page.getByTestId('field-status').selectOption('review');
    await fill('field-duration', '2.5');
    await fill('field-lens', '35');
    await fill('field-tags', 'night, rain,  night , VFX');
    await fill('field-action', 'A torch beam sweeps the rafters.');
    await fill('field-dialogue', 'Is anyone up here?');
    await fill('field-sound', 'Rain on the roof.');
    await fill('field-notes', 'Practical torch only.');
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[0].notes === 'Practical torch only.');
    expect(snap.board.scenes[0].panels[0]).toMatchObject({
      shotSize: 'WS', angle: 'low', cameraMove: 'dolly in', transition: 'dissolve', status: 'review', durationMs: 2500, lensMm: 35,
      tags: ['night', 'rain', 'VFX'], action: 'A torch beam sweeps the rafters.', dialogue: 'Is anyone up here?', sound: 'Rain on the roof.',
    });
    await expectInSync(page, fx.server);

    // The card: an amber status stripe at its left edge and the note marker in the frame's corner.
    const card = snap.cards[a[0]];
    expect(colorDistance(await sampleColor(page, { x: card.x + 2, y: center(card).y }, 2), AMBER)).toBeLessThan(40);
    const frame = snap.frames[a[0]];
    expect(colorDistance(await sampleColor(page, { x: frame.x + frame.width - 3, y: frame.y + 3 }, 2), [0xf0, 0xc0, 0x5a])).toBeLessThan(40);

    // A manual shot number sticks; "Renumber" makes it automatic again.
    await fill('field-shot-number', '7X');
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[0].shotNumber === '7X');
    expect(snap.board.scenes[0].panels[0].shotNumberOverride).toBe('7X');
    await page.getByTestId('renumber').click();
    snap = await waitForBoard(page, (s) => s.board.scenes[0].panels[0].shotNumber === '1A');
    expect(snap.board.scenes[0].panels[0].shotNumberOverride).toBeNull();
    expect(app.errors).toEqual([]);
  });

  it('edits several panels at once, showing mixed values, as one undo step each', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'EXT. STATION — DAY', panels: 4 }]);
    await fx.server.call('panels.update', { ids: [a[0]], patch: { shotSize: 'WS', action: 'Crowds.' } });
    await fx.server.call('panels.update', { ids: [a[1]], patch: { shotSize: 'MS' } });
    await fx.server.call('panels.update', { ids: [a[2]], patch: { shotSize: 'CU' } });
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.click(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.keyboard.down('Shift');
    await page.mouse.click(center(snap.cards[a[2]]).x, center(snap.cards[a[2]]).y);
    await page.keyboard.up('Shift');
    snap = await waitForBoard(page, (s) => s.selectedPanelIds.length === 3);

    expect(await page.getByTestId('field-shot-size').getAttribute('data-mixed')).toBe('true');
    expect(await page.getByTestId('field-action').getAttribute('placeholder')).toMatch(/^Mixed/);
    expect(await page.getByTestId('field-duration').inputValue()).toBe('2.0');
    expect(await page.getByTestId('field-duration').getAttribute('data-mixed')).toBeNull();

    await page.getByTestId('field-shot-size').selectOption('CU');
    snap = await waitForBoard(page, (s) => panelsOf(s.board).slice(0, 3).every((p) => p.shotSize === 'CU'));
    expect(snap.history.undoLabel).toBe('Edit 3 panels');
    expect(await page.getByTestId('field-shot-size').getAttribute('data-mixed')).toBeNull();
    await page.getByTestId('field-action').fill('Trains arrive.');
    await page.getByTestId('field-action').press('Control+Enter'); // commits and leaves the field, so Ctrl+Z is the app's
    snap = await waitForBoard(page, (s) => panelsOf(s.board).slice(0, 3).every((p) => p.action === 'Trains arrive.'));
    expect(panelsOf(snap.board)[3]).toMatchObject({ shotSize: null, action: '' });

    // Leaving a mixed field empty changes nothing; one undo reverts the text for all three.
    await page.keyboard.press('Control+z');
    snap = await waitForBoard(page, (s) => panelsOf(s.board)[1].action === '');
    expect(panelsOf(snap.board).map((p) => p.action)).toEqual(['Crowds.', '', '', '']);
    expect(panelsOf(snap.board).map((p) => p.shotSize)).toEqual(['CU', 'CU', 'CU', null]);
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });

  it('works from the keyboard and the context menu: arrows, N, Ctrl+D, Delete, split, merge, scene heading', async () => {
    const [a] = await seedBoard(fx.server, [{ heading: 'INT. HALL — DAY', panels: 4, images: false }]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    await page.mouse.click(center(snap.cards[a[0]]).x, center(snap.cards[a[0]]).y);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    snap = await waitForBoard(page, (s) => s.selectedPanelIds.length === 2);
    expect(snap.selectedPanelIds).toEqual([a[1], a[2]]);

    await page.keyboard.press('Control+d');
    snap = await waitForBoard(page, (s) => panelsOf(s.board).length === 6);
    const ids = panelsOf(snap.board).map((p) => p.id);
    expect([ids[0], ids[1], ids[3], ids[5]]).toEqual([a[0], a[1], a[2], a[3]]);
    expect(snap.selectedPanelIds).toEqual([ids[2], ids[4]]);
    await page.keyboard.press('Delete');
    snap = await waitForBoard(page, (s) => panelsOf(s.board).length === 4);
    expect(order(snap.board)).toEqual([a]);

    // Right-click the third panel: split the scene there.
    const third = center(snap.cards[a[2]]);
    await page.mouse.click(third.x, third.y, { button: 'right' });
    await page.getByTestId('context-menu').waitFor();
    await page.getByTestId('menu-item-ctx-split').click();
    snap = await waitForBoard(page, (s) => s.board.scenes.length === 2);
    expect(order(snap.board)).toEqual([[a[0], a[1]], [a[2], a[3]]]);
    expect(snap.board.scenes[1].panels.map((p) => p.shotNumber)).toEqual(['2A', '2B']);

    // Click the new scene's header: the scene inspector edits its heading.
    const header = snap.headers[snap.board.scenes[1].id];
    await page.mouse.click(header.x + 200, header.y + 12);
    await page.getByTestId('scene-heading').fill('INT. STAIRS — DAY');
    await page.getByTestId('scene-heading').press('Enter');
    await page.getByTestId('scene-synopsis').fill('She runs upstairs.');
    await page.getByTestId('scene-synopsis').press('Tab');
    snap = await waitForBoard(page, (s) => s.board.scenes[1].synopsis === 'She runs upstairs.');
    expect(snap.board.scenes[1].heading).toBe('INT. STAIRS — DAY');

    // Merge scene 1 with the next from the toolbar, then N adds after the focused panel, Enter opens the editor.
    await page.mouse.click(snap.headers[snap.board.scenes[0].id].x + 200, snap.headers[snap.board.scenes[0].id].y + 12);
    await page.getByTestId('merge-scenes').click();
    snap = await waitForBoard(page, (s) => s.board.scenes.length === 1);
    expect(order(snap.board)).toEqual([a]);
    await page.mouse.click(center(snap.cards[a[1]]).x, center(snap.cards[a[1]]).y);
    await page.keyboard.press('n');
    snap = await waitForBoard(page, (s) => panelsOf(s.board).length === 5);
    expect(panelsOf(snap.board)[2].id).toBe(snap.selectedPanelId);
    await page.keyboard.press('Enter');
    await page.getByTestId('panel-editor').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('panel-editor').waitFor({ state: 'detached' });
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });
});
