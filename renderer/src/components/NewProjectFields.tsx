import { DEFAULT_FPS, type AspectRatio } from '../../../shared/domain/project';
import { FrameRateSelect } from '../project-settings/FrameRateSelect';
import { AspectSelect } from '../project-settings/AspectSelect';

export interface NewProjectValues {
  title: string;
  aspectRatio: AspectRatio;
  fps: number;
}

export const DEFAULT_NEW_PROJECT: NewProjectValues = { title: '', aspectRatio: '16:9', fps: DEFAULT_FPS };

/** Title, aspect ratio and frame rate of a new project (shared by the start screen and the New… dialog). */
export function NewProjectFields({ values, onChange }: { values: NewProjectValues; onChange(values: NewProjectValues): void }) {
  return (
    <div className="field-grid">
      <label className="field">
        <span className="field-label">Title</span>
        <input
          className="input"
          data-testid="new-title"
          value={values.title}
          maxLength={200}
          placeholder="e.g. The Lighthouse — Teaser"
          spellCheck={false}
          onChange={(e) => onChange({ ...values, title: e.target.value })}
        />
      </label>
      <div className="field-grid two">
        <AspectSelect testId="new-aspect" value={values.aspectRatio} onChange={(aspectRatio) => onChange({ ...values, aspectRatio })} />
        <FrameRateSelect testId="new-fps" value={values.fps} onChange={(fps) => onChange({ ...values, fps })} />
      </div>
    </div>
  );
}
