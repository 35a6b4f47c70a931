import { useState } from 'react';
import { Rect } from 'react-konva';
import { canvasTheme as t } from './theme';

interface Props {
  viewportWidth: number;
  viewportHeight: number;
  contentHeight: number;
  scrollY: number;
  onScroll(y: number): void;
}

const WIDTH = 6;
const MARGIN = 3;

/** A thin overlay scrollbar; its thumb can be dragged. Hidden when everything fits. */
export function ScrollBar({ viewportWidth, viewportHeight, contentHeight, scrollY, onScroll }: Props) {
  const [active, setActive] = useState(false);
  const maxScroll = contentHeight - viewportHeight;
  if (maxScroll <= 0) return null;
  const track = viewportHeight - 2 * MARGIN;
  const thumb = Math.max(32, (track * viewportHeight) / contentHeight);
  const travel = track - thumb;
  const y = MARGIN + (travel * scrollY) / maxScroll;
  const x = viewportWidth - WIDTH - MARGIN;
  return (
    <Rect
      x={x}
      y={y}
      width={WIDTH}
      height={thumb}
      cornerRadius={WIDTH / 2}
      fill={active ? t.scrollbarActive : t.scrollbar}
      hitStrokeWidth={8}
      perfectDrawEnabled={false}
      draggable
      dragBoundFunc={(pos) => ({ x, y: Math.min(MARGIN + travel, Math.max(MARGIN, pos.y)) })}
      onDragMove={(e) => onScroll(((e.target.y() - MARGIN) / travel) * maxScroll)}
      onMouseEnter={() => setActive(true)}
      onMouseLeave={() => setActive(false)}
    />
  );
}
