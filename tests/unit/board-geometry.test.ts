import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Board } from '../../shared/domain/board';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { layoutBoard, type BoardLayout } from '../../renderer/src/board/layout';
import { cardsInRect, hitTest, panelSlot, sceneSlot, visibleItems } from '../../renderer/src/board/hit-test';
import { boardToScreen, clampCamera, revealRect, screenToBoard, zoomAt } from '../../renderer/src/board/camera';
import { fitLayout } from '../../renderer/src/board/fit';
import { MAX_ZOOM, MIN_ZOOM } from '../../renderer/src/state/view-store';
import { tempDir } from './helpers';

/** A real board from the core: scenes of 7, 0 and 12 panels. */
let board: Board;
let project: Project;
beforeAll(() => {
  project = Project.create(path.join(tempDir('bw-geo-'), 'geo.boardwright'), { title: 'Geometry', aspectRatio: '2.39', fps: 24 });
  for (const count of [7, 0, 12]) {
    const scene = createScene(project, {});
    for (let i = 0; i < count; i++) createPanel(project, { sceneId: scene.id });
  }
  board = project.board();
});
afterAll(() => project.close());

const center = (r: { x: number; y: number; width: number; height: number }) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

describe('board layout', () => {
  it('puts every panel in reading order, wrapping rows to the width, scenes one under another', () => {
    const l = layoutBoard(board, 1200, 2.39);
    const panels = board.scenes.flatMap((s) => s.panels.map((p) => p.id));
    expect(l.cards.map((c) => c.panel.id)).toEqual(panels);
    for (let i = 1; i < l.cards.length; i++) expect(l.cards[i].rect.y).toBeGreaterThanOrEqual(l.cards[i - 1].rect.y);
    const columns = l.scenes[0].rows[0].cards.length;
    expect(columns).toBeGreaterThan(1);
    expect(l.scenes[0].rows.map((r) => r.cards.length)).toEqual([columns, ...(7 > columns ? [7 - columns] : [])].slice(0, Math.ceil(7 / columns)));
    expect(l.scenes[1].empty).not.toBeNull();
    for (let i = 1; i < l.scenes.length; i++) expect(l.scenes[i].header.y).toBeGreaterThan(l.scenes[i - 1].bottom);
    expect(l.height).toBeGreaterThan(l.scenes[2].bottom);
    // Cards never overlap.
    for (const a of l.cards) for (const b of l.cards) if (a !== b) {
      const apart = a.rect.x + a.rect.width <= b.rect.x || b.rect.x + b.rect.width <= a.rect.x || a.rect.y + a.rect.height <= b.rect.y || b.rect.y + b.rect.height <= a.rect.y;
      expect(apart).toBe(true);
    }
  });

  it('gives a narrower view fewer columns and bigger cards with the card-size slider', () => {
    const wide = layoutBoard(board, 1600, 2.39);
    const narrow = layoutBoard(board, 600, 2.39);
    expect(narrow.scenes[0].rows[0].cards.length).toBeLessThan(wide.scenes[0].rows[0].cards.length);
    expect(layoutBoard(board, 1600, 2.39, 1.5).metrics.frame.width).toBeGreaterThan(wide.metrics.frame.width);
  });
});

describe('hit testing', () => {
  let l: BoardLayout;
  beforeAll(() => (l = layoutBoard(board, 1200, 2.39)));

  it('finds the card, the scene header or nothing under a point', () => {
    for (const c of l.cards) expect(hitTest(l, center(c.rect))).toEqual({ kind: 'card', card: c });
    expect(hitTest(l, center(l.scenes[1].header))).toMatchObject({ kind: 'header', scene: l.scenes[1] });
    expect(hitTest(l, { x: 2, y: 2 })).toEqual({ kind: 'none' });
  });

  it('visibleItems returns exactly the cards overlapping a band (checked against a scan of all)', () => {
    for (const [top, bottom] of [[0, 100], [150, 420], [300, 301], [l.height - 50, l.height + 500], [-100, 0]]) {
      const expected = l.cards.filter((c) => c.rect.y < bottom && c.rect.y + c.rect.height > top);
      expect(visibleItems(l, top, bottom).cards).toEqual(expected);
    }
  });

  it('the marquee selects the cards it touches', () => {
    const [a, b] = [l.cards[0], l.cards[1]];
    const r = { x: a.rect.x + 5, y: a.rect.y + 5, width: b.rect.x - a.rect.x, height: 10 };
    expect(cardsInRect(l, r).map((c) => c.panel.id)).toEqual([a.panel.id, b.panel.id]);
  });

  it('a drop slot lands before the card whose centre is right of the pointer, in the scene under it', () => {
    const third = l.scenes[2].rows[0].cards[2];
    const slot = panelSlot(l, { x: third.rect.x + 2, y: center(third.rect).y })!;
    expect(slot).toMatchObject({ sceneId: l.scenes[2].scene.id, index: 2 });
    const last = l.scenes[0].rows[l.scenes[0].rows.length - 1].cards.at(-1)!;
    expect(panelSlot(l, { x: last.rect.x + last.rect.width + 30, y: center(last.rect).y })).toMatchObject({ index: 7 });
    expect(panelSlot(l, center(l.scenes[1].empty!))).toMatchObject({ sceneId: l.scenes[1].scene.id, index: 0 });
  });

  it('a dragged scene header lands before the first scene whose middle is below the pointer', () => {
    expect(sceneSlot(l, 0)!.index).toBe(0);
    expect(sceneSlot(l, l.scenes[2].header.y)!.index).toBe(2);
    expect(sceneSlot(l, l.height)!.index).toBe(3);
  });
});

describe('camera', () => {
  const viewport = { width: 800, height: 600 };
  const content = { width: 1200, height: 3000 };

  it('zooming keeps the board point under the pointer where it is, within the zoom limits', () => {
    const cam = { x: 100, y: 200, scale: 1 };
    const screen = { x: 300, y: 250 };
    const before = screenToBoard(cam, screen);
    const zoomed = zoomAt(cam, 1.7, screen);
    const after = screenToBoard(zoomed, screen);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
    expect(boardToScreen(zoomed, before).x).toBeCloseTo(screen.x, 6);
    expect(zoomAt(cam, 100, screen).scale).toBe(MAX_ZOOM);
    expect(zoomAt(cam, 0.001, screen).scale).toBe(MIN_ZOOM);
  });

  it('never pans past the board, and centres a board narrower than the view', () => {
    expect(clampCamera({ x: -500, y: -500, scale: 1 }, viewport, content)).toEqual({ x: 0, y: 0, scale: 1 });
    expect(clampCamera({ x: 5000, y: 5000, scale: 1 }, viewport, content)).toEqual({ x: 400, y: 2400, scale: 1 });
    const small = clampCamera({ x: 0, y: 0, scale: 1 }, viewport, { width: 600, height: 300 });
    expect(small.x).toBe(-100);
  });

  it('fit wraps the rows anew: the whole board in the view, more cards a row, as large as fits, never above 100%', () => {
    const columns = (l: BoardLayout) => l.cards.filter((c) => c.rect.y === l.cards[0].rect.y).length;
    const { zoom, layout } = fitLayout(board, viewport, 2.39, 1);
    expect(zoom).toBeLessThan(1);
    expect(layout.height * zoom).toBeLessThanOrEqual(viewport.height);
    expect(layout.width * zoom).toBeLessThanOrEqual(viewport.width);
    expect(columns(layout)).toBeGreaterThan(columns(layoutBoard(board, viewport.width, 2.39)));
    // The next step up would not fit.
    const larger = zoom / 0.97;
    expect(layoutBoard(board, viewport.width / larger, 2.39).height * larger).toBeGreaterThan(viewport.height);
    const small: Board = { ...board, scenes: [{ ...board.scenes[0], panels: board.scenes[0].panels.slice(0, 2) }] };
    expect(fitLayout(small, viewport, 2.39, 1).zoom).toBe(1);
  });

  it('revealing a card moves the view as little as needed to bring it in with a margin', () => {
    const cam = { x: 0, y: 0, scale: 1 };
    expect(revealRect(cam, viewport, { x: 30, y: 30, width: 50, height: 50 })).toEqual(cam);
    const moved = revealRect(cam, viewport, { x: 100, y: 1000, width: 200, height: 100 });
    expect(moved).toEqual({ x: 0, y: 1000 + 100 + 20 - 600, scale: 1 });
  });
});
