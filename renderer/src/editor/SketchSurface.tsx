import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Stroke } from '../../../shared/domain/sketch';
import { drawFinished, drawSegments, drawStroke } from './draw-strokes';
import { LayerPainter } from './layer-painter';
import { flattenGroup, groupKey, splitStack } from './layer-groups';
import { useViewMoving, viewIsMoving } from './view/view-motion';
import { isPalm, pressureOf, watchPenPresence } from './pen-input';
import { useEditorStore } from './editor-store';
import { strokeBlurPx, strokeOpacity, strokeWidthPx } from '../../../shared/domain/sketch-style';
import { burnInFontsReady } from '../timeline/burn-in-fonts';
import { useSessionStore } from '../state/session-store';
import { isFreehandTool, isShapeTool, type ShapeTool } from './tools/editor-tools';
import { shapeStroke } from './tools/shape-stroke';
import { fillAt } from './tools/fill-at';
import { TextNote, textSpotAt, type TextSpot } from './tools/TextNote';
import { strokesAt } from './tools/stroke-hit';

type Point = [number, number, number];
export type NewStroke = Omit<Stroke, 'id'>;

/** A visible stroke layer as the surface draws it. */
export interface SurfaceLayer {
  id: string;
  opacity: number;
  /** Saved strokes, then strokes sent but not yet confirmed. */
  strokes: readonly Stroke[];
}

interface Props {
  /** The frame size on screen in CSS pixels (the project's aspect ratio). */
  width: number;
  height: number;
  /** The visible stroke layers, bottom to top. */
  layers: readonly SurfaceLayer[];
  /** The layer new strokes go on (the stroke being drawn shows at its place in the stack). */
  activeLayerId: string | null;
  onStroke(stroke: NewStroke): void;
  /** A flood fill's stroke (it goes on the Fill layer, not the active one); without it, onStroke takes it. */
  onFill?(stroke: NewStroke): void;
  disabled?: boolean;
  /**
   * The normalised frame point under a page position (the view may be zoomed, rotated or flipped);
   * without it, the surface's own box is used.
   */
  toFrame?(clientX: number, clientY: number): { u: number; v: number };
  /** Extra backing-store resolution, so strokes stay crisp when the view is zoomed in. */
  pixelScale?: number;
  /** Told when layers start and finish painting (a large sketch paints over several frames). */
  onPainting?(busy: boolean): void;
  /** Whole strokes the stroke eraser took (ids of saved strokes on the active layer). */
  onEraseStrokes?(ids: string[]): void;
  /** A saved text note of the active layer given new words with the text tool ("" deletes it). */
  onEditText?(stroke: Stroke, text: string): void;
}

const MAX_POINTS = 20_000;

/** What each layer canvas last drew, so an unchanged layer is not redrawn. */
const drawnStrokes = new WeakMap<HTMLCanvasElement, readonly Stroke[]>();

/** The same stroke as far as drawing goes: the same id, or one still on its way and the saved one it became. */
const sameStroke = (a: Stroke, b: Stroke) =>
  a.id === b.id || (a.id.startsWith('pending-') && a.tool === b.tool && a.color === b.color && a.points.length === b.points.length);

/** True when `next` is `drawn` with strokes added after it (nothing removed, changed or reordered). */
function extends_(drawn: readonly Stroke[], next: readonly Stroke[]): boolean {
  return next.length >= drawn.length && drawn.every((s, i) => sameStroke(s, next[i]));
}

/** How long each redraw of the layers took (the drawing benchmark reads `window.__bwLayerDraws`). */
function recordDraw(ms: number): void {
  const w = window as unknown as { __bwLayerDraws?: number[] };
  (w.__bwLayerDraws ??= []).push(ms);
  if (w.__bwLayerDraws.length > 50) w.__bwLayerDraws.shift();
}


/**
 * The sketch layer: saved strokes on one canvas, the stroke being drawn on another (so a
 * translucent tool does not darken where it overlaps itself). Points are normalised 0..1 across
 * the frame; each finished stroke goes to `onStroke` as vector data.
 */
export function SketchSurface({ width, height, layers: given, activeLayerId, onStroke, onFill, disabled, toFrame, pixelScale = 1, onPainting, onEraseStrokes, onEditText }: Props) {
  const canvases = useRef(new Map<string, HTMLCanvasElement>());
  const sketchRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<HTMLCanvasElement>(null);
  const cursorRef = useRef<HTMLDivElement>(null);
  const live = useRef<{ stroke: Omit<NewStroke, 'points'>; points: Point[]; pointerId: number } | null>(null);
  /** A stroke-eraser drag: the strokes it has passed over. */
  const wiping = useRef<{ pointerId: number; hits: Set<string> } | null>(null);
  /** A shape being dragged out: its start, the pointer's path (a bowed path curves an arrow), its end. */
  const shape = useRef<{ tool: ShapeTool; start: Point; path: Point[]; end: Point; shift: boolean; pointerId: number } | null>(null);
  const [textAt, setTextAt] = useState<TextSpot | null>(null);
  // A note being changed is left out of its layer while its field shows its words.
  const editingId = textAt?.editing?.id;
  const layers = useMemo(() => (editingId ? given.map((l) => (l.strokes.some((s) => s.id === editingId) ? { ...l, strokes: l.strokes.filter((s) => s.id !== editingId) } : l)) : given), [given, editingId]);
  const [fontsTick, setFontsTick] = useState(0);
  const tool = useEditorStore((s) => s.tool);
  const dpr = (window.devicePixelRatio || 1) * pixelScale;
  useEffect(watchPenPresence, []);
  const onPaintingRef = useRef(onPainting);
  onPaintingRef.current = onPainting;
  const stack = splitStack(layers, activeLayerId);
  // While the view moves, every layer is shown through one flattened canvas: each full-frame canvas
  // on screen costs a blend per frame of a zoom, pan or turn without a GPU.
  const merged = useViewMoving() && layers.length > 1;
  const mergedRef = useRef(merged);
  mergedRef.current = merged;
  const shownBelow = merged ? [...stack.below, ...(stack.active ? [stack.active] : []), ...stack.above] : stack.below;
  const shownAbove = merged ? [] : stack.above;
  const belowRef = useRef<HTMLCanvasElement>(null);
  const aboveRef = useRef<HTMLCanvasElement>(null);
  /** Draws the layers under and over the active one into their two group canvases (the only ones on screen with it). */
  const composeGroups = () => {
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (belowRef.current) flattenGroup(belowRef.current, shownBelow, canvases.current, w, h);
    if (aboveRef.current) flattenGroup(aboveRef.current, shownAbove, canvases.current, w, h);
  };
  const composeRef = useRef(composeGroups);
  composeRef.current = composeGroups;
  const activeRef = useRef(activeLayerId);
  activeRef.current = activeLayerId;
  const [painter] = useState(
    () =>
      new LayerPainter(
        {
          busy: (b) => onPaintingRef.current?.(b),
          painted: (ms, canvas) => {
            recordDraw(ms);
            delete canvas.dataset.blank;
            if (canvas.dataset.layer !== activeRef.current || mergedRef.current) composeRef.current();
          },
        },
        viewIsMoving,
      ),
  );
  /** What the groups last showed: members, opacities and resolution. */
  const composedKey = useRef('');

  useLayoutEffect(() => {
    const live = liveRef.current;
    if (live) {
      live.width = Math.round(width * dpr);
      live.height = Math.round(height * dpr);
    }
    const t0 = performance.now();
    let drew = false;
    let groupsChanged = false;
    for (const layer of layers) {
      const c = canvases.current.get(layer.id);
      if (!c) continue;
      // A layer repaints only when its strokes or the size changed (drawing on Ink leaves Pencil alone),
      // and a layer that only gained strokes gets just those drawn over it.
      const key = `${width}x${height}@${dpr}#${fontsTick}`;
      const before = drawnStrokes.get(c);
      const ctx = c.getContext('2d');
      if (!ctx || (c.dataset.size === key && before === layer.strokes)) continue;
      drawnStrokes.set(c, layer.strokes);
      if (layer.id !== activeLayerId || merged) groupsChanged = true;
      if (c.dataset.size === key && before && extends_(before, layer.strokes)) {
        if (painter.extend(c, layer.strokes)) continue;
        drew = true;
        for (const st of layer.strokes.slice(before.length)) drawFinished(ctx, st, width, height, dpr);
        continue;
      }
      c.dataset.size = key;
      if (!before) {
        // A new canvas starts at its size, empty (the picture underneath shows until it is painted).
        c.width = Math.round(width * dpr);
        c.height = Math.round(height * dpr);
        c.dataset.blank = '1';
      }
      painter.repaint(c, layer.strokes, width, height, dpr);
    }
    if (drew) recordDraw(performance.now() - t0);
    const composed = `${groupKey(shownBelow)}|${activeLayerId}|${groupKey(shownAbove)}@${width}x${height}@${dpr}`;
    if (groupsChanged || composed !== composedKey.current) {
      composedKey.current = composed;
      composeGroups();
    }
    // Texts are set in the bundled fonts: drawn again once those have loaded.
    if (layers.some((l) => l.strokes.some((st) => st.tool === 'text'))) burnInFontsReady(() => setFontsTick((n) => n + 1));
  }, [layers, activeLayerId, merged, width, height, dpr, fontsTick]);

  // Shift pressed or let go mid-drag constrains the shape at once, without waiting for the pointer to move.
  useEffect(() => {
    const onShift = (e: KeyboardEvent) => {
      const sh = shape.current;
      if (e.key !== 'Shift' || !sh || sh.shift === e.shiftKey) return;
      sh.shift = e.shiftKey;
      drawShapeRef.current();
    };
    window.addEventListener('keydown', onShift);
    window.addEventListener('keyup', onShift);
    return () => {
      window.removeEventListener('keydown', onShift);
      window.removeEventListener('keyup', onShift);
    };
  }, []);

  const frameOf = (clientX: number, clientY: number): { u: number; v: number } => {
    if (toFrame) return toFrame(clientX, clientY);
    const box = sketchRef.current!.getBoundingClientRect();
    return { u: (clientX - box.left) / box.width, v: (clientY - box.top) / box.height };
  };

  const pointOf = (e: PointerEvent): Point => {
    const { u, v } = frameOf(e.clientX, e.clientY);
    const x = Math.min(2, Math.max(-1, u));
    const y = Math.min(2, Math.max(-1, v));
    return [Math.round(x * 1e5) / 1e5, Math.round(y * 1e5) / 1e5, pressureOf(e, useEditorStore.getState().tool)];
  };

  /** Draws the new points of the live stroke: ink on the live canvas, the eraser straight onto the sketch. */
  const drawFrom = (from: number) => {
    const l = live.current;
    if (!l) return;
    const eraser = l.stroke.tool === 'eraser';
    const ctx = (eraser ? canvases.current.get(activeLayerId ?? '') : liveRef.current)?.getContext('2d');
    if (!ctx) return;
    ctx.save();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (eraser) ctx.globalCompositeOperation = 'destination-out';
    drawSegments(ctx, l.stroke, l.points, from, width, height);
    ctx.restore();
  };

  /** The shape being dragged, as the stroke it will store. */
  const shapeNow = () => {
    const sh = shape.current!;
    const { colour, sizes } = useEditorStore.getState();
    return shapeStroke(sh.tool, sh.start, sh.end, sh.path, width / height, sh.shift, { color: colour, size: sizes[sh.tool] / 1000, opacity: 1 });
  };

  /** The live canvas is on screen only while something is being drawn: an idle, empty full-frame canvas still costs a blend per frame. */
  const showLive = (on: boolean) => {
    const canvas = liveRef.current;
    if (canvas) canvas.toggleAttribute('data-live', on);
  };

  /** Draws the shape being dragged on the live canvas (replacing the last preview). */
  const drawShape = () => {
    const ctx = liveRef.current?.getContext('2d');
    if (!ctx || !shape.current) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawStroke(ctx, shapeNow(), width, height);
  };

  const drawShapeRef = useRef(drawShape);
  drawShapeRef.current = drawShape;

  /** Fills the region under a click of what is visible (the picture and the strokes) with the ink colour. */
  const fillClick = (at: Point, surface: HTMLElement) => {
    const { colour, sizes } = useEditorStore.getState();
    const picture = surface.parentElement?.querySelector<HTMLImageElement>('img.editor-layer:not(.editor-onion)') ?? null;
    const frame = { width: Math.round(width * dpr), height: Math.round(height * dpr), screenWidth: width * pixelScale };
    const visible = layers.flatMap((l) => l.strokes);
    const { stroke, result } = fillAt(visible, picture, [at[0], at[1]], frame, sizes.fill, { color: colour, opacity: 1 });
    if (stroke) (onFill ?? onStroke)(stroke);
    else if (!result.ok && result.reason === 'too-big') {
      const message = 'The area under the click is almost the whole frame: click inside a shape, or raise the Gap setting to close gaps in its lines.';
      useSessionStore.getState().showNotice({ kind: 'info', title: 'Nothing to fill there', message });
    }
  };

  /** The stroke eraser: the active layer's saved strokes under the pointer are marked (drawn red) and go when it lifts. */
  const wipeAt = (ev: PointerEvent) => {
    const wipe = wiping.current;
    const layer = layers.find((l) => l.id === activeLayerId);
    if (!wipe || !layer) return;
    const [u, v] = pointOf(ev);
    const radius = Math.max(3, ((useEditorStore.getState().sizes['stroke-eraser'] / 1000) * width) / 2);
    const ctx = liveRef.current?.getContext('2d');
    for (const id of strokesAt(layer.strokes, u, v, radius, width, height)) {
      if (wipe.hits.has(id) || id.startsWith('pending-')) continue;
      wipe.hits.add(id);
      const hit = layer.strokes.find((st) => st.id === id)!;
      if (ctx) drawFinished(ctx, { ...hit, color: '#ff3b30', opacity: 0.7 }, width, height, dpr);
    }
  };

  const moveCursor = (e: ReactPointerEvent) => {
    const cursor = cursorRef.current;
    if (!cursor || !sketchRef.current) return;
    const { tool, sizes } = useEditorStore.getState();
    // Only the freehand tools show their size as a ring; the others use the system cursor.
    if (!isFreehandTool(tool)) return void (cursor.style.width = cursor.style.height = '0px');
    // In the frame's own (untransformed) pixels: the view's transform then puts it under the pointer.
    const { u, v } = frameOf(e.clientX, e.clientY);
    const d = Math.max(4, strokeWidthPx({ tool, size: sizes[tool] / 1000 }, 0.5, width));
    cursor.style.transform = `translate(${u * width - d / 2}px, ${v * height - d / 2}px)`;
    cursor.style.width = cursor.style.height = `${d}px`;
    cursor.style.visibility = 'visible';
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (disabled || live.current || wiping.current || (e.pointerType === 'mouse' && e.button !== 0) || isPalm(e.nativeEvent)) return;
    e.preventDefault();
    // Drawing takes the keyboard back from a slider or field, so tool keys and Esc work at once.
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    const { tool, colour, sizes } = useEditorStore.getState();
    if (tool === 'text') {
      const [x, y] = pointOf(e.nativeEvent);
      return setTextAt(textSpotAt(layers.find((l) => l.id === activeLayerId)?.strokes ?? [], x, y, width, height));
    }
    if (tool === 'fill') return fillClick(pointOf(e.nativeEvent), e.currentTarget);
    e.currentTarget.setPointerCapture(e.pointerId);
    if (isShapeTool(tool)) {
      const p = pointOf(e.nativeEvent);
      shape.current = { tool, start: p, path: [], end: p, shift: e.shiftKey, pointerId: e.pointerId };
      showLive(true);
      const canvas = liveRef.current;
      if (canvas) {
        canvas.style.opacity = '1';
        canvas.style.filter = '';
      }
      return;
    }
    if (tool === 'stroke-eraser') {
      wiping.current = { pointerId: e.pointerId, hits: new Set() };
      showLive(true);
      wipeAt(e.nativeEvent);
      return;
    }
    if (!isFreehandTool(tool)) return;
    const stroke = { tool, color: colour, size: sizes[tool] / 1000, opacity: 1 };
    live.current = { stroke, points: [pointOf(e.nativeEvent)], pointerId: e.pointerId };
    showLive(true);
    const canvas = liveRef.current;
    if (canvas) {
      canvas.style.opacity = String(strokeOpacity(stroke));
      const blur = strokeBlurPx(stroke, width);
      canvas.style.filter = blur > 0.3 ? `blur(${blur.toFixed(2)}px)` : '';
    }
    drawFrom(0);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    moveCursor(e);
    const sh = shape.current;
    if (sh && e.pointerId === sh.pointerId) {
      sh.end = pointOf(e.nativeEvent);
      sh.shift = e.shiftKey;
      if (sh.path.length < 2000) sh.path.push(sh.end);
      return drawShape();
    }
    if (wiping.current && e.pointerId === wiping.current.pointerId) {
      const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
      for (const ev of events.length ? events : [e.nativeEvent]) wipeAt(ev);
      return;
    }
    const l = live.current;
    if (!l || e.pointerId !== l.pointerId) return;
    const from = l.points.length;
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) {
      if (l.points.length >= MAX_POINTS) break;
      const p = pointOf(ev);
      const last = l.points[l.points.length - 1];
      if (Math.hypot((p[0] - last[0]) * width, (p[1] - last[1]) * height) < 0.75) continue;
      l.points.push(p);
    }
    if (l.points.length > from) drawFrom(from);
  };

  const finish = (e: ReactPointerEvent<HTMLDivElement>, keep: boolean) => {
    const wipe = wiping.current;
    if (wipe && e.pointerId === wipe.pointerId) {
      wiping.current = null;
      const ctx = liveRef.current?.getContext('2d');
      ctx?.setTransform(1, 0, 0, 1, 0, 0);
      ctx?.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      showLive(false);
      if (keep && wipe.hits.size > 0) onEraseStrokes?.([...wipe.hits]);
      return;
    }
    const sh = shape.current;
    if (sh && e.pointerId === sh.pointerId) {
      shape.current = null;
      sh.end = pointOf(e.nativeEvent);
      // A click without a drag (under 3 screen pixels) makes no shape.
      const dragged = Math.hypot((sh.end[0] - sh.start[0]) * width, (sh.end[1] - sh.start[1]) * height) >= 3;
      shape.current = sh;
      const stroke = shapeNow();
      shape.current = null;
      const ctx = liveRef.current?.getContext('2d');
      ctx?.setTransform(1, 0, 0, 1, 0, 0);
      ctx?.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      showLive(false);
      if (keep && dragged) onStroke(stroke);
      return;
    }
    const l = live.current;
    if (!l || e.pointerId !== l.pointerId) return;
    live.current = null;
    const liveCtx = liveRef.current?.getContext('2d');
    liveCtx?.clearRect(0, 0, liveCtx.canvas.width, liveCtx.canvas.height);
    showLive(false);
    if (keep) onStroke({ ...l.stroke, points: l.points });
  };

  return (
    <div
      className={`sketch-surface tool-${tool}`}
      data-testid="sketch-surface"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => finish(e, true)}
      onPointerCancel={(e) => finish(e, false)}
      onPointerLeave={() => cursorRef.current && (cursorRef.current.style.visibility = 'hidden')}
    >
      <div ref={sketchRef} className="sketch-layers" style={{ width, height }}>
        {shownBelow.length > 0 && <canvas ref={belowRef} className="sketch-canvas" data-layer-group="below" style={{ width, height }} />}
        {layers.map((layer) => (
          <Fragment key={layer.id}>
            {/* Every layer paints its own canvas; only the active one is on screen, the others through their group. */}
            <canvas
              ref={(c) => void (c ? canvases.current.set(layer.id, c) : canvases.current.delete(layer.id))}
              className="sketch-canvas"
              data-layer={layer.id}
              style={{ width, height, opacity: layer.opacity, display: layer.id === activeLayerId && !merged ? undefined : 'none' }}
            />
            {layer.id === activeLayerId && <canvas ref={liveRef} className="sketch-canvas sketch-live" style={{ width, height }} />}
          </Fragment>
        ))}
        {!layers.some((l) => l.id === activeLayerId) && <canvas ref={liveRef} className="sketch-canvas sketch-live" style={{ width, height }} />}
        {shownAbove.length > 0 && <canvas ref={aboveRef} className="sketch-canvas" data-layer-group="above" style={{ width, height }} />}
      </div>
      <div ref={cursorRef} className="sketch-cursor" aria-hidden />
      {textAt && (
        <TextNote key={`${textAt.x},${textAt.y},${editingId}`} spot={textAt} width={width} height={height} onStroke={onStroke} onEditText={onEditText} onClose={() => setTextAt(null)} />
      )}
    </div>
  );
}
