import { allPanels, useBoardStore } from './board-store';

export interface ClickModifiers {
  /** Shift: select the range from the anchor. */
  range: boolean;
  /** Ctrl (⌘ on macOS): add or remove one panel. */
  toggle: boolean;
}

const store = () => useBoardStore.getState();

/** Ids from a to b inclusive in reading order (either direction). */
export function rangeBetween(order: readonly string[], a: string, b: string): string[] {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

/** A click on a panel card: plain selects it alone, shift extends a range from the anchor, ctrl toggles it. */
export function clickPanel(id: string, mods: ClickModifiers): void {
  const { board, selection, anchorId } = store();
  if (mods.range && anchorId) {
    const order = allPanels(board).map((p) => p.id);
    const range = rangeBetween(order, anchorId, id);
    const ids = mods.toggle ? [...new Set([...selection, ...range])] : range;
    store().setSelection(ids, id, anchorId);
    return;
  }
  if (mods.toggle) {
    const next = new Set(selection);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    const focus = next.has(id) ? id : ([...next].at(-1) ?? null);
    store().setSelection([...next], focus, next.has(id) ? id : focus);
    return;
  }
  store().setSelection([id], id, id);
}

/** The marquee: the panels it touches, added to what was selected when it started (with shift or ctrl). */
export function marqueeSelect(ids: readonly string[], base: ReadonlySet<string>): void {
  const merged = base.size ? [...new Set([...base, ...ids])] : [...ids];
  store().setSelection(merged, ids.at(-1) ?? (merged.at(-1) || null), ids[0] ?? null);
}

/** Selects every panel on the board. */
export function selectAll(): void {
  const ids = allPanels(store().board).map((p) => p.id);
  store().setSelection(ids, ids[0] ?? null, ids[0] ?? null);
}

/** Moves the focus to `id`: alone, or extending the range from the anchor (shift+arrows). */
export function moveFocus(id: string, extend: boolean): void {
  const { board, anchorId } = store();
  if (extend && anchorId) {
    const order = allPanels(board).map((p) => p.id);
    store().setSelection(rangeBetween(order, anchorId, id), id, anchorId, true);
  } else {
    store().setSelection([id], id, id, true);
  }
}
