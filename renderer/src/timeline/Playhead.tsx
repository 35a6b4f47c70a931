import { useEffect, type RefObject } from 'react';
import { useTimelineStore } from './timeline-store';

/**
 * The playhead line. It alone follows the frame, so playback repaints one element, not the track;
 * while playing it keeps itself in view by scrolling the tracks.
 */
export function Playhead({ pxPerFrame, scroller }: { pxPerFrame: number; scroller: RefObject<HTMLDivElement | null> }) {
  const frame = useTimelineStore((s) => s.frame);
  const playing = useTimelineStore((s) => s.speed !== 0);
  const x = frame * pxPerFrame;

  useEffect(() => {
    const el = scroller.current;
    if (!el || !playing) return;
    if (x < el.scrollLeft + 40 || x > el.scrollLeft + el.clientWidth - 40) el.scrollLeft = Math.max(0, x - 80);
  }, [x, playing, scroller]);

  return (
    <div className="tl-playhead" style={{ left: x }} data-testid="timeline-playhead" data-frame={frame}>
      <div className="tl-playhead-head" />
    </div>
  );
}
