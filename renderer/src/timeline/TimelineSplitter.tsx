import { useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { TIMELINE_MAX_HEIGHT, TIMELINE_MIN_HEIGHT, useTimelineStore } from './timeline-store';

/** The board keeps at least this much of its stage however tall the timeline is made. */
const MIN_BOARD = 160;
const STEP = 16;

/** The tallest the timeline's body can be in this window: what leaves the board MIN_BOARD pixels. */
function room(el: HTMLElement, shown: number): number {
  const stage = el.closest('.board-main')?.querySelector<HTMLElement>('.board-stage');
  const free = stage ? stage.clientHeight + shown - MIN_BOARD : TIMELINE_MAX_HEIGHT;
  return Math.round(Math.max(TIMELINE_MIN_HEIGHT, Math.min(TIMELINE_MAX_HEIGHT, free)));
}

/** The height the timeline's body is drawn at: the chosen one, within the room the window has. */
export const shownHeight = (s: { height: number; room: number }) => Math.min(s.height, s.room);

/**
 * The divider between the board and the timeline: drag it, or focus it and use the arrow keys
 * (Page Up/Down for bigger steps, Home/End for the smallest/largest), to give the timeline more or
 * less of the window. The height is a view preference, remembered across reloads.
 */
export function TimelineSplitter() {
  const height = useTimelineStore(shownHeight);
  const max = useTimelineStore((s) => s.room);
  const ref = useRef<HTMLDivElement>(null);

  // Window resizes change the room; the chosen height is kept for when the window grows again.
  useLayoutEffect(() => {
    const el = ref.current;
    const main = el?.closest('.board-main');
    if (!el || !main) return;
    const measure = () => {
      const s = useTimelineStore.getState();
      const next = room(el, shownHeight(s));
      if (next !== s.room) s.set({ room: next });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(main);
    return () => observer.disconnect();
  }, []);

  const resize = (h: number) => {
    const s = useTimelineStore.getState();
    s.set({ height: Math.round(Math.max(TIMELINE_MIN_HEIGHT, Math.min(s.room, h))) });
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const startHeight = height;
    const move = (ev: PointerEvent) => resize(startHeight - (ev.clientY - startY));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const by: Record<string, number> = { ArrowUp: STEP, ArrowDown: -STEP, PageUp: 4 * STEP, PageDown: -4 * STEP };
    if (e.key in by) resize(height + by[e.key]);
    else if (e.key === 'Home') resize(TIMELINE_MIN_HEIGHT);
    else if (e.key === 'End') resize(max);
    else return;
    // Used here: not also the playhead's Home/End or the board's arrows.
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className="tl-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Timeline height"
      aria-valuemin={TIMELINE_MIN_HEIGHT}
      aria-valuemax={max}
      aria-valuenow={height}
      tabIndex={0}
      title="Drag to resize the timeline"
      data-testid="timeline-splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
