import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../shared/domain/dataset';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { ExportStatus } from '../export/ExportStatus';
import { useExportTask } from '../export/useExportTask';
import { WideDialog } from '../generation/WideDialog';
import { useBoardStore } from '../state/board-store';
import { useDatasetStore } from './dataset-store';
import '../export/export.css';
import './dataset.css';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The folder proposed beside the project: "<title> - dataset". */
function suggestedFolder(projectPath: string, title: string): string {
  const cut = Math.max(projectPath.lastIndexOf('/'), projectPath.lastIndexOf('\\'));
  const folder = cut >= 0 ? projectPath.slice(0, cut + 1) : '';
  return `${folder}${title.replace(/[\\/:*?"<>|]/g, '').trim() || 'Untitled'} - dataset`;
}

/**
 * File > Export Decision Dataset…: a folder with the shots, the decision log, every generation and
 * every pick, for analysis or preference tuning. Web mode asks for the folder here; the app shows a
 * native dialog.
 */
export function DatasetExportDialog() {
  const board = useBoardStore((s) => s.board);
  const store = useDatasetStore();
  const open = store.open && board !== null;
  const task = useExportTask<DatasetSummary>(open);
  const web = api.shell === 'web';
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open && board) setPath(suggestedFolder(board.project.path, board.project.title));
  }, [open]);
  if (!open) return null;
  const running = task.view.kind === 'running';
  const close = () => {
    if (running) return;
    task.reset();
    setError(null);
    store.set(false);
  };
  const start = async () => {
    if (running || (web && !path.trim())) return;
    setError(null);
    task.reset();
    try {
      const started = await api.call('export.dataset', web ? { path: path.trim() } : {});
      if (started) task.track(started);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const footer = (
    <>
      <button type="button" className="button" data-testid="dataset-export-close" disabled={running} onClick={close}>
        {task.view.kind === 'done' ? 'Close' : 'Cancel'}
      </button>
      <button type="button" className="button button-primary" data-testid="dataset-export-submit" disabled={running || (web && !path.trim())} onClick={() => void start()}>
        Export Dataset
      </button>
    </>
  );
  return (
    <WideDialog title="Export Decision Dataset" testId="dataset-export" onClose={close} footer={footer} width={560}>
      <div className="dataset-export-body">
        <p className="hint">
          A folder of JSON Lines files (the panels, the decision log, every generation with its prompt, and each pick with the variations it beat) and the
          pictures they name, with a README describing every field. Provider keys and paths on this computer are left out.
        </p>
        {web && (
          <label className="field">
            <span className="field-label">Folder (a new or empty one, or an earlier dataset to replace)</span>
            <input className="input input-mono" data-testid="dataset-export-path" value={path} spellCheck={false} disabled={running} onChange={(e) => setPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && void start()} />
          </label>
        )}
        <ExportStatus
          view={task.view}
          error={error}
          onCancel={() => void task.cancel()}
          unit="images"
          saved={(s: DatasetSummary) => (
            <span data-testid="dataset-export-done">
              {count(s.panels, 'panel')}, {count(s.decisions, 'decision')}, {count(s.generations, 'generation')}, {count(s.preferences, 'preference')} and {count(s.images, 'image')} written to{' '}
              <span className="pdfx-path-text">{s.path}</span>
            </span>
          )}
        />
      </div>
    </WideDialog>
  );
}
