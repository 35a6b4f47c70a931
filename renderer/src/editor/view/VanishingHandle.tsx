import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { Point } from '../../../../shared/domain/guides';

interface Props {
  /** Where the handle is, in normalised frame coordinates, and the frame's Fit size. */
  at: Point;
  width: number;
  height: number;
  zoom: number;
  label: string;
  testId: string;
  /** The normalised frame point under a page position (through the view transform). */
  toFrame(clientX: number, clientY: number): { u: number; v: number };
  onMove(p: Point): void;
}

/** A draggable ring on a perspective guide (the vanishing point, or the horizon); the only part of the guides that takes the pointer. */
export function VanishingHandle({ at, width, height, zoom, label, testId, toFrame, onMove }: Props) {
  const dragging = useRef<number | null>(null);
  const r = 7 / zoom;
  const move = (e: ReactPointerEvent<SVGGElement>) => {
    if (dragging.current !== e.pointerId) return;
    e.stopPropagation();
    const { u, v } = toFrame(e.clientX, e.clientY);
    onMove({ x: u, y: v });
  };
  return (
    <g
      className="guide-handle"
      data-testid={testId}
      transform={`translate(${at.x * width} ${at.y * height})`}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        dragging.current = e.pointerId;
      }}
      onPointerMove={move}
      onPointerUp={(e) => {
        move(e);
        dragging.current = null;
      }}
      onPointerCancel={() => (dragging.current = null)}
    >
      <title>{label}</title>
      <circle r={r * 1.9} className="guide-handle-hit" />
      <circle r={r} vectorEffect="non-scaling-stroke" />
      <circle r={r * 0.28} className="guide-handle-dot" />
    </g>
  );
}
