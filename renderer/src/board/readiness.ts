import type Konva from 'konva';
import { pictureSha, useBoardStore } from '../state/board-store';
import { useViewStore } from '../state/view-store';
import { boardView } from './board-view';
import { visibleItems } from './hit-test';
import { thumbnailStatus } from './thumbnails';

/** Ids of the cards inside the viewport now (not the overscan band). */
export function cardsInView(): string[] {
  const { layout, viewport } = boardView;
  if (!layout || viewport.height === 0) return [];
  const cam = useViewStore.getState().camera;
  const right = cam.x + viewport.width / cam.scale;
  return visibleItems(layout, cam.y, cam.y + viewport.height / cam.scale)
    .cards.filter((c) => c.rect.x < right && c.rect.x + c.rect.width > cam.x)
    .map((c) => c.panel.id);
}

function allSettled(ids: string[]): boolean {
  const layout = boardView.layout;
  return ids.every((id) => {
    const card = layout?.byId.get(id);
    return !!card && thumbnailStatus(pictureSha(card.panel)) !== 'loading';
  });
}

/**
 * Records when the board first became interactive: the frame after a draw in which every card in
 * the viewport had its thumbnail (loaded, failed, or none to load). The test hook reports it as
 * `readyAt` (performance.now(), so milliseconds since navigation).
 */
export function watchReadiness(layer: Konva.Layer | null): (() => void) | undefined {
  if (!layer) return undefined;
  let scheduled = false;
  const check = () => {
    if (boardView.readyAt !== null || scheduled || !useBoardStore.getState().board) return;
    const ids = cardsInView();
    boardView.visibleIds = ids;
    if (boardView.firstDrawAt === null && boardView.layout) boardView.firstDrawAt = performance.now();
    if (!allSettled(ids)) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (boardView.readyAt === null && allSettled(cardsInView())) boardView.readyAt = performance.now();
    });
  };
  layer.on('draw.readiness', check);
  requestAnimationFrame(check);
  return () => void layer.off('draw.readiness');
}
