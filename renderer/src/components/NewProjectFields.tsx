import type { AspectRatio } from '../../../shared/domain/project';
import { ASPECT_OPTIONS } from './aspect-labels';

export interface NewProjectValues {
  title: string;
  aspectRatio: AspectRatio;
}

export const DEFAULT_NEW_PROJECT: NewProjectValues = { title: '', aspectRatio: '16:9' };

/** Title and aspect ratio of a new project (shared by the start screen and the New… dialog). */
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
      <label className="field">
        <span className="field-label">Aspect ratio</span>
        <select
          className="input select"
          data-testid="new-aspect"
          value={values.aspectRatio}
          onChange={(e) => onChange({ ...values, aspectRatio: e.target.value as AspectRatio })}
        >
          {ASPECT_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
