import type { Board, Panel, SceneWithPanels } from '../../../shared/domain/board';
import { runningTimeMs } from '../state/board-store';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size of every card for one aspect ratio, and where its picture frame sits inside it. */
export interface CardMetrics {
  width: number;
  height: number;
  frame: Rect;
  /** Top of the text rows below the frame. */
  metaY: number;
  captionY: number;
}

export interface CardLayout {
  panel: Panel;
  scene: SceneWithPanels;
  /** Position of the panel in its scene. */
  index: number;
  rect: Rect;
}

/** One row of cards in a scene. */
export interface RowLayout {
  y: number;
  height: number;
  /** Index in the scene of the row's first card. */
  first: number;
  cards: CardLayout[];
}

export interface SceneLayout {
  scene: SceneWithPanels;
  /** Position of the scene on the board. */
  index: number;
  header: Rect;
  runningMs: number;
  /** Where the "no panels yet" hint goes when the scene is empty. */
  empty: Rect | null;
  rows: RowLayout[];
  /** From the header's top to the end of its last row (the gap to the next scene excluded). */
  bottom: number;
}

export interface BoardLayout {
  width: number;
  height: number;
  metrics: CardMetrics;
  scenes: SceneLayout[];
  /** Every card in reading order (so their y never decreases). */
  cards: CardLayout[];
  byId: Map<string, CardLayout>;
}

export const PAD_X = 28;
export const PAD_TOP = 20;
export const GAP = 16;
export const HEADER_HEIGHT = 40;
export const HEADER_GAP = 12;
export const SCENE_GAP = 28;
const EMPTY_HEIGHT = 48;
const INSET = 8;
/** Frames fit in this box; portrait formats get a taller one so they are not tiny. */
const FRAME_BOX = { width: 224, height: 136, portraitHeight: 210 };
const MIN_INNER_WIDTH = 172;

/** Cards grow by up to this much so that a row fills the canvas width. */
const MAX_STRETCH = 1.3;

/** Card size for an aspect ratio; `scale` enlarges the picture frame (text rows keep their size). */
export function cardMetrics(aspect: number, scale = 1): CardMetrics {
  const boxHeight = (aspect < 1 ? FRAME_BOX.portraitHeight : FRAME_BOX.height) * scale;
  const frameWidth = Math.floor(Math.min(FRAME_BOX.width * scale, boxHeight * aspect));
  const frameHeight = Math.round(frameWidth / aspect);
  const inner = Math.max(frameWidth, Math.floor(MIN_INNER_WIDTH * Math.max(scale, 0.85)));
  const metaY = INSET + frameHeight + 9;
  const captionY = metaY + 22;
  return {
    width: inner + 2 * INSET,
    height: captionY + 14 + INSET,
    frame: { x: INSET + Math.round((inner - frameWidth) / 2), y: INSET, width: frameWidth, height: frameHeight },
    metaY,
    captionY,
  };
}

/**
 * Scene header rows and panel cards in reading order, wrapping to `width` (the viewport width at
 * zoom 1). `cardScale` is the card-size slider; cards then stretch a little to fill each row.
 */
export function layoutBoard(board: Board, width: number, aspect: number, cardScale = 1): BoardLayout {
  const base = cardMetrics(aspect, cardScale);
  const inner = Math.max(base.width, width - 2 * PAD_X);
  const columns = Math.max(1, Math.floor((inner + GAP) / (base.width + GAP)));
  const stretch = Math.min(MAX_STRETCH, (inner - (columns - 1) * GAP) / columns / base.width);
  const metrics = stretch > 1.01 ? cardMetrics(aspect, cardScale * stretch) : base;
  // Headers end where the card grid ends, so their totals line up with the last column.
  const gridWidth = columns * (metrics.width + GAP) - GAP;
  const scenes: SceneLayout[] = [];
  const cards: CardLayout[] = [];
  let y = PAD_TOP;
  board.scenes.forEach((scene, sceneIndex) => {
    const header = { x: PAD_X, y, width: gridWidth, height: HEADER_HEIGHT };
    y += HEADER_HEIGHT + HEADER_GAP;
    let empty: Rect | null = null;
    const rows: RowLayout[] = [];
    if (scene.panels.length === 0) {
      empty = { x: PAD_X, y, width: gridWidth, height: EMPTY_HEIGHT };
      y += EMPTY_HEIGHT;
    } else {
      scene.panels.forEach((panel, i) => {
        const col = i % columns;
        if (col === 0) rows.push({ y: y + rows.length * (metrics.height + GAP), height: metrics.height, first: i, cards: [] });
        const row = rows[rows.length - 1];
        const card = { panel, scene, index: i, rect: { x: PAD_X + col * (metrics.width + GAP), y: row.y, width: metrics.width, height: metrics.height } };
        row.cards.push(card);
        cards.push(card);
      });
      y += rows.length * metrics.height + (rows.length - 1) * GAP;
    }
    scenes.push({ scene, index: sceneIndex, header, runningMs: runningTimeMs(scene.panels), empty, rows, bottom: y });
    y += SCENE_GAP;
  });
  return { width: PAD_X * 2 + gridWidth, height: y + PAD_TOP, metrics, scenes, cards, byId: new Map(cards.map((c) => [c.panel.id, c])) };
}

/** Whether a rectangle overlaps the vertical band [top, bottom). */
export function inBand(rect: Rect, top: number, bottom: number): boolean {
  return rect.y < bottom && rect.y + rect.height > top;
}

/** The frame rectangle of a card on the board. */
export function frameOf(card: CardLayout, metrics: CardMetrics): Rect {
  return { ...metrics.frame, x: card.rect.x + metrics.frame.x, y: card.rect.y + metrics.frame.y };
}
