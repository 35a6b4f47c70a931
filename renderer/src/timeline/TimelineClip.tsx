import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import type { TimelineSegment } from '../../../shared/domain/animatic';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { thumbnailUrl } from '../board/thumbnails';
import { FilmStripIcon } from '../components/Icons';

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
      data-clip={seg.clip ? 'true' : undefined}
      title={`${seg.shotNumber} · ${frames} frames (${seconds} s)`}
    >
      {seg.imageSha256 && w > 36 && <div className="tl-clip-thumb" style={{ backgroundImage: `url(${thumbnailUrl(seg.imageSha256)})` }} />}
      {seg.transitionIn === 'fade in' && <div className="tl-trans tl-trans-fade-in" style={{ width: seg.inAfter * pxPerFrame }} title="fade from black" />}
      {seg.fadeOut > 0 && <div className="tl-trans tl-trans-fade-out" style={{ width: seg.fadeOut * pxPerFrame, right: 0 }} title="fade out" />}
      <span className="tl-clip-label">
        {seg.shotNumber}
        {hasMove(seg.framing) && <span className="tl-badge" title="Camera move">◩</span>}
        {seg.clip && (
          <span className="tl-badge tl-badge-clip" data-testid="timeline-clip-film" title={`Plays a clip (${(seg.clip.durationMs / 1000).toFixed(1)} s, ${seg.clip.after === 'loop' ? 'looped' : 'last frame held'})`}>
            <FilmStripIcon size={11} />
          </span>
        )}
      </span>
      {w > 60 && <span className="tl-clip-dur">{seconds}s</span>}
      <div className="tl-edge" data-testid="timeline-clip-edge" onPointerDown={(e) => onEdgeDown(e, seg)} title="Drag to change the duration" />
    </div>
  );
});
