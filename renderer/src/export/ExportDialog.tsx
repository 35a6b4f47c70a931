import { useEffect, useRef, useState } from 'react';
import { CSV_COLUMN_HEADERS, SHOT_LIST_COLUMNS } from '../../../shared/domain/export';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { useBoardStore } from '../state/board-store';
import { BoardOptionsForm } from './BoardOptionsForm';
import { CoverFields } from './CoverFields';
import { ExportPreview } from './ExportPreview';
import { ExportStatus } from './ExportStatus';
import { useExportStore } from './export-store';
import { PresetBar } from './PresetBar';
import { buildSelection, defaultExportPath } from './selection';
import { SelectionFields } from './SelectionFields';
import { ShotListForm } from './ShotListForm';
import { useExportShortcut } from './useExportShortcut';
import { useExportTask } from './useExportTask';
import './export.css';

/**
 * File > Export PDF Boards… and Export Shot List…: options on the left, a live preview of the first
 * pages on the right, then progress with time left and Cancel. Web mode asks for the output path here;
 * the app shows a native save dialog.
 */
export function ExportDialog() {
  useExportShortcut();
  const store = useExportStore();
  const board = useBoardStore((s) => s.board);
  const open = store.open !== null && board !== null;
  const task = useExportTask(open);
  const web = api.shell === 'web';
  const [shots, setShots] = useState('');
  const [error, setError] = useState<string | null>(null);
  const kind = store.open ?? 'boards';
  const ext = kind === 'boards' ? 'pdf' : store.shotListFormat;
  const suggested = board ? defaultExportPath(board.project.path, board.project.title, kind === 'boards' ? 'boards' : 'shot list', ext) : '';
  const [path, setPath] = useState(suggested);
  useEffect(() => setPath(suggested), [suggested]);

  const closeRef = useRef(() => {});
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeRef.current();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open || !board) return null;

  const running = task.view.kind === 'running';
  const close = () => {
    if (running) return;
    task.reset();
    setError(null);
    store.set({ open: null });
  };
  closeRef.current = close;
  const selection = buildSelection(board.scenes, store.excludedScenes, shots);
  const noColumns = kind === 'shotList' && store.shotListFormat === 'csv' && store.csvColumns.length === 0;
  const blocked = !selection ? 'Choose at least one scene or shot.' : noColumns ? 'Choose at least one column.' : null;
  const boardOptions = { ...store.boards, selection: selection ?? {} };
  const wantsPath = web && !path.trim().toLowerCase().endsWith(`.${ext}`);

  const start = async () => {
    if (!selection || blocked) return;
    setError(null);
    const target = web ? { path: path.trim() } : {};
    try {
      const started =
        kind === 'boards'
          ? await api.call('export.pdf', { ...target, options: boardOptions })
          : store.shotListFormat === 'csv'
            ? await api.call('export.shotListCsv', { ...target, selection, columns: store.csvColumns })
            : await api.call('export.shotListPdf', { ...target, options: { ...store.shotList, selection } });
      if (started) task.track(started);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="modal-backdrop pdfx-backdrop" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal pdfx" role="dialog" aria-modal="true" aria-label="Export" data-testid="pdf-export-dialog">
        <div className="pdfx-head">
          <h2 className="modal-title">Export</h2>
          <div className="pdfx-tabs" role="tablist">
            <button type="button" role="tab" aria-selected={kind === 'boards'} className="pdfx-tab" data-testid="pdf-tab-boards" disabled={running} onClick={() => store.set({ open: 'boards' })}>
              PDF boards
            </button>
            <button type="button" role="tab" aria-selected={kind === 'shotList'} className="pdfx-tab" data-testid="pdf-tab-shotlist" disabled={running} onClick={() => store.set({ open: 'shotList' })}>
              Shot list
            </button>
          </div>
          {kind === 'boards' && <PresetBar options={boardOptions} onLoad={(o) => store.set({ boards: o })} />}
        </div>
        <div className="pdfx-body">
          <div className="pdfx-options">
            {kind === 'boards' ? (
              <>
                <BoardOptionsForm value={store.boards} onChange={(boards) => store.set({ boards })} />
                <SelectionFields scenes={board.scenes} excluded={store.excludedScenes} shots={shots} onExcluded={(excludedScenes) => store.set({ excludedScenes })} onShots={setShots} />
                <CoverFields value={store.boards.cover} projectTitle={board.project.title} onChange={(cover) => store.set({ boards: { ...store.boards, cover } })} />
              </>
            ) : (
              <>
                <ShotListForm />
                <SelectionFields scenes={board.scenes} excluded={store.excludedScenes} shots={shots} onExcluded={(excludedScenes) => store.set({ excludedScenes })} onShots={setShots} />
              </>
            )}
          </div>
          {kind === 'boards' ? <ExportPreview options={boardOptions} blocked={blocked} /> : <ShotListPreview blocked={blocked} />}
        </div>
        <div className="pdfx-foot">
          {web && (
            <label className="field pdfx-path">
              <span className="field-label">Save as (a full path on this computer)</span>
              <input className="input input-mono" data-testid="pdf-export-path" value={path} spellCheck={false} disabled={running} onChange={(e) => setPath(e.target.value)} />
            </label>
          )}
          <ExportStatus view={task.view} error={error} onCancel={() => void task.cancel()} />
          <div className="modal-actions pdfx-actions">
            <button type="button" className="button" data-testid="pdf-export-close" disabled={running} onClick={close}>
              {task.view.kind === 'done' ? 'Close' : 'Cancel'}
            </button>
            <button type="button" className="button button-primary" data-testid="pdf-export-submit" disabled={running || !!blocked || wantsPath} onClick={() => void start()}>
              {kind === 'boards' ? 'Export PDF' : store.shotListFormat === 'csv' ? 'Export CSV' : 'Export PDF'}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}

function ShotListPreview({ blocked }: { blocked: string | null }) {
  const csv = useExportStore((s) => s.shotListFormat === 'csv');
  const columns = useExportStore((s) => s.csvColumns);
  const printed = csv ? columns.map((c) => CSV_COLUMN_HEADERS[c]) : SHOT_LIST_COLUMNS;
  return (
    <div className="pdfx-preview pdfx-shotlist-info">
      {blocked ? (
        <div className="pdfx-preview-message">{blocked}</div>
      ) : (
        <div className="pdfx-preview-message">
          One row per shot, in board order: <span data-testid="shotlist-columns">{printed.join(', ')}</span>.
          {csv ? ' CSV opens in Excel, Numbers or Google Sheets (UTF-8).' : ' The PDF table repeats its header on every page.'}
        </div>
      )}
    </div>
  );
}
