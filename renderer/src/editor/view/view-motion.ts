import { useEffect, useState } from 'react';
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

/**
 * True from the view's first change until it has been still for VIEW_SETTLE_MS with no view key held
 * (a re-render when a zoom, pan or turn starts and one when it ends, none in between).
 */
export function useViewMoving(): boolean {
  const [moving, setMoving] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      if (useEditorViewStore.getState().held !== null) timer = setTimeout(settle, VIEW_SETTLE_MS);
      else setMoving(false);
    };
    const stop = useEditorViewStore.subscribe((s, prev) => {
      if (s.view === prev.view && s.held === prev.held) return;
      setMoving(true);
      clearTimeout(timer);
      timer = setTimeout(settle, VIEW_SETTLE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, []);
  return moving;
}

/**
 * `value` as of the last time the view was still: it follows `value` at once while the view is still,
 * and waits for a zoom, pan or turn to end (VIEW_SETTLE_MS after its last change) otherwise.
 */
export function useValueWhenViewStill<T>(value: T): T {
  const moving = useViewMoving();
  const [kept, setKept] = useState(value);
  useEffect(() => {
    if (!moving && !Object.is(kept, value)) setKept(value);
  }, [moving, value, kept]);
  return moving ? kept : value;
}
