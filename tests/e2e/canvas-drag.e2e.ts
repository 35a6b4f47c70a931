import { describe, expect, it } from 'vitest';
import type { Board } from '../../shared/domain/board';
import { center, waitForBoard } from './browser';
import { TALL, beforeCard, drag, expectInSync, order, sceneOrder, seedBoard, waitReady } from './canvas-helpers';
import { useWebApp } from './fixture';

const fx = useWebApp();

describe('the storyboard canvas: drag and drop with the real mouse', () => {
  it('drags a panel into another scene, undoes and redoes it, and survives a reload', async () => {
    const [a, b] = await seedBoard(fx.server, [
      { heading: 'EXT. QUAY — DAWN', panels: 4 },
      { heading: 'INT. FERRY — DAY', panels: 3 },
    ]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    expect(order(snap.board)).toEqual([a, b]);

    // Drag 1B to just before 2B: it leaves scene 1 and lands second in scene 2.
    await drag(page, center(snap.cards[a[1]]), beforeCard(snap.cards[b[1]]));
    const moved = [[a[0], a[2], a[3]], [b[0], a[1], b[1], b[2]]];
    snap = await waitForBoard(page, (s) => JSON.stringify(order(s.board)) === JSON.stringify(moved) && s.history.undoLabel?.startsWith('Move') === true);
    expect(order(await fx.server.call<Board>('board.get'))).toEqual(moved);
    expect(snap.board.scenes[1].panels[1]).toMatchObject({ id: a[1], shotNumber: '2B', sceneId: snap.board.scenes[1].id });
    expect(snap.selectedPanelIds).toEqual([a[1]]);
    await expectInSync(page, fx.server);

    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => JSON.stringify(order(s.board)) === JSON.stringify([a, b]));
    expect(order(await fx.server.call<Board>('board.get'))).toEqual([a, b]);
    await page.keyboard.press('Control+Shift+z');
    await waitForBoard(page, (s) => JSON.stringify(order(s.board)) === JSON.stringify(moved));

    await page.reload();
    snap = await waitReady(page);
    expect(order(snap.board)).toEqual(moved);
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });

  it('selects with shift-click, ctrl-click and the marquee, and drags several panels at once', async () => {
    const [a, b] = await seedBoard(fx.server, [
      { heading: 'EXT. MARKET — DAY', panels: 4 },
      { heading: 'INT. STALL — DAY', panels: 3 },
    ]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    const click = async (id: string, modifier?: 'Shift' | 'Control') => {
      const p = center(snap.cards[id]);
      if (modifier) await page.keyboard.down(modifier);
      await page.mouse.click(p.x, p.y);
      if (modifier) await page.keyboard.up(modifier);
    };

    await click(a[0]);
    await click(a[2], 'Shift');
    snap = await waitForBoard(page, (s) => s.selectedPanelIds.length === 3);
    expect(snap.selectedPanelIds).toEqual([a[0], a[1], a[2]]);
    await click(b[2], 'Control');
    await click(a[1], 'Control');
    snap = await waitForBoard(page, (s) => s.selectedPanelIds.length === 3 && !s.selectedPanelIds.includes(a[1]));
    expect(snap.selectedPanelIds).toEqual([a[0], a[2], b[2]]);
    expect(await page.getByTestId('inspector-shot').textContent()).toBe('1A – 2C');

    // Drag one of them (the others come along, in board order) to the start of scene 2.
    await drag(page, center(snap.cards[a[2]]), beforeCard(snap.cards[b[0]]));
    const moved = [[a[1], a[3]], [a[0], a[2], b[2], b[0], b[1]]];
    snap = await waitForBoard(page, (s) => JSON.stringify(order(s.board)) === JSON.stringify(moved) && s.history.undoLabel === 'Move 3 panels');
    expect(snap.selectedPanelIds).toEqual([a[0], a[2], b[2]]);
    await expectInSync(page, fx.server);

    // The marquee, from the empty margin left of scene 1 across its two cards.
    const first = snap.cards[a[1]];
    const second = snap.cards[a[3]];
    await drag(page, { x: snap.viewport!.x + 10, y: first.y - 6 }, { x: center(second).x, y: center(second).y });
    snap = await waitForBoard(page, (s) => s.selectedPanelIds.length === 2);
    expect(snap.selectedPanelIds).toEqual([a[1], a[3]]);
    expect(order(snap.board)).toEqual(moved); // a marquee moves nothing

    // One undo puts all three back.
    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => JSON.stringify(order(s.board)) === JSON.stringify([a, b]));
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });

  it('drags a scene header above another scene', async () => {
    await seedBoard(fx.server, [
      { heading: 'EXT. ROAD — NIGHT', panels: 2, images: false },
      { heading: 'INT. DINER — NIGHT', panels: 1, images: false },
      { heading: 'EXT. MOTEL — DAWN', panels: 2, images: false },
    ]);
    const app = await fx.open(TALL);
    const { page } = app;
    let snap = await waitReady(page);
    const [s1, s2, s3] = sceneOrder(snap.board);
    const header = (id: string) => snap.headers[id];

    await drag(page, { x: header(s3).x + 120, y: center(header(s3)).y - 6 }, { x: header(s1).x + 120, y: header(s1).y + 4 });
    snap = await waitForBoard(page, (s) => sceneOrder(s.board).join() === [s3, s1, s2].join() && s.history.undoLabel?.startsWith('Move scene') === true);
    expect(snap.board.scenes.map((s) => [s.number, s.heading])).toEqual([
      [1, 'EXT. MOTEL — DAWN'],
      [2, 'EXT. ROAD — NIGHT'],
      [3, 'INT. DINER — NIGHT'],
    ]);
    expect(snap.board.scenes[0].panels.map((p) => p.shotNumber)).toEqual(['1A', '1B']);
    expect(snap.selectedSceneId).toBe(s3);
    await expectInSync(page, fx.server);

    await page.keyboard.press('Control+z');
    await waitForBoard(page, (s) => sceneOrder(s.board).join() === [s1, s2, s3].join());
    await expectInSync(page, fx.server);
    expect(app.errors).toEqual([]);
  });
});
