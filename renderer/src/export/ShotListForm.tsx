import { CSV_COLUMN_HEADERS, CSV_COLUMNS, PAPER_SIZES, type CsvColumn, type ShotListOptions } from '../../../shared/domain/export';
import { useExportStore } from './export-store';

/** Shot list: CSV or a PDF table, and for the PDF its paper and header text. */
export function ShotListForm() {
  const format = useExportStore((s) => s.shotListFormat);
  const options = useExportStore((s) => s.shotList);
  const columns = useExportStore((s) => s.csvColumns);
  const set = useExportStore((s) => s.set);
  const toggleColumn = (c: CsvColumn) =>
    set({ csvColumns: columns.includes(c) ? columns.filter((x) => x !== c) : CSV_COLUMNS.filter((x) => x === c || columns.includes(x)) });
  const patch = (p: Partial<ShotListOptions>) => set({ shotList: { ...options, ...p } });
  return (
    <>
      <div className="pdfx-row">
        <label className="pdfx-check">
          <input type="radio" name="pdfx-format" data-testid="pdf-shotlist-csv" checked={format === 'csv'} onChange={() => set({ shotListFormat: 'csv' })} /> CSV spreadsheet
        </label>
        <label className="pdfx-check">
          <input type="radio" name="pdfx-format" data-testid="pdf-shotlist-pdf" checked={format === 'pdf'} onChange={() => set({ shotListFormat: 'pdf' })} /> PDF table
        </label>
      </div>
      {format === 'csv' && (
        <fieldset className="pdfx-fieldset">
          <legend className="field-label">Columns</legend>
          <div className="pdfx-checks">
            {CSV_COLUMNS.map((c) => (
              <label key={c} className="pdfx-check">
                <input type="checkbox" data-testid={`csv-column-${c}`} checked={columns.includes(c)} onChange={() => toggleColumn(c)} /> {CSV_COLUMN_HEADERS[c]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {format === 'pdf' && (
        <>
          <div className="pdfx-grid2">
            <label className="field">
              <span className="field-label">Paper</span>
              <select className="input select" value={options.paper} onChange={(e) => patch({ paper: e.target.value as ShotListOptions['paper'] })}>
                {PAPER_SIZES.map((p) => (
                  <option key={p} value={p}>{p === 'letter' ? 'US Letter' : p === 'tabloid' ? 'Tabloid (11 × 17)' : p.toUpperCase()}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">Orientation</span>
              <select className="input select" value={options.orientation} onChange={(e) => patch({ orientation: e.target.value as ShotListOptions['orientation'] })}>
                <option value="landscape">Landscape</option>
                <option value="portrait">Portrait</option>
              </select>
            </label>
          </div>
          <div className="pdfx-grid2">
            <label className="field">
              <span className="field-label">Version label</span>
              <input className="input" value={options.versionLabel} maxLength={200} onChange={(e) => patch({ versionLabel: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">Footer (optional)</span>
              <input className="input" value={options.footer ?? ''} maxLength={200} onChange={(e) => patch({ footer: e.target.value ? e.target.value : null })} />
            </label>
          </div>
        </>
      )}
    </>
  );
}
