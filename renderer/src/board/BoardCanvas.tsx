import { useEffect, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import { Layer, Rect, Stage } from './konva';
import { aspectValue } from '../../../shared/domain/project';
import { useBoardStore } from '../state/board-store';
import { useViewStore, type Camera } from '../state/view-store';
import { useElementSize } from '../util/useElementSize';
import { boardView, revealPanel, setCamera } from './board-view';
import { wheelPixels, wheelZoomFactor, zoomAt } from './camera';
import { DragLayer } from './DragLayer';
import { visibleItems } from './hit-test';
import { layoutBoard } from './layout';
import { PanelCard, type CardDetail } from './PanelCard';
import { SceneHeader } from './SceneHeader';
import { Scrollbars } from './Scrollbars';
import { canvasTheme as t } from './theme';
import { watchReadiness } from './readiness';
import { useBoardPointer } from './useBoardPointer';
import { bitmapResolution } from './useBitmap';
import { useFileDrop } from './useFileDrop';

/** Below this zoom cards drop their text rows (unreadable that small, and cheaper to draw). */
const LOW_DETAIL_ZOOM = 0.55;

interface Band {
  top: number;
  bottom: number;
}

/** The band of the board that is mounted: the view plus a margin, moved only when the view nears its edge. */
function nextBand(band: Band | null, cam: Camera, height: number): Band {
  const top = cam.y;
  const bottom = cam.y + height / cam.scale;
  const margin = Math.max(240, (bottom - top) * 0.5);
  if (band && band.top <= top - margin / 3 && band.bottom >= bottom + margin / 3) return band;
  if (band && top <= 0 && band.top <= top && band.bottom >= bottom + margin / 3) return band;
  return { top: Math.floor(top - margin), bottom: Math.ceil(bottom + margin) };
}

const layerTransform = (cam: Camera) => ({ x: -cam.x * cam.scale, y: -cam.y * cam.scale, scaleX: cam.scale, scaleY: cam.scale });

/**
 * The board: a viewport-sized Konva stage over the laid-out board. Three layers: the cards and
 * headers of the visible band (nothing listens; the pointer is hit-tested against the layout), the drag
 * layer, and nothing else. The camera (pan, zoom) moves the layers directly, without re-rendering
 * React; cards mount and unmount only as the visible band moves.
 */
export function BoardCanvas() {
  const board = useBoardStore((s) => s.board);
  const selection = useBoardStore((s) => s.selection);
  const selectedSceneId = useBoardStore((s) => s.selectedSceneId);
  const revealPanelId = useBoardStore((s) => s.revealPanelId);
  const clearReveal = useBoardStore((s) => s.clearReveal);
  const cardScale = useViewStore((s) => s.cardScale);
  const wrapZoom = useViewStore((s) => s.wrapZoom);
  const containerRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<Konva.Layer>(null);
  const dragLayerRef = useRef<Konva.Layer>(null);
  const ghostRef = useRef<Konva.Group>(null);
  const { width, height } = useElementSize(containerRef);
  const [band, setBand] = useState<Band | null>(null);
  const [detail, setDetail] = useState<CardDetail>('full');
  const [resolution, setResolution] = useState(1);
  const pointer = useBoardPointer(containerRef, dragLayerRef, ghostRef);
  const files = useFileDrop(containerRef);

  const layout = useMemo(
    () => (board && width > 0 ? layoutBoard(board, width / wrapZoom, aspectValue(board.project.aspectRatio), cardScale) : null),
    [board, width, cardScale, wrapZoom],
  );
  boardView.layout = layout;
  boardView.viewport = { width, height };
  boardView.container = containerRef.current;

  // The camera drives the layers directly; React re-renders only when the mounted band or the level of detail changes.
  useEffect(() => {
    if (!layout || height === 0) return;
    const apply = (cam: Camera) => {
      for (const layer of [contentRef.current, dragLayerRef.current]) {
        layer?.setAttrs(layerTransform(cam));
        layer?.batchDraw();
      }
      setBand((b) => nextBand(b, cam, height));
      setDetail(cam.scale < LOW_DETAIL_ZOOM ? 'low' : 'full');
      setResolution(bitmapResolution(cam.scale));
    };
    setCamera(useViewStore.getState().camera); // re-clamp for the new layout or size
    apply(useViewStore.getState().camera);
    return useViewStore.subscribe((s, prev) => s.camera !== prev.camera && apply(s.camera));
  }, [layout, height]);

  // Wheel pans (shift+wheel sideways); ctrl+wheel, and a trackpad pinch, zooms around the pointer.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { dx, dy } = wheelPixels(e, el.clientHeight);
      const cam = useViewStore.getState().camera;
      if (e.ctrlKey || e.metaKey) {
        const box = el.getBoundingClientRect();
        setCamera(zoomAt(cam, wheelZoomFactor(dy), { x: e.clientX - box.left, y: e.clientY - box.top }));
      } else if (e.shiftKey && dx === 0) {
        setCamera({ ...cam, x: cam.x + dy / cam.scale });
      } else {
        setCamera({ ...cam, x: cam.x + dx / cam.scale, y: cam.y + dy / cam.scale });
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  // Bring a newly added or keyboard-selected panel into view.
  useEffect(() => {
    if (!revealPanelId || !layout || height === 0) return;
    revealPanel(revealPanelId);
    clearReveal();
  }, [revealPanelId, layout, height, clearReveal]);

  useEffect(() => watchReadiness(contentRef.current), [layout, height]);

  const cam = useViewStore.getState().camera;
  const mounted = layout && band ? visibleItems(layout, band.top, band.bottom) : { scenes: [], cards: [] };
  const dragged = pointer.visual.panels ? new Set(pointer.visual.panels.ids) : null;
  const fileVisual = files.visual;
  const visual = fileVisual ? { ...pointer.visual, bar: fileVisual.bar } : pointer.visual;

  return (
    <div ref={containerRef} className="board-canvas" data-testid="board-canvas" {...pointer.handlers} {...files.handlers}>
      {layout && height > 0 && (
        <Stage width={width} height={height} listening={false}>
          <Layer ref={contentRef} listening={false} {...layerTransform(cam)}>
            {mounted.scenes.map((s) => (
              <SceneHeader key={s.scene.id} layout={s} selected={s.scene.id === selectedSceneId} dimmed={s.scene.id === pointer.visual.sceneId || s.scene.omitted} resolution={resolution} />
            ))}
            {mounted.cards.map((c) => (
              <PanelCard
                key={c.panel.id}
                panel={c.panel}
                rect={c.rect}
                metrics={layout.metrics}
                selected={selection.has(c.panel.id)}
                hover={c.panel.id === pointer.hoverId}
                dimmed={(dragged?.has(c.panel.id) ?? false) || c.panel.omitted || c.scene.omitted}
                detail={detail}
                resolution={resolution}
              />
            ))}
            {fileVisual?.card && <Rect {...fileVisual.card} stroke={t.dropBar} strokeWidth={3} cornerRadius={3} fill="rgba(74, 140, 255, 0.18)" listening={false} perfectDrawEnabled={false} />}
          </Layer>
          <DragLayer layerRef={dragLayerRef} ghostRef={ghostRef} layout={layout} visual={visual} ghostAt={pointer.ghostAt.current} transform={layerTransform(cam)} />
        </Stage>
      )}
      {layout && height > 0 && <Scrollbars viewport={{ width, height }} content={{ width: layout.width, height: layout.height }} />}
    </div>
  );
}
