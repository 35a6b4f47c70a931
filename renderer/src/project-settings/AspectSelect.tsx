import type { AspectRatio } from '../../../shared/domain/project';
import { ASPECT_OPTIONS } from '../components/aspect-labels';

/** An aspect-ratio field: New Project and Project Settings. */
export function AspectSelect({ value, onChange, testId }: { value: AspectRatio; onChange(aspect: AspectRatio): void; testId: string }) {
  return (
    <label className="field">
      <span className="field-label">Aspect ratio</span>
      <select className="input select" data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as AspectRatio)}>
        {ASPECT_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
