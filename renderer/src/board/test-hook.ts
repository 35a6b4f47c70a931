import type { Board } from '../../../shared/domain/board';
import type { HistoryState } from '../../../shared/domain/project';
import { pictureSha, useBoardStore } from '../state/board-store';
import { useViewStore, type Camera } from '../state/view-store';
import { boardView } from './board-view';
import { boardToScreen } from './camera';
import { frameOf, type Rect } from './layout';
import { cardPicture } from './card-picture';
import { cardsInView } from './readiness';
import { editorSnapshot, editorStatus, type EditorSnapshot } from '../editor/editor-hook';
import { loadedPreviewWidth } from './previews';
import { thumbnailSize, thumbnailStatus, type ThumbnailStatus } from './thumbnails';

/** What `window.__boardwrightBoard` returns: a frozen copy, rectangles in page CSS pixels. */
export interface BoardSnapshot {
  board: Board | null;
  history: HistoryState;
  /** The focused panel of the selection. */
  selectedPanelId: string | null;
  /** Every selected panel, in reading order. */
  selectedPanelIds: string[];
  selectedSceneId: string | null;
  /** The camera's top edge in board pixels (the vertical scroll). */
  scrollY: number;
  camera: Camera;
  cardScale: number;
  /** The canvas viewport on the page. */
  viewport: Rect | null;
  /** Each panel card, whether or not it is scrolled into view. */
  cards: Record<string, Rect>;
  /** Each card's picture frame (the project's aspect ratio). */
  frames: Record<string, Rect>;
  /** Where each loaded thumbnail is drawn (letterboxed inside its frame, or its framing crop filling it). */
  images: Record<string, Rect>;
  thumbnails: Record<string, ThumbnailStatus | 'none'>;
  /** Width of the widest display-size preview loaded for a card's picture (cards drawn larger than their thumbnail). */
  previews: Record<string, number>;
  /** Each scene's header row. */
  headers: Record<string, Rect>;
  /** Cards inside the viewport now. */
  visibleIds: string[];
  /** performance.now() when the board was first interactive (every visible card drawn with its thumbnail), else null. */
  readyAt: number | null;
  editor: EditorSnapshot | null;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export function boardSnapshot(): BoardSnapshot {
  const { board, history, selectedPanelId, selection, selectedSceneId } = useBoardStore.getState();
  const { camera, cardScale } = useViewStore.getState();
  const { layout, container } = boardView;
  const box = container?.isConnected ? container.getBoundingClientRect() : null;
  const order = board ? board.scenes.flatMap((s) => s.panels.map((p) => p.id)) : [];
  const snapshot: BoardSnapshot = {
    board: board ? structuredClone(board) : null,
    history: { ...history },
    selectedPanelId,
    selectedPanelIds: order.filter((id) => selection.has(id)),
    selectedSceneId,
    scrollY: camera.y,
    camera: { ...camera },
    cardScale,
    viewport: box ? { x: box.left, y: box.top, width: box.width, height: box.height } : null,
    cards: {},
    frames: {},
    images: {},
    thumbnails: {},
    previews: {},
    headers: {},
    visibleIds: box ? cardsInView() : [],
    readyAt: boardView.readyAt,
    editor: editorSnapshot(),
  };
  if (layout && box) {
    const toPage = (r: Rect): Rect => {
      const p = boardToScreen(camera, r);
      return { x: box.left + p.x, y: box.top + p.y, width: r.width * camera.scale, height: r.height * camera.scale };
    };
    for (const card of layout.cards) {
      const { panel } = card;
      const frame = frameOf(card, layout.metrics);
      const sha = pictureSha(panel);
      snapshot.cards[panel.id] = toPage(card.rect);
      snapshot.frames[panel.id] = toPage(frame);
      snapshot.thumbnails[panel.id] = thumbnailStatus(sha);
      const size = sha ? thumbnailSize(sha) : null;
      const drawn = size ? cardPicture(panel, frame, size.width, size.height) : null;
      if (drawn) snapshot.images[panel.id] = toPage(drawn.dest);
      const preview = sha ? loadedPreviewWidth(sha) : null;
      if (preview) snapshot.previews[panel.id] = preview;
    }
    for (const s of layout.scenes) snapshot.headers[s.scene.id] = toPage(s.header);
  }
  return deepFreeze(snapshot);
}

/**
 * Defines the read-only `window.__boardwrightBoard` getter (for E2E tests; harmless otherwise) and
 * `window.__boardwrightReadyAt` / `__boardwrightFirstDrawAt` / `__boardwrightEditorStatus`, cheap ones
 * for the benchmarks to poll every frame without copying the board or reading the layout.
 */
export function installTestHook(win: Window = window): void {
  Object.defineProperty(win, '__boardwrightBoard', { get: boardSnapshot, configurable: true, enumerable: false });
  Object.defineProperty(win, '__boardwrightReadyAt', { get: () => boardView.readyAt, configurable: true, enumerable: false });
  Object.defineProperty(win, '__boardwrightFirstDrawAt', { get: () => boardView.firstDrawAt, configurable: true, enumerable: false });
  Object.defineProperty(win, '__boardwrightEditorStatus', { get: editorStatus, configurable: true, enumerable: false });
}
