import { GAP, SCENE_GAP, type BoardLayout, type CardLayout, type Rect, type SceneLayout } from './layout';

/** Board coordinates (zoom 1, before panning). */
export interface Point {
  x: number;
  y: number;
}

export type Hit = { kind: 'card'; card: CardLayout } | { kind: 'header'; scene: SceneLayout } | { kind: 'none' };

/** Where dragged panels (or dropped files) would land: a scene and an index in its current panel list. */
export interface PanelSlot {
  sceneId: string;
  index: number;
  /** The insertion bar to draw, in board coordinates. */
  bar: Rect;
}

/** Where a dragged scene would land: an index in the current scene list. */
export interface SceneSlot {
  index: number;
  bar: Rect;
}

/** Index of the last element whose key is <= value (-1 when none): items are sorted by key. */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The scene whose band (header to the next header) holds y, clamped to the first and last scene. */
export function sceneAt(layout: BoardLayout, y: number): SceneLayout | null {
  if (layout.scenes.length === 0) return null;
  return layout.scenes[Math.max(0, lastAtOrBefore(layout.scenes, y, (s) => s.header.y))];
}

/** What is under a board point: a card, a scene header, or nothing. */
export function hitTest(layout: BoardLayout, p: Point): Hit {
  const scene = sceneAt(layout, p.y);
  if (!scene) return { kind: 'none' };
  const h = scene.header;
  if (p.y >= h.y && p.y < h.y + h.height && p.x >= h.x && p.x < h.x + h.width) return { kind: 'header', scene };
  for (const row of scene.rows) {
    if (p.y < row.y || p.y >= row.y + row.height) continue;
    const card = row.cards.find((c) => p.x >= c.rect.x && p.x < c.rect.x + c.rect.width);
    if (card) return { kind: 'card', card };
  }
  return { kind: 'none' };
}

/** Scenes and cards overlapping the band [top, bottom) of the board, found by binary search. */
export function visibleItems(layout: BoardLayout, top: number, bottom: number): { scenes: SceneLayout[]; cards: CardLayout[] } {
  const firstScene = Math.max(0, lastAtOrBefore(layout.scenes, top, (s) => s.header.y));
  const scenes: SceneLayout[] = [];
  for (let i = firstScene; i < layout.scenes.length && layout.scenes[i].header.y < bottom; i++) {
    if (layout.scenes[i].bottom > top) scenes.push(layout.scenes[i]);
  }
  const cards: CardLayout[] = [];
  let i = Math.max(0, lastAtOrBefore(layout.cards, top - layout.metrics.height, (c) => c.rect.y));
  for (; i < layout.cards.length && layout.cards[i].rect.y < bottom; i++) {
    const c = layout.cards[i];
    if (c.rect.y + c.rect.height > top) cards.push(c);
  }
  return { scenes, cards };
}

/** Cards touching a rectangle of the board (the marquee), in reading order. */
export function cardsInRect(layout: BoardLayout, r: Rect): CardLayout[] {
  return visibleItems(layout, r.y, r.y + r.height).cards.filter((c) => c.rect.x < r.x + r.width && c.rect.x + c.rect.width > r.x);
}

/**
 * The insertion point nearest to a board point: in the scene under it, in the row nearest to it,
 * before the first card whose centre is right of it. Over a header: the start of that scene.
 */
export function panelSlot(layout: BoardLayout, p: Point): PanelSlot | null {
  const scene = sceneAt(layout, p.y);
  if (!scene) return null;
  const sceneId = scene.scene.id;
  const barWidth = 3;
  if (scene.rows.length === 0) {
    const e = scene.empty!;
    return { sceneId, index: 0, bar: { x: e.x, y: e.y + 4, width: Math.min(e.width, layout.metrics.width), height: barWidth } };
  }
  if (p.y < scene.rows[0].y - GAP / 2) {
    const first = scene.rows[0].cards[0].rect;
    return { sceneId, index: 0, bar: { x: first.x - GAP / 2 - barWidth / 2, y: first.y, width: barWidth, height: first.height } };
  }
  const rowIndex = Math.max(0, lastAtOrBefore(scene.rows, p.y + GAP / 2, (r) => r.y));
  const row = scene.rows[rowIndex];
  let k = 0;
  while (k < row.cards.length && row.cards[k].rect.x + row.cards[k].rect.width / 2 < p.x) k++;
  const index = row.first + k;
  const ref = k < row.cards.length ? row.cards[k].rect : row.cards[row.cards.length - 1].rect;
  const x = k < row.cards.length ? ref.x - GAP / 2 : ref.x + ref.width + GAP / 2;
  return { sceneId, index, bar: { x: x - barWidth / 2, y: ref.y, width: barWidth, height: ref.height } };
}

/** The insertion point for a dragged scene: before the first scene whose middle is below y. */
export function sceneSlot(layout: BoardLayout, y: number): SceneSlot | null {
  if (layout.scenes.length === 0) return null;
  let index = 0;
  while (index < layout.scenes.length && (layout.scenes[index].header.y + layout.scenes[index].bottom) / 2 < y) index++;
  const first = layout.scenes[0].header;
  const barY = index < layout.scenes.length ? layout.scenes[index].header.y - SCENE_GAP / 2 : layout.scenes[layout.scenes.length - 1].bottom + SCENE_GAP / 2;
  return { index, bar: { x: first.x, y: Math.max(2, barY - 1.5), width: first.width, height: 3 } };
}
