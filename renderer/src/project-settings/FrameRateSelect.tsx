import { PROJECT_FRAME_RATES } from '../../../shared/domain/project';

/** The frame rates offered, plus the current one when it is another (a project made by the CLI at 12 fps, say). */
export function frameRateOptions(current: number): number[] {
  const rates: number[] = [...PROJECT_FRAME_RATES];
  return rates.includes(current) ? rates : [...rates, current].sort((a, b) => a - b);
}

/** A frame-rate field: New Project and Project Settings. */
export function FrameRateSelect({ value, onChange, testId }: { value: number; onChange(fps: number): void; testId: string }) {
  return (
    <label className="field">
      <span className="field-label">Frame rate</span>
      <select className="input select" data-testid={testId} value={String(value)} onChange={(e) => onChange(Number(e.target.value))}>
        {frameRateOptions(value).map((fps) => (
          <option key={fps} value={String(fps)}>
            {fps} fps
          </option>
        ))}
      </select>
    </label>
  );
}
