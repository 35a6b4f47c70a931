import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { aspectValue } from '../../../shared/domain/project';
import { useBoardStore } from '../state/board-store';
import { isTextEntry } from '../util/platform';
import { useElementSize } from '../util/useElementSize';
import { inBand, layoutBoard, PAD_TOP } from './layout';
import { PanelCard } from './PanelCard';
import { SceneHeader } from './SceneHeader';
import { ScrollBar } from './ScrollBar';
import { setCanvasSource } from './test-hook';

/** Extra band above and below the viewport that is drawn too, so fast scrolling shows no gaps. */
const OVERSCAN = 240;
const LINE_HEIGHT = 16;

/**
 * The board: a viewport-sized Konva stage over a laid-out board. The wheel pans the y offset and
 * only headers and cards inside the visible band (plus overscan) are drawn.
 */
export function BoardCanvas() {
  const board = useBoardStore((s) => s.board);
  const selectedPanelId = useBoardStore((s) => s.selectedPanelId);
  const revealPanelId = useBoardStore((s) => s.revealPanelId);
  const select = useBoardStore((s) => s.select);
  const clearReveal = useBoardStore((s) => s.clearReveal);
  const containerRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(containerRef);
  const [scrollY, setScrollY] = useState(0);

  const layout = useMemo(
    () => (board && width > 0 ? layoutBoard(board, width, aspectValue(board.project.aspectRatio)) : null),
    [board, width],
  );
  const maxScroll = Math.max(0, (layout?.height ?? 0) - height);
  const clamp = useCallback((y: number) => Math.round(Math.min(maxScroll, Math.max(0, y))), [maxScroll]);
  const top = clamp(scrollY);

  useEffect(() => {
    if (scrollY !== top) setScrollY(top);
  }, [scrollY, top]);

  // Bring a newly added panel into view.
  useEffect(() => {
    if (!revealPanelId || !layout || height === 0) return;
    const card = layout.byId.get(revealPanelId);
    if (card) {
      const { y, height: h } = card.rect;
      if (y - PAD_TOP < top) setScrollY(clamp(y - PAD_TOP));
      else if (y + h + PAD_TOP > top + height) setScrollY(clamp(y + h + PAD_TOP - height));
    }
    clearReveal();
  }, [revealPanelId, layout, height, top, clamp, clearReveal]);

  const state = useRef({ layout, scrollY: top });
  state.current = { layout, scrollY: top };
  useEffect(() => {
    setCanvasSource(() => ({ ...state.current, container: containerRef.current }));
    return () => setCanvasSource(null);
  }, []);

  const onWheel = (e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    if (e.evt.ctrlKey) return; // pinch-zoom gesture: no zoom yet, and no scrolling either
    const scale = e.evt.deltaMode === 1 ? LINE_HEIGHT : e.evt.deltaMode === 2 ? height : 1;
    setScrollY((y) => clamp(y + e.evt.deltaY * scale));
  };

  // A field being edited commits (on blur) before the click changes the selection, even if a
  // handler up the chain cancels the pointer-down default.
  const onPointerDown = () => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && isTextEntry(active)) active.blur();
  };

  const onStageClick = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target === e.target.getStage()) select(null);
  };

  const bandTop = top - OVERSCAN;
  const bandBottom = top + height + OVERSCAN;
  const scenes = layout ? layout.scenes.filter((s) => inBand({ ...s.header, height: s.header.height + (s.empty?.height ?? 0) + 12 }, bandTop, bandBottom)) : [];
  const cards = layout ? layout.cards.filter((c) => inBand(c.rect, bandTop, bandBottom)) : [];

  return (
    <div ref={containerRef} className="board-canvas" data-testid="board-canvas">
      {layout && height > 0 && (
        <Stage width={width} height={height} onWheel={onWheel} onMouseDown={onPointerDown} onTouchStart={onPointerDown} onClick={onStageClick} onTap={onStageClick}>
          <Layer y={-top}>
            {scenes.map((s) => (
              <SceneHeader key={s.scene.id} layout={s} />
            ))}
            {cards.map((c) => (
              <PanelCard key={c.panel.id} panel={c.panel} rect={c.rect} metrics={layout.metrics} selected={c.panel.id === selectedPanelId} onSelect={select} />
            ))}
          </Layer>
          <Layer>
            <ScrollBar viewportWidth={width} viewportHeight={height} contentHeight={layout.height} scrollY={top} onScroll={(y) => setScrollY(clamp(y))} />
          </Layer>
        </Stage>
      )}
    </div>
  );
}
