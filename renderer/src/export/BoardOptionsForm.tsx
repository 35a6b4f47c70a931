import { BOARD_FIELDS, LAYOUT_CHOICES, PAPER_SIZES, type BoardField, type PdfBoardOptions } from '../../../shared/domain/export';

const FIELD_LABELS: Record<BoardField, string> = {
  shot: 'Shot number', duration: 'Duration', size: 'Shot size', angle: 'Angle', lens: 'Lens', move: 'Camera move', arrows: 'Move arrows',
  action: 'Action', dialogue: 'Dialogue', sound: 'Sound', notes: 'Notes', transition: 'Transition', tags: 'Tags', status: 'Status',
};
const PAPER_LABELS: Record<string, string> = { letter: 'US Letter', a4: 'A4', tabloid: 'Tabloid (11 × 17)', a3: 'A3' };

interface Props {
  value: PdfBoardOptions;
  onChange(next: PdfBoardOptions): void;
}

/** Layout, paper and what each panel prints. */
export function BoardOptionsForm({ value, onChange }: Props) {
  const layout = LAYOUT_CHOICES.find((c) => c.cols === value.grid.cols && c.rows === value.grid.rows);
  const set = (patch: Partial<PdfBoardOptions>) => onChange({ ...value, ...patch });
  const toggle = (f: BoardField) => set({ fields: value.fields.includes(f) ? value.fields.filter((x) => x !== f) : BOARD_FIELDS.filter((x) => x === f || value.fields.includes(x)) });
  return (
    <>
      <div className="pdfx-grid3">
        <label className="field">
          <span className="field-label">Layout</span>
          <select
            className="input select"
            data-testid="pdf-layout"
            value={layout?.id ?? ''}
            onChange={(e) => {
              const c = LAYOUT_CHOICES.find((x) => x.id === e.target.value);
              if (c) set({ grid: { cols: c.cols, rows: c.rows }, text: c.text, orientation: c.orientation });
            }}
          >
            {!layout && <option value="">{`${value.grid.cols} × ${value.grid.rows}`}</option>}
            {LAYOUT_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Paper</span>
          <select className="input select" data-testid="pdf-paper" value={value.paper} onChange={(e) => set({ paper: e.target.value as PdfBoardOptions['paper'] })}>
            {PAPER_SIZES.map((p) => (
              <option key={p} value={p}>{PAPER_LABELS[p]}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Orientation</span>
          <select className="input select" data-testid="pdf-orientation" value={value.orientation} onChange={(e) => set({ orientation: e.target.value as PdfBoardOptions['orientation'] })}>
            <option value="landscape">Landscape</option>
            <option value="portrait">Portrait</option>
          </select>
        </label>
      </div>
      <fieldset className="pdfx-fieldset">
        <legend className="field-label">Each panel shows</legend>
        <div className="pdfx-checks">
          {BOARD_FIELDS.map((f) => (
            <label key={f} className="pdfx-check">
              <input type="checkbox" data-testid={`pdf-field-${f}`} checked={value.fields.includes(f)} onChange={() => toggle(f)} /> {FIELD_LABELS[f]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="pdfx-row">
        <label className="pdfx-check">
          <input type="checkbox" checked={value.sceneBreaks} data-testid="pdf-scene-breaks" onChange={(e) => set({ sceneBreaks: e.target.checked })} /> Start each scene on a new page
        </label>
        <label className="pdfx-check">
          <input
            type="checkbox"
            checked={value.text === 'beside' || (value.text === 'auto' && value.grid.cols === 1)}
            onChange={(e) => set({ text: e.target.checked ? 'beside' : 'below' })}
          />{' '}
          Text beside the picture
        </label>
      </div>
      <div className="pdfx-grid2">
        <label className="field">
          <span className="field-label">Version label</span>
          <input className="input" data-testid="pdf-version" placeholder="e.g. Shooting boards v2" value={value.versionLabel} maxLength={200} onChange={(e) => set({ versionLabel: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Footer (optional)</span>
          <input className="input" data-testid="pdf-footer" placeholder="e.g. Confidential" value={value.footer ?? ''} maxLength={200} onChange={(e) => set({ footer: e.target.value ? e.target.value : null })} />
        </label>
      </div>
    </>
  );
}
