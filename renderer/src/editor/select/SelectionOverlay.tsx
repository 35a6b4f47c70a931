import { useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { SketchLayer, Stroke } from '../../../../shared/domain/sketch';
import { drawFinished } from '../draw-strokes';
import { isPalm } from '../pen-input';
import { strokesAt, strokesInBox, strokesInLasso } from '../tools/stroke-hit';
import { dragTransform, handleAt, isIdentity, selectionBox, transformStroke, type Box, type Handle } from '../tools/selection-geometry';
import { useEditorViewStore } from '../view/view-store';
import { SelectionMarks } from './SelectionMarks';
import { selectedOn, useSelectionStore } from './selection-store';
import { useSelectionKeys } from './useSelectionKeys';

/** How near a handle the pointer must be, and how near a stroke to click it, in screen pixels. */
const GRIP_PX = 9;
const CLICK_PX = 5;
/** A drag shorter than this (screen pixels) is a click. */
const CLICK_SLOP = 3;

type Drag =
  | { kind: 'marquee'; pointerId: number; start: [number, number]; now: [number, number]; add: readonly string[]; path: [number, number][] | null }
  | { kind: 'move' | Handle; pointerId: number; start: [number, number]; now: [number, number]; box: Box; base: readonly Stroke[]; shift: boolean };

interface Props {
  /** Select by drawing round the strokes instead of dragging a box. */
  lasso?: boolean;
  /** The frame's Fit size in CSS pixels, and the extra backing resolution of the sketch canvases. */
  width: number;
  height: number;
  pixelScale: number;
  /** The active layer; `disabled` when it cannot be selected from (locked, hidden, not loaded). */
  layer: SketchLayer | null;
  disabled: boolean;
  toFrame(clientX: number, clientY: number): { u: number; v: number };
  /** Strokes to leave out of the layer while they are dragged (drawn here instead), or null. */
  onHide(ids: ReadonlySet<string> | null): void;
  /** Saved strokes changed, or else deleted: one undo step. */
  onEdit(changed: Stroke[], deleted?: string[]): void;
}

/**
 * The selection tool over the frame: drag a box (or draw a lasso) to select the strokes of the active
 * layer it touches (Shift adds), click a stroke to take it; then drag inside the box to move, a corner to scale, the
 * handle above to turn. The strokes follow the pointer live and are saved once, on release.
 */
export function SelectionOverlay({ lasso = false, width, height, pixelScale, layer, disabled, toFrame, onHide, onEdit }: Props) {
  const ids = useSelectionStore((s) => s.ids);
  const layerId = useSelectionStore((s) => s.layerId);
  const zoom = useEditorViewStore((s) => s.view.zoom);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drag = useRef<Drag | null>(null);
  const [preview, setPreview] = useState<readonly Stroke[] | null>(null);
  const [marquee, setMarquee] = useState<Box | null>(null);
  const [loop, setLoop] = useState<readonly [number, number][] | null>(null);
  const [hover, setHover] = useState<Handle | 'inside' | null>(null);
  const aspect = width / height;
  const unit = 1 / zoom;
  const dpr = (window.devicePixelRatio || 1) * pixelScale;

  const selectable = useMemo(() => (disabled || !layer ? [] : layer.strokes.filter((s) => s.tool !== 'eraser' && !s.id.startsWith('pending-'))), [layer, disabled]);
  const selected = useMemo(() => {
    const on = selectedOn({ ids, layerId }, layer?.id);
    return selectable.filter((s) => on.has(s.id));
  }, [selectable, ids, layerId, layer?.id]);
  const box = selectionBox(preview ?? selected, aspect);

  // Another layer, a locked or hidden one, or leaving the tool lets go of the selection.
  useEffect(() => {
    const store = useSelectionStore.getState();
    if (store.layerId && (disabled || store.layerId !== layer?.id)) store.clear();
  }, [disabled, layer?.id]);
  useEffect(
    () => () => {
      // Leaving the tool lets go (and puts back strokes being dragged).
      useSelectionStore.getState().clear();
      if (drag.current) onHide(null);
    },
    [],
  );
  const cancelDrag = () => {
    if (!drag.current) return false;
    drag.current = null;
    setMarquee(null);
    setLoop(null);
    setPreview(null);
    onHide(null);
    return true;
  };
  useSelectionKeys({ layer: disabled ? null : layer, selectable, selected, width, height, onEdit, dragging: () => drag.current !== null, cancelDrag });

  useLayoutEffect(() => {
    const c = canvasRef.current;
    if (!c) return;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    const ctx = c.getContext('2d');
    if (ctx && preview) for (const s of preview) drawFinished(ctx, s, width, height, dpr);
  }, [preview, width, height, dpr]);

  const at = (e: ReactPointerEvent): [number, number] => {
    const { u, v } = toFrame(e.clientX, e.clientY);
    return [u, v];
  };
  const under = (p: [number, number]) => (box ? handleAt(box, p[0] * width, p[1] * height, width, height, GRIP_PX, unit) : null);
  const away = (p: readonly [number, number], from: readonly [number, number]) => Math.hypot((p[0] - from[0]) * width, (p[1] - from[1]) * height) / unit >= CLICK_SLOP;
  /** A drag, not a click: the pointer went some way (a lasso comes back to where it began). */
  const travelled = (d: Drag) => away(d.now, d.start) || (d.kind === 'marquee' && !!d.path?.some((p) => away(p, d.start)));

  const startTransform = (e: ReactPointerEvent, kind: 'move' | Handle, base: readonly Stroke[], p: [number, number]) => {
    const from = selectionBox(base, aspect);
    if (!from) return;
    drag.current = { kind, pointerId: e.pointerId, start: p, now: p, box: from, base, shift: e.shiftKey };
    onHide(new Set(base.map((s) => s.id)));
    setPreview(base);
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (disabled || !layer || drag.current || (e.pointerType === 'mouse' && e.button !== 0) || isPalm(e.nativeEvent)) return;
    e.preventDefault();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = at(e);
    const store = useSelectionStore.getState();
    const onBox = under(p);
    if (onBox && !(e.shiftKey && onBox === 'inside')) return startTransform(e, onBox === 'inside' ? 'move' : onBox, selected, p);
    const hit = strokesAt(selectable, p[0], p[1], CLICK_PX * unit, width, height).at(-1);
    if (hit) {
      // A click takes the stroke (Shift adds it, or lets go of it when it was taken) and a drag moves it at once.
      const had = selected.some((s) => s.id === hit);
      const next = !e.shiftKey ? (had ? selected.map((s) => s.id) : [hit]) : had ? selected.map((s) => s.id).filter((id) => id !== hit) : [...selected.map((s) => s.id), hit];
      store.select(layer.id, next);
      const base = selectable.filter((s) => next.includes(s.id));
      if (base.some((s) => s.id === hit)) startTransform(e, 'move', base, p);
      return;
    }
    const add = e.shiftKey ? selected.map((s) => s.id) : [];
    if (!e.shiftKey) store.clear();
    drag.current = { kind: 'marquee', pointerId: e.pointerId, start: p, now: p, add, path: lasso ? [p] : null };
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return setHover(disabled ? null : under(at(e)));
    d.now = at(e);
    if (d.kind === 'marquee') {
      if (!d.path) return setMarquee(boxOf(d.start, d.now));
      if (d.path.length < 5000) d.path.push(d.now);
      return setLoop([...d.path]);
    }
    d.shift = e.shiftKey;
    const m = dragTransform(d, aspect);
    setPreview(d.base.map((s) => transformStroke(s, m, aspect)));
  };

  const finish = (e: ReactPointerEvent<HTMLDivElement>, keep: boolean) => {
    const d = drag.current;
    if (!d || e.pointerId !== d.pointerId) return;
    drag.current = null;
    d.now = at(e);
    if (d.kind === 'marquee') {
      setMarquee(null);
      setLoop(null);
      if (!keep || !layer || !travelled(d)) return;
      const taken = d.path ? strokesInLasso(selectable, [...d.path, d.now], aspect) : strokesInBox(selectable, boxOf(d.start, d.now), aspect);
      useSelectionStore.getState().select(layer.id, [...d.add, ...taken]);
      return;
    }
    d.shift = e.shiftKey;
    const m = dragTransform(d, aspect);
    if (keep && travelled(d) && !isIdentity(m)) onEdit(d.base.map((s) => transformStroke(s, m, aspect)));
    onHide(null);
    setPreview(null);
  };

  const cursor = disabled ? 'not-allowed' : hover === 'inside' ? 'move' : hover === 'nw' || hover === 'se' ? 'nwse-resize' : hover === 'ne' || hover === 'sw' ? 'nesw-resize' : hover === 'rotate' ? 'grab' : 'default';
  return (
    <div
      className="selection-overlay"
      data-testid="selection-overlay"
      data-selected={selected.length}
      style={{ width, height, cursor }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => finish(e, true)}
      onPointerCancel={(e) => finish(e, false)}
    >
      <canvas ref={canvasRef} className="sketch-canvas" style={{ width, height, opacity: layer?.opacity ?? 1 }} />
      <SelectionMarks width={width} height={height} unit={unit} box={box} marquee={marquee} lasso={loop} />
    </div>
  );
}

const boxOf = (a: readonly [number, number], b: readonly [number, number]): Box => ({ x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) });
