import { useEffect, useRef, useState } from 'react';
import { useElementSize } from '../util/useElementSize';
import { segmentAt } from '../../../shared/domain/animatic';
import { preloadClip } from './clip-decks';
import { drawFrame, pictureBox, pictureFor, segmentPictureUrl } from './draw-frame';
import { useTimelineStore } from './timeline-store';

/** The player canvas's size in device pixels. */
const canvasPixels = (size: { width: number; height: number }) => {
  const dpr = window.devicePixelRatio || 1;
  return { w: Math.round(size.width * dpr), h: Math.round(size.height * dpr) };
};

/** The viewer: the frame under the playhead, drawn with the export's own frame model (clip panels: their clip frames). */
export function Player() {
  const ref = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const size = useElementSize(wrap);
  const timeline = useTimelineStore((s) => s.timeline);
  const frame = useTimelineStore((s) => s.frame);
  const burnIns = useTimelineStore((s) => s.burnIns);
  const speed = useTimelineStore((s) => s.speed);
  const [loaded, setLoaded] = useState(0);
  // The frame drawn, and whether as asked (a clip frame may still be seeking): tests wait on it.
  const [drawn, setDrawn] = useState({ frame: -1, settled: false });

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !timeline || size.width === 0) return;
    const { w, h } = canvasPixels(size);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const settled = drawFrame(ctx, timeline, frame, w, h, burnIns, () => setLoaded((n) => n + 1), { speed });
    setDrawn((d) => (d.frame === frame && d.settled === settled ? d : { frame, settled }));
  }, [timeline, frame, burnIns, size.width, size.height, loaded, speed]);

  // Load the next panels' pictures ahead of the playhead, so playback never waits on one.
  useEffect(() => {
    const seg = timeline ? segmentAt(timeline, frame) : null;
    if (!timeline || !seg) return;
    for (const next of timeline.segments.slice(seg.index, seg.index + 4)) {
      if (next.imageSha256) pictureFor(next.imageSha256, () => {}, segmentPictureUrl(next, pictureBox(timeline, canvasPixels(size).w, canvasPixels(size).h)));
      if (next.clip) preloadClip(next.clip);
    }
  }, [timeline, frame, size.width, size.height]);

  return (
    <div className="tl-player" ref={wrap}>
      <canvas ref={ref} data-testid="timeline-player" data-frame={drawn.frame} data-settled={drawn.settled} style={{ width: size.width, height: size.height }} />
    </div>
  );
}
