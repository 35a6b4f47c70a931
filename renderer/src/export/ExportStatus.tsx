import { baseName } from '../util/format';
import { timeLeft } from './selection';
import type { TaskView } from './useExportTask';

/** Progress with time left and Cancel while running; then where the file went, or why it did not. */
export function ExportStatus({ view, error, onCancel }: { view: TaskView; error: string | null; onCancel(): void }) {
  if (view.kind === 'running') {
    const t = view.task;
    const pct = t && t.total > 0 ? Math.floor((t.done / t.total) * 100) : 0;
    return (
      <div className="pdfx-status" data-testid="pdf-export-progress">
        <div className="pdfx-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
          <div className="pdfx-progress-bar" style={{ width: `${pct}%` }} />
        </div>
        <div className="pdfx-status-line">
          <span>{t && t.total > 0 ? `${t.done} of ${t.total} panels · ${timeLeft(t.etaMs)}` : 'Starting…'}</span>
          <button type="button" className="button button-small" data-testid="pdf-export-cancel" onClick={onCancel}>
            Cancel export
          </button>
        </div>
      </div>
    );
  }
  if (view.kind === 'done') {
    const r = view.result;
    const what = r.pages > 0 ? `${r.panels} panel${r.panels === 1 ? '' : 's'} on ${r.pages} page${r.pages === 1 ? '' : 's'}` : `${r.panels} shot${r.panels === 1 ? '' : 's'}`;
    return (
      <div className="pdfx-status pdfx-done" data-testid="pdf-export-done" title={r.path}>
        Saved {what} to <span className="pdfx-path-text">{baseName(r.path)}</span>
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
