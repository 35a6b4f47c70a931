import { useEditorViewStore } from './view-store';

/** How long after the last change of the view it still counts as moving (a wheel or a drag between events). */
export const VIEW_SETTLE_MS = 250;

let lastChange = Number.NEGATIVE_INFINITY;
useEditorViewStore.subscribe((s, prev) => {
  if (s.view !== prev.view) lastChange = performance.now();
});

/**
 * True while the view is being zoomed, panned or turned (or a view key is held): background painting
 * waits, so that the moving frame gets every millisecond of the frame budget.
 */
export function viewIsMoving(): boolean {
  return useEditorViewStore.getState().held !== null || performance.now() - lastChange < VIEW_SETTLE_MS;
}
