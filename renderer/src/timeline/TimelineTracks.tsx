import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import { timecode } from '../../../shared/domain/animatic';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { thumbnailUrl } from '../board/thumbnails';
import { AudioLanes } from './AudioLanes';
import { seek } from './playback';
import { timelineActions } from './timeline-actions';
import { useTimelineStore } from './timeline-store';

export const RULER_H = 22;
export const VIDEO_H = 56;

/** A clip edge being dragged: the panel and the frame count it would get. */
interface Retime {
  panelId: string;
  index: number;
  frames: number;
}

function rulerStep(pxPerSecond: number): number {
  for (const s of [1, 2, 5, 10, 15, 30, 60, 120, 300]) if (s * pxPerSecond >= 70) return s;
  return 600;
}

/** The tracks: a ruler to scrub on, the panels as clips sized by their frames, the audio lanes, the playhead. */
export function TimelineTracks({ timeline: t }: { timeline: Timeline }) {
  const pxPerSecond = useTimelineStore((s) => s.pxPerSecond);
  const frame = useTimelineStore((s) => s.frame);
  const playing = useTimelineStore((s) => s.speed !== 0);
  const range = useTimelineStore((s) => s.range);
  const loop = useTimelineStore((s) => s.loop);
  const scroller = useRef<HTMLDivElement>(null);
  const [retime, setRetime] = useState<Retime | null>(null);
  const pxPerFrame = pxPerSecond / t.fps;

  // Frame positions with a drag in progress: the dragged clip takes its new length and the rest ripple.
  const delta = retime ? retime.frames - t.segments[retime.index].frames : 0;
  const startOf = (s: TimelineSegment) => s.startFrame + (retime && s.index > retime.index ? delta : 0);
  const framesOf = (s: TimelineSegment) => (retime && s.index === retime.index ? retime.frames : s.frames);
  const total = t.totalFrames + delta;
  const width = Math.max(total * pxPerFrame + 200, 400);

  // Keep the playhead in view while playing.
  useEffect(() => {
    const el = scroller.current;
    if (!el || !playing) return;
    const x = frame * pxPerFrame;
    if (x < el.scrollLeft + 40 || x > el.scrollLeft + el.clientWidth - 40) el.scrollLeft = Math.max(0, x - 80);
  }, [frame, playing, pxPerFrame]);

  const frameAt = (clientX: number) => {
    const el = scroller.current!;
    const x = clientX - el.getBoundingClientRect().left + el.scrollLeft;
    return Math.floor(x / pxPerFrame);
  };

  const scrub = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    seek(frameAt(e.clientX));
    const move = (ev: PointerEvent) => seek(frameAt(ev.clientX));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };

  const dragEdge = (e: ReactPointerEvent<HTMLDivElement>, seg: TimelineSegment) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    let frames = seg.frames;
    setRetime({ panelId: seg.panelId, index: seg.index, frames });
    const move = (ev: PointerEvent) => {
      // Snaps to whole frames at the project's rate.
      frames = Math.max(1, seg.frames + Math.round((ev.clientX - startX) / pxPerFrame));
      setRetime({ panelId: seg.panelId, index: seg.index, frames });
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      if (frames !== seg.frames) void timelineActions.retime(seg.panelId, frames).finally(() => setRetime(null));
      else setRetime(null);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  const step = rulerStep(pxPerSecond);
  const ticks: number[] = [];
  for (let s = 0; s * t.fps <= total + t.fps * step; s += step) ticks.push(s);

  return (
    <div className="tl-tracks" ref={scroller} data-testid="timeline-tracks">
      <div className="tl-content" style={{ width }}>
        <div className="tl-ruler" style={{ height: RULER_H }} onPointerDown={scrub} data-testid="timeline-ruler">
          {ticks.map((s) => (
            <span key={s} className="tl-tick" style={{ left: s * pxPerSecond }}>
              {timecode(Math.round(s * t.fps), t.rate).slice(3, 8)}
            </span>
          ))}
        </div>
        <div className="tl-row tl-video" style={{ height: VIDEO_H }} onPointerDown={scrub}>
          {t.segments.map((seg) => {
            const w = framesOf(seg) * pxPerFrame;
            const current = frame >= seg.startFrame && frame < seg.startFrame + seg.frames;
            return (
              <div
                key={seg.panelId}
                className={`tl-clip${current ? ' is-current' : ''}${retime?.panelId === seg.panelId ? ' is-retiming' : ''}`}
                style={{ left: startOf(seg) * pxPerFrame, width: Math.max(2, w - 1) }}
                data-testid="timeline-clip"
                data-panel-id={seg.panelId}
                data-frames={framesOf(seg)}
                title={`${seg.shotNumber} · ${framesOf(seg)} frames (${((framesOf(seg) / t.fps)).toFixed(2)} s)`}
              >
                {seg.imageSha256 && w > 36 && <div className="tl-clip-thumb" style={{ backgroundImage: `url(${thumbnailUrl(seg.imageSha256)})` }} />}
                {seg.transitionIn === 'fade in' && <div className="tl-trans tl-trans-fade-in" style={{ width: seg.inAfter * pxPerFrame }} title="fade from black" />}
                {seg.fadeOut > 0 && <div className="tl-trans tl-trans-fade-out" style={{ width: seg.fadeOut * pxPerFrame, right: 0 }} title="fade out" />}
                <span className="tl-clip-label">
                  {seg.shotNumber}
                  {hasMove(seg.framing) && <span className="tl-badge" title="Camera move">◩</span>}
                </span>
                {w > 60 && <span className="tl-clip-dur">{(framesOf(seg) / t.fps).toFixed(2)}s</span>}
                <div className="tl-edge" data-testid="timeline-clip-edge" onPointerDown={(e) => dragEdge(e, seg)} title="Drag to change the duration" />
              </div>
            );
          })}
        </div>
        {t.segments
          .filter((seg) => seg.transitionIn === 'dissolve')
          .map((seg) => (
            <div
              key={`x-${seg.panelId}`}
              className="tl-dissolve"
              style={{ left: (startOf(seg) - seg.inBefore) * pxPerFrame, width: (seg.inBefore + seg.inAfter) * pxPerFrame, top: RULER_H + VIDEO_H / 2 - 7 }}
              title={`Cross-dissolve, ${seg.inBefore + seg.inAfter} frames`}
            />
          ))}
        <AudioLanes timeline={t} pxPerSecond={pxPerSecond} />
        {loop && range && (
          <div className="tl-range" style={{ left: range.in * pxPerFrame, width: (range.out - range.in + 1) * pxPerFrame }} />
        )}
        <div className="tl-playhead" style={{ left: frame * pxPerFrame }} data-testid="timeline-playhead" data-frame={frame}>
          <div className="tl-playhead-head" />
        </div>
      </div>
    </div>
  );
}
