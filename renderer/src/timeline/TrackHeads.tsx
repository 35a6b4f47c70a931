import { useRef, useState } from 'react';
import type { AudioTrack, Timeline } from '../../../shared/domain/animatic';
import { AUDIO_TRACK_LABELS, AUDIO_TRACKS } from '../../../shared/domain/animatic';
import { LANE_H } from './AudioLanes';
import { timelineActions } from './timeline-actions';
import { useTimelineStore } from './timeline-store';
import { RULER_H, VIDEO_H } from './TimelineTracks';

const AUDIO_ACCEPT = '.wav,.mp3,.m4a,.ogg,.oga,.flac,audio/*';

/** A lane's mute, solo and volume apply to every clip in it (stored per clip, changed together: one undo step). */
function LaneHead({ timeline: t, track }: { timeline: Timeline; track: AudioTrack }) {
  const clips = t.audio.filter((c) => c.track === track);
  const ids = clips.map((c) => c.id);
  const muted = clips.length > 0 && clips.every((c) => c.muted);
  const solo = clips.length > 0 && clips.every((c) => c.solo);
  const volume = clips.length ? Math.max(...clips.map((c) => c.volume)) : 1;
  const [draft, setDraft] = useState<number | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const startMs = () => {
    const { timeline, frame } = useTimelineStore.getState();
    return timeline ? (frame * 1000 * timeline.rate.den) / timeline.rate.num : 0;
  };
  return (
    <div className="tl-head" style={{ height: LANE_H }} data-testid={`timeline-head-${track}`}>
      <span className="tl-head-name" title={AUDIO_TRACK_LABELS[track]}>
        {AUDIO_TRACK_LABELS[track]}
      </span>
      <button
        className={`tl-ms${muted ? ' is-on' : ''}`}
        disabled={!clips.length}
        aria-pressed={muted}
        data-testid={`timeline-mute-${track}`}
        title={muted ? 'Unmute' : 'Mute'}
        onClick={() => void timelineActions.updateAudio(ids, { muted: !muted })}
      >
        M
      </button>
      <button
        className={`tl-ms tl-solo${solo ? ' is-on' : ''}`}
        disabled={!clips.length}
        aria-pressed={solo}
        data-testid={`timeline-solo-${track}`}
        title={solo ? 'Unsolo' : 'Solo: hear only soloed lanes'}
        onClick={() => void timelineActions.updateAudio(ids, { solo: !solo })}
      >
        S
      </button>
      <input
        className="tl-volume"
        type="range"
        min={0}
        max={2}
        step={0.05}
        disabled={!clips.length}
        value={draft ?? volume}
        title={`Volume ${Math.round((draft ?? volume) * 100)}%`}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={() => draft !== null && void timelineActions.updateAudio(ids, { volume: draft }).finally(() => setDraft(null))}
        onKeyUp={() => draft !== null && void timelineActions.updateAudio(ids, { volume: draft }).finally(() => setDraft(null))}
      />
      <button className="tl-add" title={`Add audio to ${AUDIO_TRACK_LABELS[track]} at the playhead`} onClick={() => input.current?.click()}>
        +
      </button>
      <input
        ref={input}
        type="file"
        accept={AUDIO_ACCEPT}
        hidden
        data-testid={`timeline-add-${track}`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void timelineActions.importAudio(file, { track, startMs: startMs() });
        }}
      />
    </div>
  );
}

/** The left column: one head per row of the tracks. */
export function TrackHeads({ timeline }: { timeline: Timeline }) {
  return (
    <div className="tl-heads">
      <div className="tl-head tl-head-ruler" style={{ height: RULER_H }}>
        <span className="tl-head-name">Scenes</span>
      </div>
      <div className="tl-head" style={{ height: VIDEO_H }}>
        <span className="tl-head-name">Picture</span>
      </div>
      {AUDIO_TRACKS.map((track) => (
        <LaneHead key={track} timeline={timeline} track={track} />
      ))}
    </div>
  );
}

export { AUDIO_ACCEPT };
