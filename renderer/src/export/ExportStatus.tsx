import type { ReactNode } from 'react';
import type { ExportSummary } from '../../../shared/domain/export';
import { baseName } from '../util/format';
import { timeLeft } from './selection';
import type { TaskView } from './useExportTask';

interface Props<R> {
  view: TaskView<R>;
  error: string | null;
  onCancel(): void;
  /** What the progress counts ("3 of 8 panels"). */
  unit?: string;
  /** The finished export in a line; by default the PDF exports' panels and pages. */
  saved?(result: R): ReactNode;
}

/** Progress with time left and Cancel while running; then where the file went, or why it did not. */
export function ExportStatus<R = ExportSummary>({ view, error, onCancel, unit = 'panels', saved }: Props<R>) {
  if (view.kind === 'running') {
    const t = view.task;
    const pct = t && t.total > 0 ? Math.floor((t.done / t.total) * 100) : 0;
    return (
      <div className="pdfx-status" data-testid="pdf-export-progress">
        <div className="pdfx-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="pdfx-progress-bar" style={{ width: `${pct}%` }} />
        </div>
        <div className="pdfx-status-line">
          <span>{t && t.total > 0 ? `${t.done} of ${t.total} ${unit} · ${timeLeft(t.etaMs)}` : 'Starting…'}</span>
          <button type="button" className="button button-small" data-testid="pdf-export-cancel" onClick={onCancel}>
            Cancel export
          </button>
        </div>
      </div>
    );
  }
  if (view.kind === 'done') {
    return (
      <div className="pdfx-status pdfx-done" data-testid="pdf-export-done">
        {saved ? saved(view.result) : savedPdf(view.result as ExportSummary)}
      </div>
    );
  }
  if (view.kind === 'failed' || error) {
    const message = view.kind === 'failed' ? (view.cancelled ? 'Export cancelled: nothing was written.' : view.message) : error;
    return (
      <div className="pdfx-status pdfx-error" data-testid="pdf-export-error" role="alert">
        {message}
      </div>
    );
  }
  return null;
}

function savedPdf(r: ExportSummary): ReactNode {
  const what = r.pages > 0 ? `${r.panels} panel${r.panels === 1 ? '' : 's'} on ${r.pages} page${r.pages === 1 ? '' : 's'}` : `${r.panels} shot${r.panels === 1 ? '' : 's'}`;
  return (
    <span title={r.path}>
      Saved {what} to <span className="pdfx-path-text">{baseName(r.path)}</span>
    </span>
  );
}
