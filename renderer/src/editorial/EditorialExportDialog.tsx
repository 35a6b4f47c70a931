import { useEffect, useState, type KeyboardEvent } from 'react';
import { EDITORIAL_LABELS, EDITORIAL_RATES, type EditorialFormat } from '../../../shared/domain/editorial';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { ExportStatus } from '../export/ExportStatus';
import { buildSelection, defaultExportPath } from '../export/selection';
import { SelectionFields } from '../export/SelectionFields';
import { useExportTask } from '../export/useExportTask';
import { WideDialog } from '../generation/WideDialog';
import { useBoardStore } from '../state/board-store';
import { useEditorialStore } from './editorial-store';
import { FormatChoice } from './FormatChoice';
import { defaultRate, formatOfPath, mediaFolderName, withExtension, type TimelineSaved } from './timeline-files';
import { TimelineSavedLine } from './TimelineSavedLine';
import '../export/export.css';
import './editorial.css';

const rateLabel = (r: number) => `${r} fps`;

/**
 * File > Export Editorial Timeline…: the format for the editor's software, rate, scenes and media
 * paths; then progress, and where the timeline and its media folder went. Web mode asks for the path
 * here; the app shows a native save dialog.
 */
export function EditorialExportDialog() {
  const store = useEditorialStore();
  const board = useBoardStore((s) => s.board);
  const open = store.exportOpen && board !== null;
  const task = useExportTask<TimelineSaved>(open);
  const web = api.shell === 'web';
  const [error, setError] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const suggested = board ? defaultExportPath(board.project.path, board.project.title, '', EDITORIAL_LABELS[store.format].ext) : '';
  useEffect(() => {
    if (open) setPath(suggested);
    // Proposed once a time the dialog opens; a format change then only changes the extension.
  }, [open]);
  if (!open || !board) return null;

  const running = task.view.kind === 'running';
  const projectRate = defaultRate(board.project.fps);
  const fps = store.fps ?? projectRate;
  const selection = buildSelection(board.scenes, store.excludedScenes, '');
  const pathProblem = !web ? null : !path.trim() ? 'Type where to save the timeline.' : formatOfPath(path) !== store.format ? `${EDITORIAL_LABELS[store.format].name} ends in .${EDITORIAL_LABELS[store.format].ext}.` : null;
  const blocked = selection ? pathProblem : 'Choose at least one scene.';

  const close = () => {
    if (running) return;
    task.reset();
    setError(null);
    store.set({ exportOpen: false });
  };
  const chooseFormat = (format: EditorialFormat) => {
    store.set({ format });
    setPath((p) => withExtension(p, format));
  };
  const start = async () => {
    if (running || blocked || !selection) return;
    setError(null);
    task.reset();
    const options = { fps, relative: store.relative, ...(selection.scenes ? { scenes: selection.scenes } : {}) };
    try {
      const started = await api.call('export.editorial', { format: store.format, ...(web ? { path: path.trim() } : {}), options });
      if (started) task.track(started);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  // Enter exports from any field (a button keeps its own Enter).
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.target instanceof HTMLButtonElement) return;
    e.preventDefault();
    void start();
  };

  const footer = (
    <>
      <button type="button" className="button" data-testid="editorial-export-close" disabled={running} onClick={close}>
        {task.view.kind === 'done' ? 'Close' : 'Cancel'}
      </button>
      <button type="button" className="button button-primary" data-testid="editorial-export-submit" disabled={running || !!blocked} title={blocked ?? undefined} onClick={() => void start()}>
        Export Timeline
      </button>
    </>
  );
  return (
    <WideDialog title="Export Editorial Timeline" testId="editorial-export" onClose={close} footer={footer} width={640}>
      <div className="edx" onKeyDown={onKeyDown}>
        <FormatChoice value={store.format} disabled={running} onChange={chooseFormat} />
        <div className="edx-row">
          <label className="field edx-rate">
            <span className="field-label">Frame rate</span>
            <select className="input" data-testid="editorial-fps" value={fps} disabled={running} onChange={(e) => store.set({ fps: Number(e.target.value) })}>
              {EDITORIAL_RATES.map((r) => (
                <option key={r} value={r}>
                  {r === projectRate ? `${rateLabel(r)} (project)` : rateLabel(r)}
                </option>
              ))}
            </select>
          </label>
          <label className="pdfx-check edx-relative">
            <input type="checkbox" data-testid="editorial-relative" checked={store.relative} disabled={running} onChange={(e) => store.set({ relative: e.target.checked })} />
            <span>
              Relative media paths
              <span className="edx-hint">For moving the timeline and its media folder together to another computer.</span>
            </span>
          </label>
        </div>
        {Math.abs(projectRate - board.project.fps) > 0.005 && (
          <p className="edx-hint">The project runs at {board.project.fps} fps; timelines are written at {EDITORIAL_RATES.join(', ')} fps.</p>
        )}
        <SelectionFields scenes={board.scenes} excluded={store.excludedScenes} onExcluded={(excludedScenes) => store.set({ excludedScenes })} />
        {web && (
          <label className="field">
            <span className="field-label">Save as (a full path on this computer)</span>
            <input className="input input-mono" data-testid="editorial-export-path" value={path} spellCheck={false} disabled={running} onChange={(e) => setPath(e.target.value)} />
          </label>
        )}
        <p className="edx-hint" data-testid="editorial-media-note">
          {web ? 'A folder ' : 'A folder named after the timeline, e.g. '}
          <span className="pdfx-path-text">{mediaFolderName(web ? path : `${board.project.title}.${EDITORIAL_LABELS[store.format].ext}`)}</span> is written beside the timeline: a still
          per panel and the sound, which the timeline links to. Keep the two together.
        </p>
        {pathProblem && path.trim() && <p className="pdfx-error">{pathProblem}</p>}
        <ExportStatus view={task.view} error={error} onCancel={() => void task.cancel()} unit="media files" saved={(saved: TimelineSaved) => <TimelineSavedLine saved={saved} />} />
      </div>
    </WideDialog>
  );
}
