import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type Konva from 'konva';
import { actions } from '../state/actions';
import { selectedPanels, useBoardStore } from '../state/board-store';
import { clickPanel, marqueeSelect } from '../state/selection';
import { useViewStore } from '../state/view-store';
import { isTextEntry } from '../util/platform';
import { prefetchPanelEditor } from '../editor/editor-prefetch';
import { boardView, panBy } from './board-view';
import { screenToBoard } from './camera';
import { DRAG_THRESHOLD, distance, edgeSpeed, NO_VISUAL, rectFrom, sameRect, type DragVisual, type Gesture } from './drag-state';
import { cardsInRect, hitTest, panelSlot, sceneSlot, type PanelSlot, type Point, type SceneSlot } from './hit-test';

const board = () => useBoardStore.getState();
const view = () => useViewStore.getState();

/**
 * Every pointer gesture on the board, hit-tested against the layout (no Konva node listens):
 * click / shift-click / ctrl-click selection, marquee, dragging panels or a scene header to a new
 * place (the board scrolls near its edges), middle-button or space+drag panning, double-click to open
 * the panel editor, and the context menu.
 */
export function useBoardPointer(containerRef: RefObject<HTMLDivElement | null>, dragLayerRef: RefObject<Konva.Layer | null>, ghostRef: RefObject<Konva.Group | null>) {
  const gesture = useRef<Gesture>({ kind: 'idle' });
  const pointer = useRef<Point>({ x: 0, y: 0 });
  const slot = useRef<PanelSlot | SceneSlot | null>(null);
  const ghostAt = useRef<Point>({ x: 0, y: 0 });
  const space = useRef(false);
  const frame = useRef(0);
  const [visual, setVisual] = useState<DragVisual>(NO_VISUAL);
  const [hoverId, setHoverId] = useState<string | null>(null);

  const local = (e: { clientX: number; clientY: number }): Point => {
    const box = containerRef.current!.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const toBoard = (p: Point) => screenToBoard(view().camera, p);

  /** Re-evaluates the gesture for the current pointer (after a move, or after the board scrolled under it). */
  const track = useCallback(() => {
    const g = gesture.current;
    const layout = boardView.layout;
    if (!layout) return;
    const at = toBoard(pointer.current);
    if (g.kind === 'drag-panels' || g.kind === 'drag-scene') {
      // The panels' ghost hangs from the pointer by its grab point (it is drawn smaller, scaled around it).
      ghostAt.current = g.kind === 'drag-panels' ? at : { x: at.x - g.grab.x, y: at.y - g.grab.y };
      ghostRef.current?.position(ghostAt.current);
      dragLayerRef.current?.batchDraw();
      const next = g.kind === 'drag-panels' ? panelSlot(layout, at) : sceneSlot(layout, at.y);
      slot.current = next;
      setVisual((v) => (sameRect(v.bar, next?.bar ?? null) ? v : { ...v, bar: next?.bar ?? null }));
    } else if (g.kind === 'marquee') {
      const rect = rectFrom(g.origin, at);
      const ids = cardsInRect(layout, rect).map((c) => c.panel.id);
      const key = ids.join();
      if (key !== g.picked) {
        g.picked = key;
        marqueeSelect(ids, g.base);
      }
      setVisual((v) => ({ ...v, marquee: rect }));
    }
  }, [dragLayerRef, ghostRef]);

  /** While dragging, scrolls the board when the pointer rests near its top or bottom edge. */
  const autoScroll = useCallback(() => {
    const g = gesture.current.kind;
    if (g !== 'drag-panels' && g !== 'drag-scene' && g !== 'marquee') return;
    const speed = edgeSpeed(pointer.current.y, boardView.viewport.height);
    if (speed !== 0) {
      panBy(0, speed);
      track();
    }
    frame.current = requestAnimationFrame(autoScroll);
  }, [track]);

  const end = useCallback(() => {
    cancelAnimationFrame(frame.current);
    gesture.current = { kind: 'idle' };
    slot.current = null;
    setVisual(NO_VISUAL);
    if (containerRef.current) containerRef.current.style.cursor = '';
  }, [containerRef]);

  const begin = (next: Gesture) => {
    gesture.current = next;
    if (containerRef.current) containerRef.current.style.cursor = next.kind === 'marquee' ? 'crosshair' : 'grabbing';
    if (next.kind === 'drag-panels') setVisual({ ...NO_VISUAL, panels: { ids: next.ids, lead: next.lead, grab: next.grab } });
    if (next.kind === 'drag-scene') setVisual({ ...NO_VISUAL, sceneId: next.sceneId });
    track();
    frame.current = requestAnimationFrame(autoScroll);
  };

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const active = document.activeElement;
    // A field being edited commits (on blur) before the click changes the selection.
    if (active instanceof HTMLElement && isTextEntry(active)) active.blur();
    if (view().contextMenu) view().openContextMenu(null);
    const layout = boardView.layout;
    if (!layout || gesture.current.kind !== 'idle') return;
    const p = local(e);
    pointer.current = p;
    if (e.button === 1 || (e.button === 0 && space.current)) {
      e.preventDefault();
      containerRef.current?.setPointerCapture(e.pointerId);
      begin({ kind: 'pan', last: p });
      return;
    }
    if (e.button !== 0) return;
    containerRef.current?.setPointerCapture(e.pointerId);
    const hit = hitTest(layout, toBoard(p));
    const mods = { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey };
    if (hit.kind === 'card') {
      const id = hit.card.panel.id;
      const selected = board().selection.has(id);
      if (mods.range || mods.toggle || !selected) clickPanel(id, mods);
      gesture.current = { kind: 'press-card', start: p, panelId: id, deferSelect: selected && !mods.range && !mods.toggle };
    } else if (hit.kind === 'header') {
      board().selectScene(hit.scene.scene.id);
      gesture.current = { kind: 'press-header', start: p, sceneId: hit.scene.scene.id };
    } else {
      const base = mods.range || mods.toggle ? board().selection : new Set<string>();
      if (base.size === 0) board().select(null);
      gesture.current = { kind: 'press-empty', start: p, base };
    }
  };

  /** The second press of a double-click on a card: what the editor needs starts loading (see prefetchPanelEditor). */
  const onMouseDown = (e: React.MouseEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (e.button === 0 && e.detail === 2 && g.kind === 'press-card') prefetchPanelEditor(g.panelId);
  };

  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const p = local(e);
    pointer.current = p;
    const g = gesture.current;
    const layout = boardView.layout;
    if (!layout) return;
    if (g.kind === 'pan') {
      panBy(g.last.x - p.x, g.last.y - p.y);
      g.last = p;
      return;
    }
    if (g.kind === 'idle') {
      const hit = hitTest(layout, toBoard(p));
      const id = hit.kind === 'card' ? hit.card.panel.id : null;
      if (id !== hoverId) setHoverId(id);
      return;
    }
    if ((g.kind === 'press-card' || g.kind === 'press-header' || g.kind === 'press-empty') && distance(g.start, p) < DRAG_THRESHOLD) return;
    const start = g.kind === 'press-card' || g.kind === 'press-header' || g.kind === 'press-empty' ? toBoard(g.start) : null;
    if (g.kind === 'press-card' && start) {
      const { board: b, selection } = board();
      const ids = selection.has(g.panelId) ? selectedPanels(b, selection).map((x) => x.id) : [g.panelId];
      const rect = layout.byId.get(g.panelId)!.rect;
      begin({ kind: 'drag-panels', ids, lead: g.panelId, grab: { x: start.x - rect.x, y: start.y - rect.y } });
    } else if (g.kind === 'press-header' && start) {
      const header = layout.scenes.find((s) => s.scene.id === g.sceneId)!.header;
      begin({ kind: 'drag-scene', sceneId: g.sceneId, grab: { x: start.x - header.x, y: start.y - header.y } });
    } else if (g.kind === 'press-empty' && start) {
      begin({ kind: 'marquee', origin: start, base: g.base, picked: '' });
    } else {
      track();
    }
  };

  const onPointerUp = () => {
    const g = gesture.current;
    const s = slot.current;
    if (g.kind === 'press-card' && g.deferSelect) clickPanel(g.panelId, { range: false, toggle: false });
    if (g.kind === 'drag-panels' && s && 'sceneId' in s) void actions.movePanels(g.ids, s.sceneId, s.index);
    if (g.kind === 'drag-scene' && s && !('sceneId' in s)) void actions.moveScene(g.sceneId, s.index);
    end();
  };

  const onDoubleClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const layout = boardView.layout;
    if (!layout) return;
    const hit = hitTest(layout, toBoard(local(e)));
    if (hit.kind === 'card') view().openEditor(hit.card.panel.id);
  };

  const onContextMenu = (e: React.MouseEvent<HTMLDivElement>) => {
    e.preventDefault();
    const layout = boardView.layout;
    if (!layout) return;
    const hit = hitTest(layout, toBoard(local(e)));
    if (hit.kind === 'card') {
      const id = hit.card.panel.id;
      if (!board().selection.has(id)) board().select(id);
      view().openContextMenu({ x: e.clientX, y: e.clientY, target: { kind: 'panel', panelId: id } });
    } else if (hit.kind === 'header') {
      board().selectScene(hit.scene.scene.id);
      view().openContextMenu({ x: e.clientX, y: e.clientY, target: { kind: 'scene', sceneId: hit.scene.scene.id } });
    } else {
      view().openContextMenu({ x: e.clientX, y: e.clientY, target: { kind: 'board' } });
    }
  };

  // Space held down turns a drag into panning; Escape cancels a drag.
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !isTextEntry(e.target)) space.current = true;
      if (e.key === 'Escape' && gesture.current.kind !== 'idle') {
        e.preventDefault();
        end();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') space.current = false;
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      cancelAnimationFrame(frame.current);
    };
  }, [end]);

  const onPointerLeave = () => setHoverId(null);
  return {
    handlers: { onPointerDown, onMouseDown, onPointerMove, onPointerUp, onPointerCancel: end, onDoubleClick, onContextMenu, onPointerLeave },
    visual,
    hoverId,
    ghostAt,
  };
}
