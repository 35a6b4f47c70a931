import { useEffect, useRef } from 'react';
import type { SketchLayer, Stroke } from '../../../../shared/domain/sketch';
import { useSessionStore } from '../../state/session-store';
import { isTextEntry } from '../../util/platform';
import { transformStroke, translate } from '../tools/selection-geometry';
import { useSelectionStore } from './selection-store';

/** One frame pixel at the Fit size; Shift moves ten. */
const NUDGE_PX = 1;
const NUDGE_SHIFT = 10;

interface Options {
  /** The active layer, or null when it cannot be selected from (locked, hidden, not loaded). */
  layer: SketchLayer | null;
  /** The strokes that can be selected on it, and those that are. */
  selectable: readonly Stroke[];
  selected: readonly Stroke[];
  /** The frame's Fit size in pixels. */
  width: number;
  height: number;
  onEdit(changed: Stroke[], deleted?: string[]): void;
  /** Ends a drag under way without saving it; false when there is none. Other keys wait for a drag to end. */
  cancelDrag(): boolean;
  dragging(): boolean;
}

/**
 * The selection tool's keys, ahead of the editor's own (a capture listener): Ctrl/⌘+A selects every
 * stroke of the active layer; Esc during a drag cancels it; with strokes selected, Esc lets go of them (instead of closing the
 * editor), Delete or Backspace deletes them (one undo step), the arrows nudge them a pixel (Shift: ten;
 * each nudge its own undo step) instead of stepping to another panel.
 */
export function useSelectionKeys(options: Options): void {
  const ref = useRef(options);
  ref.current = options;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target) || useSessionStore.getState().dialog || e.altKey) return;
      const { layer, selectable, selected, width, height, onEdit, dragging, cancelDrag } = ref.current;
      const store = useSelectionStore.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      let handled = true;
      if (dragging()) {
        // Mid-drag, Esc puts the strokes back; the selection's other keys (and undo) wait for the drag to end.
        if (key === 'Escape') cancelDrag();
        else handled = mod || key === 'Delete' || key === 'Backspace' || key in ARROWS;
      } else if (mod) {
        if (key === 'a' && !e.shiftKey) void (layer && store.select(layer.id, selectable.map((s) => s.id)));
        else handled = false;
      } else if (selected.length === 0) handled = false;
      else if (key === 'Escape') store.clear();
      else if (key === 'Delete' || key === 'Backspace') {
        store.clear();
        onEdit([], selected.map((s) => s.id));
      } else if (key in ARROWS) {
        const [dx, dy] = ARROWS[key];
        const step = (e.shiftKey ? NUDGE_SHIFT : 1) * NUDGE_PX;
        const m = translate((dx * step) / width, (dy * step) / height);
        onEdit(selected.map((s) => transformStroke(s, m, width / height)));
      } else handled = false;
      if (!handled) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
