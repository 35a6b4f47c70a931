import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import type { TimelineSegment } from '../../../shared/domain/animatic';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { thumbnailUrl } from '../board/thumbnails';

interface Props {
  seg: TimelineSegment;
  /** Start and length in frames, with a retime drag in progress applied. */
  start: number;
  frames: number;
  fps: number;
  pxPerFrame: number;
  current: boolean;
  retiming: boolean;
  onEdgeDown(e: ReactPointerEvent<HTMLDivElement>, seg: TimelineSegment): void;
}

/** One panel as a clip on the video track: its thumbnail, shot number, length and transitions. */
export const TimelineClip = memo(function TimelineClip({ seg, start, frames, fps, pxPerFrame, current, retiming, onEdgeDown }: Props) {
  const w = frames * pxPerFrame;
  const seconds = (frames / fps).toFixed(2);
  return (
    <div
      className={`tl-clip${current ? ' is-current' : ''}${retiming ? ' is-retiming' : ''}`}
      style={{ left: start * pxPerFrame, width: Math.max(2, w - 1) }}
      data-testid="timeline-clip"
      data-panel-id={seg.panelId}
      data-frames={frames}
      title={`${seg.shotNumber} · ${frames} frames (${seconds} s)`}
    >
      {seg.imageSha256 && w > 36 && <div className="tl-clip-thumb" style={{ backgroundImage: `url(${thumbnailUrl(seg.imageSha256)})` }} />}
      {seg.transitionIn === 'fade in' && <div className="tl-trans tl-trans-fade-in" style={{ width: seg.inAfter * pxPerFrame }} title="fade from black" />}
      {seg.fadeOut > 0 && <div className="tl-trans tl-trans-fade-out" style={{ width: seg.fadeOut * pxPerFrame, right: 0 }} title="fade out" />}
      <span className="tl-clip-label">
        {seg.shotNumber}
        {hasMove(seg.framing) && <span className="tl-badge" title="Camera move">◩</span>}
      </span>
      {w > 60 && <span className="tl-clip-dur">{seconds}s</span>}
      <div className="tl-edge" data-testid="timeline-clip-edge" onPointerDown={(e) => onEdgeDown(e, seg)} title="Drag to change the duration" />
    </div>
  );
});
