import { boardView, fitBoard, zoomBy, zoomTo } from '../board/board-view';
import { actions } from '../state/actions';
import { allPanels, useBoardStore } from '../state/board-store';
import { moveFocus, selectAll } from '../state/selection';
import { useSessionStore } from '../state/session-store';
import { useViewStore } from '../state/view-store';

const board = () => useBoardStore.getState();

/** The panel above or below the focused one on screen: nearest by x in the neighbouring row (across scenes). */
function verticalNeighbour(id: string, down: boolean): string | null {
  const layout = boardView.layout;
  const card = layout?.byId.get(id);
  if (!layout || !card) return null;
  const cards = layout.cards;
  const i = cards.indexOf(card);
  const step = down ? 1 : -1;
  let j = i + step;
  while (j >= 0 && j < cards.length && cards[j].rect.y === card.rect.y) j += step;
  if (j < 0 || j >= cards.length) return null;
  const rowY = cards[j].rect.y;
  let best = cards[j];
  for (let k = j; k >= 0 && k < cards.length && cards[k].rect.y === rowY; k += step) {
    if (Math.abs(cards[k].rect.x - card.rect.x) < Math.abs(best.rect.x - card.rect.x)) best = cards[k];
  }
  return best.panel.id;
}

function arrow(key: string, extend: boolean): void {
  const order = allPanels(board().board).map((p) => p.id);
  if (order.length === 0) return;
  const focus = board().selectedPanelId;
  if (!focus) return moveFocus(key === 'ArrowUp' || key === 'ArrowLeft' || key === 'End' ? order[order.length - 1] : order[0], false);
  const i = order.indexOf(focus);
  let target: string | null = null;
  if (key === 'ArrowLeft') target = order[i - 1] ?? null;
  else if (key === 'ArrowRight') target = order[i + 1] ?? null;
  else if (key === 'Home') target = order[0];
  else if (key === 'End') target = order[order.length - 1];
  else target = verticalNeighbour(focus, key === 'ArrowDown');
  if (target) moveFocus(target, extend);
}

/**
 * The board's keys (the panel editor closed, no text field focused): arrows move the selection
 * (shift extends it), Ctrl+Home / Ctrl+End select the first / last panel (Shift+Home / Shift+End extend
 * to it; Home and End alone move the timeline's playhead, as in an editing suite), Delete, Ctrl+D
 * duplicate, N new panel after the selection, Enter opens the panel editor, Ctrl+A selects all, Esc
 * clears, zoom with Ctrl+= / Ctrl+- / Ctrl+0 and Shift+1 to fit. Returns whether the key was used.
 */
export function boardKey(e: KeyboardEvent): boolean {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const { selection, selectedPanelId, selectedSceneId } = board();
  if (mod && !e.altKey) {
    if (key === 'd' && !e.shiftKey) return void actions.duplicateSelection(), true;
    if (key === 'a' && !e.shiftKey) return selectAll(), true;
    if (key === '=' || key === '+') return zoomBy(1.25), true;
    if (key === '-') return zoomBy(0.8), true;
    if (key === '0') return zoomTo(1), true;
    if (key === 'Home' || key === 'End') return arrow(key, e.shiftKey), true;
    return false;
  }
  if (e.altKey) return false;
  if (key === '!' || (e.shiftKey && e.code === 'Digit1')) return fitBoard(), true;
  if (e.shiftKey && key !== 'ArrowLeft' && key !== 'ArrowRight' && key !== 'ArrowUp' && key !== 'ArrowDown' && key !== 'Home' && key !== 'End') return false;
  switch (key) {
    case 'n':
      if (e.repeat) return true;
      void actions.addPanel();
      return true;
    case 'Delete':
    case 'Backspace':
      if (selection.size > 0) void actions.deleteSelection();
      else if (selectedSceneId) void actions.deleteScene(selectedSceneId);
      return true;
    case 'Enter':
      if (selectedPanelId) useViewStore.getState().openEditor(selectedPanelId);
      return !!selectedPanelId;
    case 'Escape':
      if (useSessionStore.getState().notice || useViewStore.getState().contextMenu) return false;
      if (selection.size === 0 && !selectedSceneId) return false;
      board().select(null);
      return true;
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowDown':
      arrow(key, e.shiftKey);
      return true;
    case 'Home':
    case 'End':
      if (!e.shiftKey) return false;
      arrow(key, true);
      return true;
    default:
      return false;
  }
}
