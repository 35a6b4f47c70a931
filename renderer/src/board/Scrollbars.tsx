import { useRef } from 'react';
import { useViewStore } from '../state/view-store';
import { setCamera } from './board-view';
import type { Size } from './camera';

const MARGIN = 3;
const MIN_THUMB = 32;

interface Props {
  viewport: Size;
  content: Size;
}

/** Thin overlay scrollbars whose thumbs can be dragged; each hides when the board fits that way. */
export function Scrollbars({ viewport, content }: Props) {
  const camera = useViewStore((s) => s.camera);
  return (
    <>
      <Bar axis="y" viewport={viewport.height} content={content.height * camera.scale} offset={camera.y * camera.scale} />
      <Bar axis="x" viewport={viewport.width} content={content.width * camera.scale} offset={camera.x * camera.scale} />
    </>
  );
}

function Bar({ axis, viewport, content, offset }: { axis: 'x' | 'y'; viewport: number; content: number; offset: number }) {
  const drag = useRef<{ start: number; offset: number } | null>(null);
  const max = content - viewport;
  if (max <= 1 || viewport <= 0) return null;
  const track = viewport - 2 * MARGIN - (axis === 'x' ? 12 : 0);
  const thumb = Math.max(MIN_THUMB, (track * viewport) / content);
  const travel = track - thumb;
  const pos = MARGIN + (travel * Math.min(max, Math.max(0, offset))) / max;
  const scrollTo = (screenOffset: number) => {
    const cam = useViewStore.getState().camera;
    const value = screenOffset / cam.scale;
    setCamera(axis === 'y' ? { ...cam, y: value } : { ...cam, x: value });
  };
  const style = axis === 'y' ? { top: pos, height: thumb, right: MARGIN } : { left: pos, width: thumb, bottom: MARGIN };
  return (
    <div
      className={`board-scrollbar board-scrollbar-${axis}`}
      style={style}
      data-testid={`board-scrollbar-${axis}`}
      onPointerDown={(e) => {
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { start: axis === 'y' ? e.clientY : e.clientX, offset };
      }}
      onPointerMove={(e) => {
        if (!drag.current || travel <= 0) return;
        const delta = (axis === 'y' ? e.clientY : e.clientX) - drag.current.start;
        scrollTo(drag.current.offset + (delta / travel) * max);
      }}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
    />
  );
}
