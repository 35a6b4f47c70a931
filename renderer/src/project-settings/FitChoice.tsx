import type { PictureFit } from '../../../shared/domain/project';

const FITS: { value: PictureFit; label: string; detail: string }[] = [
  { value: 'letterbox', label: 'Letterbox (keep whole picture)', detail: 'Bars where the picture and the frame differ.' },
  { value: 'crop', label: 'Crop centre', detail: 'The centre of each picture fills the new frame.' },
  { value: 'keep', label: 'Keep as is', detail: 'Each panel keeps the framing it has.' },
];

/** Asked when the aspect ratio changes and the project has pictures: how they fit the new frame. */
export function FitChoice({ value, count, onChange }: { value: PictureFit | null; count: number; onChange(fit: PictureFit): void }) {
  return (
    <fieldset className="ps-fit" data-testid="project-settings-fit">
      <legend className="field-label">
        {count === 1 ? 'How does the picture fit the new frame?' : `How do the ${count} pictures fit the new frame?`}
      </legend>
      {FITS.map((f) => (
        <label key={f.value} className={`ps-fit-option${value === f.value ? ' is-chosen' : ''}`}>
          <input type="radio" name="ps-fit" value={f.value} data-testid={`fit-${f.value}`} checked={value === f.value} onChange={() => onChange(f.value)} />
          <span className="ps-fit-text">
            <span className="ps-fit-label">{f.label}</span>
            <span className="ps-fit-detail">{f.detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
