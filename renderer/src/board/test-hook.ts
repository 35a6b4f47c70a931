import type { Board } from '../../../shared/domain/board';
import type { HistoryState } from '../../../shared/domain/project';
import { useBoardStore } from '../state/board-store';
import { containRect, type BoardLayout, type Rect } from './layout';
import { thumbnailSize, thumbnailStatus, type ThumbnailStatus } from './thumbnails';

/** What `window.__boardwrightBoard` returns: a frozen copy, rectangles in page CSS pixels. */
export interface BoardSnapshot {
  board: Board | null;
  history: HistoryState;
  selectedPanelId: string | null;
  scrollY: number;
  /** The canvas viewport on the page. */
  viewport: Rect | null;
  /** Each panel card, whether or not it is scrolled into view. */
  cards: Record<string, Rect>;
  /** Each card's picture frame (the project's aspect ratio). */
  frames: Record<string, Rect>;
  /** Where each loaded thumbnail is drawn (letterboxed inside its frame). */
  images: Record<string, Rect>;
  thumbnails: Record<string, ThumbnailStatus | 'none'>;
}

interface CanvasState {
  layout: BoardLayout | null;
  scrollY: number;
  container: HTMLElement | null;
}

let canvas: () => CanvasState = () => ({ layout: null, scrollY: 0, container: null });

/** The board canvas reports its layout, scroll offset and element here. */
export function setCanvasSource(source: (() => CanvasState) | null): void {
  canvas = source ?? (() => ({ layout: null, scrollY: 0, container: null }));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export function boardSnapshot(): BoardSnapshot {
  const { board, history, selectedPanelId } = useBoardStore.getState();
  const { layout, scrollY, container } = canvas();
  const box = container?.getBoundingClientRect() ?? null;
  const snapshot: BoardSnapshot = {
    board: board ? structuredClone(board) : null,
    history: { ...history },
    selectedPanelId,
    scrollY,
    viewport: box ? { x: box.left, y: box.top, width: box.width, height: box.height } : null,
    cards: {},
    frames: {},
    images: {},
    thumbnails: {},
  };
  if (layout && box) {
    const toPage = (r: Rect): Rect => ({ x: box.left + r.x, y: box.top + r.y - scrollY, width: r.width, height: r.height });
    for (const { panel, rect } of layout.cards) {
      const frame = { ...layout.metrics.frame, x: rect.x + layout.metrics.frame.x, y: rect.y + layout.metrics.frame.y };
      snapshot.cards[panel.id] = toPage(rect);
      snapshot.frames[panel.id] = toPage(frame);
      snapshot.thumbnails[panel.id] = thumbnailStatus(panel.imageSha256);
      const size = panel.imageSha256 ? thumbnailSize(panel.imageSha256) : null;
      if (size) snapshot.images[panel.id] = toPage(containRect(frame, size.width, size.height));
    }
  }
  return deepFreeze(snapshot);
}

/** Defines the read-only `window.__boardwrightBoard` getter (for E2E tests; harmless otherwise). */
export function installTestHook(win: Window = window): void {
  Object.defineProperty(win, '__boardwrightBoard', { get: boardSnapshot, configurable: true, enumerable: false });
}
