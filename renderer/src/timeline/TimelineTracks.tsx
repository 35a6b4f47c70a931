import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import { segmentAt, timecode } from '../../../shared/domain/animatic';
import { AudioLanes } from './AudioLanes';
import { seek } from './playback';
import { Playhead } from './Playhead';
import { SceneMarks } from './SceneMarks';
import { TimelineClip } from './TimelineClip';
import { timelineActions } from './timeline-actions';
import { useTimelineStore } from './timeline-store';
import { frameWindow, visibleSegments } from './visible-window';

/** The ruler: the scene strip (timeline-tracks.css .tl-scenes) over the time ticks. */
export const RULER_H = 38;
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

/** Scroll position and width of the tracks, updated at most once per animation frame. */
function useScrollView(scroller: React.RefObject<HTMLDivElement | null>) {
  const [view, setView] = useState({ left: 0, width: 1600 });
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let pending = 0;
    const read = () => {
      pending = 0;
      setView((v) => (v.left === el.scrollLeft && v.width === el.clientWidth ? v : { left: el.scrollLeft, width: el.clientWidth }));
    };
    const schedule = () => {
      if (!pending) pending = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (pending) cancelAnimationFrame(pending);
    };
  }, [scroller]);
  return view;
}

/**
 * The tracks: a ruler to scrub on, the panels as clips sized by their frames, the audio lanes, the
 * playhead. Only the clips and ticks near the visible part of the strip are in the DOM.
 */
export function TimelineTracks({ timeline: t }: { timeline: Timeline }) {
  const pxPerSecond = useTimelineStore((s) => s.pxPerSecond);
  // Re-render when the playhead enters another clip, not on every frame.
  const currentPanel = useTimelineStore((s) => (s.timeline ? segmentAt(s.timeline, s.frame)?.panelId : undefined));
  const range = useTimelineStore((s) => s.range);
  const loop = useTimelineStore((s) => s.loop);
  const scroller = useRef<HTMLDivElement>(null);
  const view = useScrollView(scroller);
  const [retime, setRetime] = useState<Retime | null>(null);
  const pxPerFrame = pxPerSecond / t.fps;

  // Frame positions with a drag in progress: the dragged clip takes its new length and the rest ripple.
  const delta = retime ? retime.frames - t.segments[retime.index].frames : 0;
  const startOf = (s: TimelineSegment) => s.startFrame + (retime && s.index > retime.index ? delta : 0);
  const framesOf = (s: TimelineSegment) => (retime && s.index === retime.index ? retime.frames : s.frames);
  const total = t.totalFrames + delta;
  const width = Math.max(total * pxPerFrame + 200, 400);
  const win = frameWindow(view.left, view.width, pxPerFrame);

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

  const dragEdge = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>, seg: TimelineSegment) => {
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
    },
    [pxPerFrame],
  );

  const step = rulerStep(pxPerSecond);
  const ticks: number[] = [];
  const firstTick = Math.max(0, Math.floor(win.from / t.fps / step) * step);
  for (let s = firstTick; s * t.fps <= Math.min(win.to, total + t.fps * step); s += step) ticks.push(s);
  const shown = visibleSegments(t.segments, win, startOf, framesOf);

  return (
    <div className="tl-tracks" ref={scroller} data-testid="timeline-tracks">
      <div className="tl-content" style={{ width }}>
        <div className="tl-ruler" style={{ height: RULER_H }} onPointerDown={scrub} data-testid="timeline-ruler">
          <SceneMarks timeline={t} pxPerFrame={pxPerFrame} startOf={startOf} total={total} />
          {ticks.map((s) => (
            <span key={s} className="tl-tick" style={{ left: s * pxPerSecond }}>
              {timecode(Math.round(s * t.fps), t.rate).slice(3, 8)}
            </span>
          ))}
        </div>
        <div className="tl-row tl-video" style={{ height: VIDEO_H }} onPointerDown={scrub}>
          {shown.map((seg) => (
            <TimelineClip
              key={seg.panelId}
              seg={seg}
              start={startOf(seg)}
              frames={framesOf(seg)}
              fps={t.fps}
              pxPerFrame={pxPerFrame}
              current={seg.panelId === currentPanel}
              retiming={retime?.panelId === seg.panelId}
              onEdgeDown={dragEdge}
            />
          ))}
        </div>
        {shown
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
        <Playhead pxPerFrame={pxPerFrame} scroller={scroller} />
      </div>
    </div>
  );
}
