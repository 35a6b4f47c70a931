import { useEffect, useRef, useState, type DragEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { AudioTrack, Timeline, TimelineAudio } from '../../../shared/domain/animatic';
import { AUDIO_TRACKS, frameToMs, msToFrame } from '../../../shared/domain/animatic';
import { api } from '../api/client';
import { timelineActions } from './timeline-actions';

export const LANE_H = 40;

/** Waveform summaries, fetched once per file. */
const waveforms = new Map<string, Promise<{ peaks: Uint8Array; perSecond: number } | null>>();

function waveform(sha256: string) {
  let p = waveforms.get(sha256);
  if (!p) {
    p = api
      .call('audio.waveform', { sha256 })
      .then((w) => ({ peaks: Uint8Array.from(atob(w.peaks), (c) => c.charCodeAt(0)), perSecond: w.peaksPerSecond }))
      .catch(() => null);
    waveforms.set(sha256, p);
  }
  return p;
}

function Waveform({ clip, width, height }: { clip: TimelineAudio; width: number; height: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [data, setData] = useState<{ peaks: Uint8Array; perSecond: number } | null>(null);
  useEffect(() => {
    let live = true;
    void waveform(clip.sha256).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [clip.sha256]);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !data) return;
    const w = Math.max(1, Math.round(width));
    canvas.width = w;
    canvas.height = height;
    ctx.clearRect(0, 0, w, height);
    ctx.fillStyle = clip.audible ? 'rgba(140, 200, 255, 0.85)' : 'rgba(140, 150, 165, 0.5)';
    const mid = height / 2;
    for (let x = 0; x < w; x++) {
      // Each pixel column shows the loudest bucket it covers.
      const a = Math.floor(((clip.offsetMs + (x / w) * clip.playMs) / 1000) * data.perSecond);
      const b = Math.max(a + 1, Math.floor(((clip.offsetMs + ((x + 1) / w) * clip.playMs) / 1000) * data.perSecond));
      let peak = 0;
      for (let i = a; i < b && i < data.peaks.length; i++) peak = Math.max(peak, data.peaks[i]);
      const h = Math.max(1, (peak / 255) * (height - 4) * Math.min(1, clip.volume));
      ctx.fillRect(x, mid - h / 2, 1, h);
    }
  }, [data, width, height, clip]);
  return <canvas ref={ref} className="tl-wave" style={{ width, height }} />;
}

/** The soundtrack lanes: music, temp dialogue, effects. Clips move by dragging (snapped to frames); files drop in. */
export function AudioLanes({ timeline: t, pxPerSecond }: { timeline: Timeline; pxPerSecond: number }) {
  const [drag, setDrag] = useState<{ id: string; dx: number } | null>(null);
  const pxPerMs = pxPerSecond / 1000;

  const snap = (ms: number) => frameToMs(msToFrame(Math.max(0, ms), t.rate), t.rate);

  const moveClip = (e: ReactPointerEvent<HTMLDivElement>, clip: TimelineAudio) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest('button')) return;
    e.stopPropagation();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const x0 = e.clientX;
    let dx = 0;
    const move = (ev: PointerEvent) => {
      dx = ev.clientX - x0;
      setDrag({ id: clip.id, dx });
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      if (Math.abs(dx) < 2) return setDrag(null);
      const base = clip.atMs - clip.startMs; // 0 for soundtrack clips, the panel's start for panel audio
      const startMs = Math.max(0, Math.round(snap(clip.atMs + dx / pxPerMs) - base));
      void timelineActions.updateAudio([clip.id], { startMs }).finally(() => setDrag(null));
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const drop = (e: DragEvent<HTMLDivElement>, track: AudioTrack) => {
    const files = [...e.dataTransfer.files];
    if (files.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    for (const file of files) void timelineActions.importAudio(file, { track, startMs: snap(x / pxPerMs) });
  };

  return (
    <>
      {AUDIO_TRACKS.map((track) => (
        <div
          key={track}
          className="tl-row tl-lane"
          style={{ height: LANE_H }}
          data-testid={`timeline-lane-${track}`}
          onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
          onDrop={(e) => drop(e, track)}
        >
          {t.audio
            .filter((c) => c.track === track)
            .map((clip) => {
              const width = Math.max(4, clip.playMs * pxPerMs);
              const left = clip.atMs * pxPerMs + (drag?.id === clip.id ? drag.dx : 0);
              return (
                <div
                  key={clip.id}
                  className={`tl-audio${clip.audible ? '' : ' is-silent'}${clip.kind === 'panel' ? ' is-panel' : ''}`}
                  style={{ left, width }}
                  onPointerDown={(e) => moveClip(e, clip)}
                  title={`${clip.sourceName ?? 'Audio'}${clip.kind === 'panel' ? ' (moves with its panel)' : ''}`}
                  data-testid="timeline-audio-clip"
                  data-track={track}
                  data-audible={clip.audible}
                >
                  <Waveform clip={clip} width={width} height={LANE_H - 6} />
                  <span className="tl-audio-name">
                    {clip.kind === 'panel' && <span className="tl-pin">{t.segments.find((s) => s.panelId === clip.panelId)?.shotNumber}</span>}
                    {clip.sourceName}
                  </span>
                  <button className="tl-audio-remove" title="Remove this audio" onClick={() => void timelineActions.deleteAudio([clip.id])}>
                    ×
                  </button>
                </div>
              );
            })}
        </div>
      ))}
    </>
  );
}
