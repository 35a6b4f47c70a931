import { useEffect, useRef, useState } from 'react';
import type { Timeline } from '../../../shared/domain/animatic';
import { DEFAULT_TRANSITION_MS, segmentAt } from '../../../shared/domain/animatic';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { FilmStripIcon } from '../components/Icons';
import { timelineActions } from './timeline-actions';
import { useTimelineStore } from './timeline-store';
import { AUDIO_ACCEPT } from './TrackHeads';
import { TRANSITIONS, TRANSITION_LABELS, type Transition } from '../../../shared/domain/board-constants';

type TransitionChoice = Transition;
const CHOICES = TRANSITIONS.map((value) => ({ value, label: TRANSITION_LABELS[value] }));

/** The panel under the playhead: its length, its transition (with a duration), its camera move, its own audio. */
export function ClipBar({ timeline: t }: { timeline: Timeline }) {
  const frame = useTimelineStore((s) => s.frame);
  const seg = segmentAt(t, frame);
  const audioInput = useRef<HTMLInputElement>(null);
  const kind: TransitionChoice = seg?.fadeOut ? 'fade out' : (seg?.transitionIn ?? 'cut');
  const framesUsed = seg ? (kind === 'fade out' ? seg.fadeOut : seg.inBefore + seg.inAfter) : 0;
  const [ms, setMs] = useState('');
  useEffect(() => setMs(String(Math.round((framesUsed * 1000) / t.fps) || DEFAULT_TRANSITION_MS)), [seg?.panelId, framesUsed, t.fps]);
  if (!seg) return <div className="tl-clipbar" />;
  const applyMs = () => {
    const value = Math.max(0, Math.min(10_000, Math.round(Number(ms))));
    if (kind !== 'cut' && Number.isFinite(value)) void timelineActions.setTransition(seg.panelId, kind, value);
  };
  return (
    <div className="tl-clipbar" data-testid="timeline-clipbar">
      <span className="tl-clipbar-shot">{seg.shotNumber}</span>
      <span className="tl-clipbar-meta">
        {seg.frames} f · {(seg.frames / t.fps).toFixed(2)} s
      </span>
      {seg.clip && (
        <span className="tl-clipbar-clip" data-testid="timeline-clipbar-clip" title="This panel plays a motion clip: trim it, hold or loop it in the Shot inspector">
          <FilmStripIcon size={12} /> clip {(seg.clip.durationMs / 1000).toFixed(1)} s · {seg.clip.after === 'loop' ? 'loop' : 'hold'}
        </span>
      )}
      <label className="tl-field">
        <span>Transition</span>
        <select
          className="input tl-select"
          value={kind}
          data-testid="timeline-transition"
          onChange={(e) => void timelineActions.setTransition(seg.panelId, e.target.value as TransitionChoice, kind === 'cut' ? DEFAULT_TRANSITION_MS : Number(ms))}
        >
          {CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {kind !== 'cut' && (
        <label className="tl-field">
          <input
            className="input tl-ms-input"
            value={ms}
            inputMode="numeric"
            data-testid="timeline-transition-ms"
            onChange={(e) => setMs(e.target.value.replace(/[^0-9]/g, ''))}
            onBlur={applyMs}
            onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
          />
          <span>ms</span>
        </label>
      )}
      <button className="button tl-small" data-testid="timeline-edit-move" onClick={() => useTimelineStore.getState().set({ moveEditorPanelId: seg.panelId })}>
        {hasMove(seg.framing) ? 'Edit camera move…' : 'Camera move…'}
      </button>
      <button className="button tl-small" title="Audio that starts with this panel and moves with it" onClick={() => audioInput.current?.click()}>
        Panel audio…
      </button>
      <input
        ref={audioInput}
        type="file"
        accept={AUDIO_ACCEPT}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void timelineActions.importAudio(file, { track: 'dialogue', panelId: seg.panelId });
        }}
      />
    </div>
  );
}
