import type { Board } from '../../../shared/domain/board';
import { MIN_ZOOM } from '../state/view-store';
import type { Size } from './camera';
import { layoutBoard, type BoardLayout } from './layout';

/**
 * Fit: the largest zoom (100% at most) at which the whole board fits the view, its rows wrapped anew
 * to the view's width at that zoom. Zooming out alone keeps the columns, so the board shrinks into a
 * strip with empty sides; wrapping again puts more cards in each row and keeps them larger.
 * The board's height at a zoom does not fall steadily (cards stretch to fill their rows), hence a
 * scan from 100% down rather than a bisection.
 */
export function fitLayout(board: Board, viewport: Size, aspect: number, cardScale: number): { zoom: number; layout: BoardLayout } {
  let zoom = 1;
  for (;;) {
    const layout = layoutBoard(board, viewport.width / zoom, aspect, cardScale);
    if (layout.height * zoom <= viewport.height || zoom === MIN_ZOOM) return { zoom, layout };
    zoom = Math.max(MIN_ZOOM, zoom * 0.97);
  }
}
