import { useEffect, useState } from 'react';
import type { ExportPreset, PdfBoardOptions } from '../../../shared/domain/export';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';

interface Props {
  options: PdfBoardOptions;
  onLoad(options: PdfBoardOptions): void;
}

/** Saved option sets, kept in the project ("Crew 3x2", "Producer 1-up"…). */
export function PresetBar({ options, onLoad }: Props) {
  const [presets, setPresets] = useState<ExportPreset[]>([]);
  const [chosen, setChosen] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('export.presets.list', {}).then(setPresets, (e) => setError(errorMessage(e)));
  }, []);
  const run = async (work: () => Promise<ExportPreset[]>) => {
    try {
      setPresets(await work());
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const save = async () => {
    const name = naming?.trim();
    if (!name) return;
    await run(() => api.call('export.presets.save', { name, options }));
    setChosen(name);
    setNaming(null);
  };
  return (
    <div className="pdfx-presets">
      <select
        className="input select"
        data-testid="pdf-preset"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          const p = presets.find((x) => x.name === e.target.value);
          if (p) onLoad(p.options);
        }}
      >
        <option value="">{presets.length ? 'Presets…' : 'No presets yet'}</option>
        {presets.map((p) => (
          <option key={p.name} value={p.name}>{p.name}</option>
        ))}
      </select>
      {naming === null ? (
        <>
          <button type="button" className="button button-small" data-testid="pdf-preset-save" onClick={() => setNaming(chosen)}>
            Save preset…
          </button>
          {chosen && (
            <button
              type="button"
              className="button button-small"
              data-testid="pdf-preset-delete"
              onClick={() => void run(() => api.call('export.presets.delete', { name: chosen })).then(() => setChosen(''))}
            >
              Delete
            </button>
          )}
        </>
      ) : (
        <>
          <input
            className="input pdfx-preset-name"
            data-testid="pdf-preset-name"
            autoFocus
            placeholder="Preset name"
            value={naming}
            maxLength={80}
            onChange={(e) => setNaming(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              }
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNaming(null);
              }
            }}
          />
          <button type="button" className="button button-small button-primary" data-testid="pdf-preset-confirm" disabled={!naming.trim()} onClick={() => void save()}>
            Save
          </button>
        </>
      )}
      {error && <span className="pdfx-error">{error}</span>}
    </div>
  );
}
