import { useEffect, useState } from 'react';
import type { ClipAfter, PanelClip } from '../../../shared/domain/clip';
import { RadioButtons, type RadioOption } from '../components/RadioButtons';
import { clipSeconds } from './clip-urls';
import { formatInPoint, parseInPoint, type InPointUnit } from './clip-timing';
import { motionActions } from './motion-actions';

const AFTER: RadioOption<ClipAfter>[] = [
  { value: 'hold', label: 'Hold last frame', hint: 'When the panel lasts longer than the clip, its last frame stays on screen', testId: 'clip-after-hold' },
  { value: 'loop', label: 'Loop', hint: 'When the panel lasts longer than the clip, the clip starts again from the in point', testId: 'clip-after-loop' },
];

/** A panel that plays a clip: its length, the in point (trim), hold or loop, and going back to the still. Each an undo step. */
export function ClipInspector({ panelId, clip }: { panelId: string; clip: PanelClip }) {
  return (
    <section className="clip-inspector" data-testid="clip-inspector" aria-label="Clip">
      <div className="clip-inspector-title">
        <span data-testid="clip-plays">Plays clip ({clipSeconds(clip.durationMs)})</span>
        <span className="gen-spacer" />
        <button type="button" className="button button-small" data-testid="clip-use-still" onClick={() => void motionActions.removeClip(panelId)}>
          Use still instead
        </button>
      </div>
      <InPoint panelId={panelId} clip={clip} />
      <RadioButtons
        label="After the clip ends"
        options={AFTER}
        value={clip.after}
        onChange={(after) => void motionActions.setClipTiming(panelId, { after })}
        className="clip-inspector-row"
        buttonClass="clip-after-choice"
      />
    </section>
  );
}

function InPoint({ panelId, clip }: { panelId: string; clip: PanelClip }) {
  const [unit, setUnit] = useState<InPointUnit>('s');
  const shown = formatInPoint(clip.inMs, clip, unit);
  const [text, setText] = useState(shown);
  // Undo, redo or another unit: the field shows the panel's in point again.
  useEffect(() => setText(shown), [shown]);
  const commit = () => {
    const inMs = parseInPoint(text, clip, unit);
    if (inMs === null || inMs === clip.inMs) return setText(shown);
    void motionActions.setClipTiming(panelId, { inMs });
  };
  return (
    <label className="clip-inspector-row">
      <span>Starts at</span>
      <input
        className="input"
        data-testid="clip-in"
        inputMode="decimal"
        value={text}
        aria-label={`In point in ${unit === 's' ? 'seconds' : 'frames'}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.currentTarget as HTMLInputElement).blur();
          if (e.key === 'Escape') setText(shown);
        }}
      />
      <select className="input select" data-testid="clip-in-unit" aria-label="In point unit" value={unit} onChange={(e) => setUnit(e.target.value as InPointUnit)}>
        <option value="s">seconds</option>
        <option value="frames">frames</option>
      </select>
      <span>into the clip</span>
    </label>
  );
}
