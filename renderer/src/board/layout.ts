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
  rect: Rect;
}

export interface SceneLayout {
  scene: SceneWithPanels;
  header: Rect;
  runningMs: number;
  /** Where the "no panels yet" hint goes when the scene is empty. */
  empty: Rect | null;
}

export interface BoardLayout {
  width: number;
  height: number;
  metrics: CardMetrics;
  scenes: SceneLayout[];
  cards: CardLayout[];
  byId: Map<string, CardLayout>;
}

export const PAD_X = 28;
export const PAD_TOP = 20;
export const GAP = 16;
export const HEADER_HEIGHT = 40;
const HEADER_GAP = 12;
const SCENE_GAP = 28;
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
  const inner = Math.max(frameWidth, Math.floor(MIN_INNER_WIDTH * scale));
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

/** Scene header rows and panel cards in reading order, wrapping to the canvas width. */
export function layoutBoard(board: Board, width: number, aspect: number): BoardLayout {
  const base = cardMetrics(aspect);
  const inner = Math.max(base.width, width - 2 * PAD_X);
  const columns = Math.max(1, Math.floor((inner + GAP) / (base.width + GAP)));
  const stretch = Math.min(MAX_STRETCH, (inner - (columns - 1) * GAP) / columns / base.width);
  const metrics = stretch > 1.01 ? cardMetrics(aspect, stretch) : base;
  // Headers end where the card grid ends, so their totals line up with the last column.
  const gridWidth = columns * (metrics.width + GAP) - GAP;
  const scenes: SceneLayout[] = [];
  const cards: CardLayout[] = [];
  let y = PAD_TOP;
  for (const scene of board.scenes) {
    const header = { x: PAD_X, y, width: gridWidth, height: HEADER_HEIGHT };
    y += HEADER_HEIGHT + HEADER_GAP;
    let empty: Rect | null = null;
    if (scene.panels.length === 0) {
      empty = { x: PAD_X, y, width: gridWidth, height: EMPTY_HEIGHT };
      y += EMPTY_HEIGHT;
    } else {
      scene.panels.forEach((panel, i) => {
        const col = i % columns;
        const row = Math.floor(i / columns);
        const rect = { x: PAD_X + col * (metrics.width + GAP), y: y + row * (metrics.height + GAP), width: metrics.width, height: metrics.height };
        cards.push({ panel, scene, rect });
      });
      const rows = Math.ceil(scene.panels.length / columns);
      y += rows * metrics.height + (rows - 1) * GAP;
    }
    scenes.push({ scene, header, runningMs: runningTimeMs(scene.panels), empty });
    y += SCENE_GAP;
  }
  return { width, height: y + PAD_TOP, metrics, scenes, cards, byId: new Map(cards.map((c) => [c.panel.id, c])) };
}

/** Whether a rectangle overlaps the vertical band [top, bottom). */
export function inBand(rect: Rect, top: number, bottom: number): boolean {
  return rect.y < bottom && rect.y + rect.height > top;
}

/** Fits an image of the given size inside a frame, centred, keeping its proportions (letterbox/pillarbox). */
export function containRect(frame: Rect, imageWidth: number, imageHeight: number): Rect {
  if (!imageWidth || !imageHeight) return frame;
  const scale = Math.min(frame.width / imageWidth, frame.height / imageHeight);
  const width = imageWidth * scale;
  const height = imageHeight * scale;
  return { x: frame.x + (frame.width - width) / 2, y: frame.y + (frame.height - height) / 2, width, height };
}
