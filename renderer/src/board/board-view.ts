import { aspectValue } from '../../../shared/domain/project';
import { useBoardStore } from '../state/board-store';
import { useViewStore, type Camera } from '../state/view-store';
import { clampCamera, revealRect, zoomAt, type Size } from './camera';
import { fitLayout } from './fit';
import type { BoardLayout, Rect } from './layout';

/**
 * What the mounted board canvas currently shows: its layout, viewport size and element. Commands
 * outside the canvas (zoom buttons, arrow keys, the test hook) read it here; the canvas keeps it current.
 */
export interface BoardView {
  layout: BoardLayout | null;
  viewport: Size;
  container: HTMLElement | null;
  /** Ids of the cards drawn now (inside the viewport), and whether all their thumbnails have settled. */
  visibleIds: string[];
  /** performance.now() of the first frame that showed every visible card with its thumbnail. */
  readyAt: number | null;
  /** performance.now() of the first frame that showed the board's cards (thumbnails maybe still loading). */
  firstDrawAt: number | null;
}

export const boardView: BoardView = { layout: null, viewport: { width: 0, height: 0 }, container: null, visibleIds: [], readyAt: null, firstDrawAt: null };

const camera = () => useViewStore.getState().camera;

function contentSize(): Size {
  const l = boardView.layout;
  return { width: l?.width ?? 0, height: l?.height ?? 0 };
}

/** Sets the camera, kept on the board. */
export function setCamera(next: Camera): void {
  const clamped = clampCamera(next, boardView.viewport, contentSize());
  const cur = camera();
  if (clamped.x !== cur.x || clamped.y !== cur.y || clamped.scale !== cur.scale) useViewStore.getState().setCamera(clamped);
}

export function panBy(dx: number, dy: number): void {
  const cam = camera();
  setCamera({ ...cam, x: cam.x + dx / cam.scale, y: cam.y + dy / cam.scale });
}

/** Zooms by a factor around a viewport point (default: its centre). */
export function zoomBy(factor: number, at?: { x: number; y: number }): void {
  const { width, height } = boardView.viewport;
  setCamera(zoomAt(camera(), factor, at ?? { x: width / 2, y: height / 2 }));
}

/**
 * Zooms to a scale around the view's centre. Actual Size (1) after a Fit also wraps the rows to the
 * view again: every card moves, so the view goes to the top, or to the selected panel.
 */
export function zoomTo(scale: number): void {
  if (scale === 1 && useViewStore.getState().wrapZoom !== 1) {
    useViewStore.getState().setView({ x: 0, y: 0, scale: 1 }, 1);
    const focus = useBoardStore.getState().selectedPanelId;
    if (focus) useBoardStore.setState({ revealPanelId: focus });
    return;
  }
  zoomBy(scale / camera().scale);
}

/** Shows the whole board as large as it fits (100% at most), its rows wrapped to the view at that zoom. */
export function fitBoard(): void {
  const board = useBoardStore.getState().board;
  if (!board || !boardView.layout) return;
  const { viewport } = boardView;
  const { zoom, layout } = fitLayout(board, viewport, aspectValue(board.project.aspectRatio), useViewStore.getState().cardScale);
  useViewStore.getState().setView(clampCamera({ x: 0, y: 0, scale: zoom }, viewport, layout), zoom);
}

/** Scrolls just enough to show a board rectangle. */
export function reveal(rect: Rect): void {
  setCamera(revealRect(camera(), boardView.viewport, rect));
}

/** Scrolls a panel into view; in the first row of its scene, the scene's header comes into view too. */
export function revealPanel(panelId: string): void {
  const card = boardView.layout?.byId.get(panelId);
  if (!card) return;
  const scene = boardView.layout!.scenes.find((s) => s.scene.id === card.scene.id);
  const top = scene && scene.rows[0]?.cards.includes(card) ? scene.header.y : card.rect.y;
  reveal({ ...card.rect, y: top, height: card.rect.y + card.rect.height - top });
}
