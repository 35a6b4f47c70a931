import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { panBy, rotateDrag, screenToFrame, wheelFactor, type FrameBox, type ViewTransform } from './view-transform';
import { useEditorViewStore } from './view-store';

type Drag = { kind: 'pan' | 'rotate'; pointerId: number; x: number; y: number; start: ViewTransform };

/** The centre of the stage in page pixels: the frame's centre before panning. */
export function stageCentre(stage: HTMLElement): { x: number; y: number } {
  const r = stage.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}

/** The frame on screen before the view transform (centred in the stage at its Fit size). */
export function frameBoxOf(stage: HTMLElement | null, width: number, height: number): FrameBox | null {
  if (!stage) return null;
  const c = stageCentre(stage);
  return { cx: c.x, cy: c.y, width, height };
}

/** The normalised frame point under a page position, through the current view (zoom, pan, rotation, flip). */
export function frameAt(stage: HTMLElement | null, width: number, height: number, x: number, y: number): { u: number; v: number } {
  const box = frameBoxOf(stage, width, height);
  return box ? screenToFrame(useEditorViewStore.getState().view, box, x, y) : { u: 0.5, v: 0.5 };
}

/**
 * Wheel and drag on the editor's stage: the wheel (and a pinch, ctrl+wheel) zooms about the
 * pointer; a middle-button drag or a drag with Space held pans; a drag with R held rotates about
 * the stage's centre, snapping to quarter turns. Returns the stage's capture-phase pointer
 * handlers, which keep such drags from drawing.
 */
export function useViewGestures(stageRef: RefObject<HTMLElement | null>) {
  const drag = useRef<Drag | null>(null);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const c = stageCentre(stage);
      const pinch = e.ctrlKey || e.metaKey;
      useEditorViewStore.getState().zoomAround(e.clientX - c.x, e.clientY - c.y, wheelFactor(e.deltaY, e.deltaMode, pinch));
    };
    stage.addEventListener('wheel', onWheel, { passive: false });
    return () => stage.removeEventListener('wheel', onWheel);
  }, [stageRef]);

  const onPointerDownCapture = (e: ReactPointerEvent<HTMLElement>) => {
    const { held, view } = useEditorViewStore.getState();
    const middle = e.pointerType === 'mouse' && e.button === 1;
    if (drag.current || !(middle || held)) return;
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { kind: middle ? 'pan' : held!, pointerId: e.pointerId, x: e.clientX, y: e.clientY, start: view };
  };

  const onPointerMoveCapture = (e: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    e.stopPropagation();
    const store = useEditorViewStore.getState();
    if (d.kind === 'pan') store.set(panBy(d.start, e.clientX - d.x, e.clientY - d.y));
    else {
      const c = stageCentre(e.currentTarget);
      store.set(rotateDrag(d.start, { dx: d.x - c.x, dy: d.y - c.y }, { dx: e.clientX - c.x, dy: e.clientY - c.y }));
    }
  };

  const onPointerUpCapture = (e: ReactPointerEvent<HTMLElement>) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    e.stopPropagation();
    drag.current = null;
  };

  return {
    onPointerDownCapture,
    onPointerMoveCapture,
    onPointerUpCapture,
    onPointerCancelCapture: onPointerUpCapture,
    // No autoscroll from the middle button.
    onMouseDown: (e: { button: number; preventDefault(): void }) => e.button === 1 && e.preventDefault(),
  };
}
