import { EDITORIAL_FORMATS, EDITORIAL_LABELS, type EditorialFormat } from '../../../shared/domain/editorial';

/** The timeline formats as choices, each with the editing software it is for. */
export function FormatChoice({ value, disabled, onChange }: { value: EditorialFormat; disabled: boolean; onChange(format: EditorialFormat): void }) {
  return (
    <fieldset className="edx-formats" role="radiogroup" aria-label="Format">
      <legend className="field-label">Format</legend>
      {EDITORIAL_FORMATS.map((f) => {
        const label = EDITORIAL_LABELS[f];
        return (
          <label key={f} className={`edx-format${value === f ? ' is-active' : ''}`} data-testid={`editorial-format-${f}`}>
            <input type="radio" name="editorial-format" checked={value === f} disabled={disabled} onChange={() => onChange(f)} />
            <span className="edx-format-text">
              <span className="edx-format-name">
                {label.name} <span className="edx-format-ext">.{label.ext}</span>
              </span>
              <span className="edx-format-app">For {label.app}</span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
