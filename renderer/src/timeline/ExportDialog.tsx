import { useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../../shared/api/events';
import type { VideoExportResult } from '../../../shared/api/methods/animatic';
import type { BurnIn, ExportFps, ExportHeight, FrameMode } from '../../../shared/domain/animatic';
import { EXPORT_FPS, EXPORT_HEIGHTS } from '../../../shared/domain/animatic';
import { api } from '../api/client';
import { errorMessage } from '../api/errors';
import { useBoardStore } from '../state/board-store';
import { dirName } from '../util/format';
import { useTimelineStore } from './timeline-store';

type Phase =
  | { kind: 'options'; error?: string }
  | { kind: 'running'; taskId: string; path: string; done: number; total: number; etaMs: number | null }
  | { kind: 'done'; result: VideoExportResult }
  | { kind: 'failed'; message: string };

const BURN_IN_LABELS: Record<BurnIn, string> = { shot: 'Shot number', dialogue: 'Dialogue captions', sound: 'Sound captions', timecode: 'Timecode' };

type Format = 'mp4' | 'png';

function defaultPath(format: Format): string {
  const project = useBoardStore.getState().board?.project;
  if (!project) return '';
  const folder = dirName(project.path);
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const name = project.title.replace(/[\\/:*?"<>|]/g, '');
  return `${folder}${sep}${name} - ${format === 'mp4' ? 'animatic.mp4' : 'frames'}`;
}

/** What to show: the phase, brought up to date by the running task's latest event. */
function current(phase: Phase, events: Map<string, AppEvent>): Phase {
  if (phase.kind !== 'running') return phase;
  const e = events.get(phase.taskId);
  if (!e || !('task' in e)) return phase;
  if (e.kind === 'task.progress') return { ...phase, done: e.task.done, total: e.task.total, etaMs: e.task.etaMs };
  if (e.kind === 'task.finished') return { kind: 'done', result: e.result as VideoExportResult };
  return e.error.code === 'CANCELLED' ? { kind: 'options', error: 'The export was cancelled; nothing was written.' } : { kind: 'failed', message: e.error.message };
}

function timeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left…';
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `about ${s} s left` : `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}

/** File > Export Animatic (MP4)…: size, rate, letterbox, burn-ins; then progress with time left, and Cancel. */
export function ExportDialog() {
  const open = useTimelineStore((s) => s.exportOpen);
  const projectFps = useBoardStore((s) => s.board?.project.fps ?? 24);
  const [height, setHeight] = useState<ExportHeight>(1080);
  const [fps, setFps] = useState<ExportFps>(() => EXPORT_FPS.find((f) => Math.abs(f - projectFps) < 0.01) ?? 24);
  const [frame, setFrame] = useState<FrameMode>('letterbox');
  const [burnIns, setBurnIns] = useState<BurnIn[]>([]);
  const [format, setFormat] = useState<Format>('mp4');
  const [path, setPath] = useState(() => defaultPath('mp4'));
  const [phase, setPhase] = useState<Phase>({ kind: 'options' });
  const web = api.shell === 'web';

  // Every task event while the dialog is open, by task: a short export can finish before the call returns.
  const events = useRef(new Map<string, AppEvent>());
  const [, setSeen] = useState(0);
  useEffect(() => {
    if (!open) return;
    return api.onEvent((e) => {
      if (!('task' in e)) return;
      events.current.set(e.task.taskId, e);
      setSeen((n) => n + 1);
    });
  }, [open]);
  useEffect(() => {
    if (open) setPath(defaultPath(format));
  }, [open, format]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeRef.current();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const closeRef = useRef(() => {});

  if (!open) return null;
  const view = current(phase, events.current);
  const close = () => {
    if (view.kind === 'running') return;
    setPhase({ kind: 'options' });
    useTimelineStore.getState().set({ exportOpen: false });
  };
  closeRef.current = close;
  const start = async () => {
    try {
      const input = { ...(web ? { path: path.trim() } : {}), options: { height, fps, frame, burnIns } };
      const started = await api.call(format === 'mp4' ? 'export.mp4' : 'export.imageSequence', input);
      if (started) setPhase({ kind: 'running', taskId: started.taskId, path: started.path, done: 0, total: 0, etaMs: null });
    } catch (e) {
      setPhase({ kind: 'options', error: errorMessage(e) });
    }
  };
  const cancel = () => view.kind === 'running' && void api.call('tasks.cancel', { taskId: view.taskId });
  const toggle = (b: BurnIn) => setBurnIns((list) => (list.includes(b) ? list.filter((x) => x !== b) : [...list, b]));
  const pct = view.kind === 'running' && view.total > 0 ? Math.floor((view.done / view.total) * 100) : 0;

  return (
    <div className="modal-backdrop" onPointerDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal tl-export" role="dialog" aria-modal="true" aria-label="Export animatic" data-testid="export-animatic">
        <h2 className="modal-title">Export animatic</h2>
        {view.kind === 'options' && (
          <div className="modal-body">
            <div className="tl-export-choice">
              <label>
                <input type="radio" checked={format === 'mp4'} onChange={() => setFormat('mp4')} /> MP4 video (H.264, AAC)
              </label>
              <label>
                <input type="radio" checked={format === 'png'} data-testid="export-format-png" onChange={() => setFormat('png')} /> PNG image sequence
              </label>
            </div>
            <div className="tl-export-grid">
              <label className="field">
                <span className="field-label">Resolution</span>
                <select className="input" value={height} data-testid="export-height" onChange={(e) => setHeight(Number(e.target.value) as ExportHeight)}>
                  {EXPORT_HEIGHTS.map((h) => (
                    <option key={h} value={h}>
                      {h === 2160 ? '2160p (4K UHD)' : `${h}p`}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Frame rate</span>
                <select className="input" value={fps} data-testid="export-fps" onChange={(e) => setFps(Number(e.target.value) as ExportFps)}>
                  {EXPORT_FPS.map((f) => (
                    <option key={f} value={f}>
                      {f} fps
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <div className="tl-export-choice">
              <label>
                <input type="radio" checked={frame === 'letterbox'} onChange={() => setFrame('letterbox')} /> Letterbox into 16:9
              </label>
              <label>
                <input type="radio" checked={frame === 'native'} onChange={() => setFrame('native')} /> Native size (the project's aspect)
              </label>
            </div>
            <div className="tl-export-choice">
              <span className="field-label">Burn in</span>
              {(Object.keys(BURN_IN_LABELS) as BurnIn[]).map((b) => (
                <label key={b}>
                  <input type="checkbox" checked={burnIns.includes(b)} onChange={() => toggle(b)} /> {BURN_IN_LABELS[b]}
                </label>
              ))}
            </div>
            {web && (
              <label className="field">
                <span className="field-label">{format === 'mp4' ? 'Save as' : 'New folder for the frames'}</span>
                <input className="input input-mono" value={path} spellCheck={false} data-testid="export-path" onChange={(e) => setPath(e.target.value)} />
              </label>
            )}
            {view.error && <p className="tl-export-error">{view.error}</p>}
          </div>
        )}
        {view.kind === 'running' && (
          <div className="modal-body" data-testid="export-progress">
            <div className="tl-progress">
              <div className="tl-progress-bar" style={{ width: `${pct}%` }} />
            </div>
            <p className="hint">
              {view.total > 0 ? `Frame ${view.done} of ${view.total} (${pct}%) — ${timeLeft(view.etaMs)}` : 'Preparing pictures and sound…'}
            </p>
          </div>
        )}
        {view.kind === 'done' && (
          <div className="modal-body" data-testid="export-done">
            <p>Saved {view.result.width}×{view.result.height}, {(view.result.durationMs / 1000).toFixed(2)} s:</p>
            <p className="tl-export-path">{view.result.path}</p>
            {view.result.warnings.map((w) => (
              <p key={w} className="hint">
                {w}
              </p>
            ))}
          </div>
        )}
        {view.kind === 'failed' && <p className="tl-export-error">{view.message}</p>}
        <div className="modal-actions">
          {view.kind === 'running' ? (
            <button className="button" data-testid="export-cancel" onClick={cancel}>
              Cancel export
            </button>
          ) : (
            <button className="button" data-testid="export-close" onClick={close}>
              {view.kind === 'options' ? 'Cancel' : 'Close'}
            </button>
          )}
          {view.kind === 'options' && (
            <button className="button button-primary" data-testid="export-start" disabled={web && (format === 'mp4' ? !path.trim().toLowerCase().endsWith('.mp4') : !path.trim())} onClick={() => void start()}>
              Export
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
