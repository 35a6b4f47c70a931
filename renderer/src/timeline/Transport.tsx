import type { Timeline } from '../../../shared/domain/animatic';
import { timecode } from '../../../shared/domain/animatic';
import { pause, play, seekToEnd, seekToStart, step } from './playback';
import { useTimelineStore } from './timeline-store';
import { ToEndIcon, ToStartIcon } from '../components/Icons';

/** Transport and view controls: play/pause, step, timecode, loop range, burn-ins preview, zoom, export. */
export function Transport({ timeline: t }: { timeline: Timeline | null }) {
  const frame = useTimelineStore((s) => s.frame);
  const speed = useTimelineStore((s) => s.speed);
  const loop = useTimelineStore((s) => s.loop);
  const range = useTimelineStore((s) => s.range);
  const burnIns = useTimelineStore((s) => s.burnIns);
  const pxPerSecond = useTimelineStore((s) => s.pxPerSecond);
  const set = useTimelineStore((s) => s.set);
  const total = t?.totalFrames ?? 0;
  const disabled = !t || total === 0;
  return (
    <div className="tl-transport">
      <button className="tl-btn" disabled={disabled} title="To start (Home)" aria-label="To start" data-testid="timeline-to-start" onClick={seekToStart}>
        <ToStartIcon />
      </button>
      <button className="tl-btn" disabled={disabled} title="Previous frame (,)" onClick={() => step(-1)}>
        ◂
      </button>
      <button
        className="tl-btn tl-play"
        disabled={disabled}
        data-testid="timeline-play"
        data-speed={speed}
        aria-pressed={speed !== 0}
        title={speed !== 0 ? 'Pause (Space, K)' : 'Play (Space, L)'}
        onClick={() => (speed !== 0 ? pause() : play(1))}
      >
        {speed !== 0 ? '❚❚' : '▶'}
      </button>
      <button className="tl-btn" disabled={disabled} title="Next frame (.)" onClick={() => step(1)}>
        ▸
      </button>
      <button className="tl-btn" disabled={disabled} title="To end (End)" aria-label="To end" data-testid="timeline-to-end" onClick={seekToEnd}>
        <ToEndIcon />
      </button>
      <span className="tl-timecode" data-testid="timeline-timecode">
        {t ? timecode(frame, t.rate) : '--:--:--:--'}
        <span className="tl-timecode-total"> / {t ? timecode(total, t.rate) : '--:--:--:--'}</span>
      </span>
      {speed !== 0 && Math.abs(speed) !== 1 && <span className="tl-speed">{speed > 0 ? `${speed}×` : `◂ ${-speed}×`}</span>}
      <span className="tl-sep" />
      <button className={`tl-btn tl-toggle${loop ? ' is-on' : ''}`} disabled={disabled} aria-pressed={loop} title="Loop (the In–Out range, or the whole film)" onClick={() => set({ loop: !loop })}>
        ⟲ Loop
      </button>
      <button className="tl-btn" disabled={disabled} title="Mark In at the playhead (I)" onClick={() => set({ range: { in: frame, out: Math.max(frame, range?.out ?? total - 1) }, loop: true })}>
        In
      </button>
      <button className="tl-btn" disabled={disabled} title="Mark Out at the playhead (O)" onClick={() => set({ range: { in: Math.min(frame, range?.in ?? 0), out: frame }, loop: true })}>
        Out
      </button>
      {range && (
        <button className="tl-btn" title="Clear In and Out" onClick={() => set({ range: null })}>
          ✕
        </button>
      )}
      <span className="tl-sep" />
      <button className={`tl-btn tl-toggle${burnIns ? ' is-on' : ''}`} aria-pressed={burnIns} title="Show burn-ins (shot, dialogue, sound, timecode) as the export can" onClick={() => set({ burnIns: !burnIns })}>
        Burn-ins
      </button>
      <span className="tl-spacer" />
      <button className="tl-btn" title="Zoom out" onClick={() => set({ pxPerSecond: Math.max(6, pxPerSecond / 1.5) })}>
        −
      </button>
      <button className="tl-btn" title="Zoom in" onClick={() => set({ pxPerSecond: Math.min(600, pxPerSecond * 1.5) })}>
        +
      </button>
      <button className="button button-primary tl-small" disabled={disabled} data-testid="timeline-export" onClick={() => set({ exportOpen: true })}>
        Export MP4…
      </button>
    </div>
  );
}
