import { useEffect, useLayoutEffect, useMemo, useRef, type DependencyList } from 'react';
import type Konva from 'konva';
import { acquireCanvas, releaseCanvas } from './canvas-2d';

/** A part of a bitmap that can be redrawn alone (a card's picture when its thumbnail arrives). */
export interface BitmapPart {
  draw: (ctx: CanvasRenderingContext2D) => void;
  deps: DependencyList;
}

const sameDeps = (a: DependencyList | null, b: DependencyList) => !!a && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * A pooled offscreen canvas holding one drawing (a card, a header) at `resolution` times board
 * pixels, redrawn only when `deps` change. The board then draws one image per card while panning and
 * zooming, instead of a dozen shapes and text runs; `pad` leaves room around it (the selection glow).
 * When only `part.deps` changed, only the part is redrawn, over the drawing already there.
 */
export function useBitmap(width: number, height: number, pad: number, resolution: number, draw: (ctx: CanvasRenderingContext2D) => void, deps: DependencyList, part?: BitmapPart) {
  const ref = useRef<Konva.Image>(null);
  const px = resolution * (window.devicePixelRatio || 1);
  const cw = Math.max(1, Math.ceil((width + 2 * pad) * px));
  const ch = Math.max(1, Math.ceil((height + 2 * pad) * px));
  const canvas = useMemo(() => acquireCanvas(cw, ch), [cw, ch]);
  useEffect(() => () => releaseCanvas(canvas), [canvas]);
  const drawn = useRef<DependencyList | null>(null);
  useLayoutEffect(() => {
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const whole = [canvas, px, ...deps];
    ctx.setTransform(px, 0, 0, px, pad * px, pad * px);
    if (part && sameDeps(drawn.current, whole)) {
      part.draw(ctx);
    } else {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, cw, ch);
      ctx.setTransform(px, 0, 0, px, pad * px, pad * px);
      draw(ctx);
      drawn.current = whole;
    }
    ref.current?.getLayer()?.batchDraw();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canvas, px, ...deps, ...(part?.deps ?? [])]);
  return { ref, canvas };
}

/** The bitmap resolution for a zoom level, in steps so that zooming redraws cards only now and then. */
export function bitmapResolution(scale: number): number {
  if (scale < 0.55) return 0.5;
  if (scale <= 1) return 1;
  return Math.min(3, Math.ceil(scale * 2) / 2);
}
