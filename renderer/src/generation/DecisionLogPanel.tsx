import { useEffect, useState } from 'react';
import type { Decision, DecisionKind } from '../../../shared/domain/generation';
import { DECISION_KINDS, DECISION_LABELS } from '../../../shared/domain/generation';
import { api } from '../api/client';
import { useBoardStore, useSelectedPanel } from '../state/board-store';
import { info, refresh, run } from '../state/run';
import { dirName } from '../util/format';
import { Modal } from '../components/Modal';
import { genActions } from './gen-actions';
import { LogEntry } from './LogEntry';

/** The creative decision log: what was decided, when, about which shot, and why. Filter, add a note, export. */
export function DecisionLogPanel() {
  const version = useBoardStore((s) => s.version);
  const selected = useSelectedPanel();
  const [scope, setScope] = useState<'all' | 'panel'>('all');
  const [kind, setKind] = useState<DecisionKind | ''>('');
  const [showInitial, setShowInitial] = useState(false);
  const [entries, setEntries] = useState<Decision[]>([]);
  const [exporting, setExporting] = useState<'jsonl' | 'csv' | null>(null);
  const panelId = scope === 'panel' ? selected?.panel.id : undefined;
  useEffect(() => {
    let live = true;
    void genActions.listDecisions({ panelId, kinds: kind ? [kind] : undefined, includeInitial: showInitial }).then((list) => live && list && setEntries(list));
    return () => {
      live = false;
    };
  }, [panelId, kind, showInitial, version]);

  const exportLog = (format: 'jsonl' | 'csv') => {
    if (api.shell === 'web') return setExporting(format);
    void run('Could not export the decision log', async () => {
      const done = await api.call('decisions.export', { format });
      if (done) info('Decision log exported', `${done.entries} entries written to ${done.path}.`);
    });
  };

  return (
    <div className="gen-panel log-panel" data-testid="decision-log">
      <div className="inspector-header">
        <span className="inspector-kicker">Creative decisions</span>
        <h2 className="inspector-title">Decision log</h2>
      </div>
      <div className="gen-row">
        <select className="input select" data-testid="log-scope" value={scope} onChange={(e) => setScope(e.target.value as 'all' | 'panel')}>
          <option value="all">All panels</option>
          <option value="panel" disabled={!selected}>
            {selected ? `Panel ${selected.panel.shotNumber}` : 'Selected panel'}
          </option>
        </select>
        <select className="input select" data-testid="log-kind" value={kind} onChange={(e) => setKind(e.target.value as DecisionKind | '')}>
          <option value="">Every kind</option>
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {DECISION_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <label className="log-initial-toggle" title="First values typed into new panels (empty → a value): kept in the log and the export, hidden here by default">
        <input type="checkbox" data-testid="log-show-initial" checked={showInitial} onChange={(e) => setShowInitial(e.target.checked)} />
        Show first entries
      </label>
      <NoteForm />
      <ol className="log-list" data-testid="log-list">
        {entries.length === 0 && <li className="hint">Nothing logged yet. Picks, shot changes, moves and deletions appear here as you work{showInitial ? '' : '; first values given to new panels are under Show first entries'}.</li>}
        {[...entries].reverse().map((d) => (
          <LogEntry key={d.id} d={d} />
        ))}
      </ol>
      <div className="gen-row">
        <span className="hint">{entries.length} entr{entries.length === 1 ? 'y' : 'ies'}</span>
        <span className="gen-spacer" />
        <button type="button" className="button button-small" data-testid="log-export-jsonl" onClick={() => exportLog('jsonl')}>
          Export JSONL
        </button>
        <button type="button" className="button button-small" data-testid="log-export-csv" onClick={() => exportLog('csv')}>
          Export CSV
        </button>
      </div>
      {exporting && <ExportPathDialog format={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}

/** A manual entry about the selected panel (or its scene): the decision and why. */
function NoteForm() {
  const selected = useSelectedPanel();
  const [note, setNote] = useState('');
  const [why, setWhy] = useState('');
  if (!selected) return <p className="hint">Select a panel to add a note with a why.</p>;
  const add = () =>
    void run('Could not add the note', async () => {
      await api.call('decisions.addNote', { panelId: selected.panel.id, note, why });
      setNote('');
      setWhy('');
      await refresh();
    });
  return (
    <form className="log-note" onSubmit={(e) => (e.preventDefault(), note.trim() && add())}>
      <input className="input" data-testid="log-note" value={note} placeholder={`Decision about ${selected.panel.shotNumber}…`} onChange={(e) => setNote(e.target.value)} />
      <div className="gen-row">
        <input className="input" data-testid="log-why" value={why} placeholder="…and why" onChange={(e) => setWhy(e.target.value)} />
        <button type="submit" className="button button-small" data-testid="log-add-note" disabled={!note.trim()}>
          Add note
        </button>
      </div>
    </form>
  );
}

/** Web mode has no save dialog: ask where to write the file. */
function ExportPathDialog({ format, onClose }: { format: 'jsonl' | 'csv'; onClose(): void }) {
  const project = useBoardStore((s) => s.board?.project);
  const [path, setPath] = useState(() => (project ? `${dirName(project.path)}/${project.title.replace(/[\\/:*?"<>|]/g, '')} - decisions.${format}` : ''));
  const valid = path.trim().toLowerCase().endsWith(`.${format}`);
  return (
    <Modal
      title={`Export the decision log as ${format === 'csv' ? 'CSV' : 'JSON Lines'}`}
      testId="export-decisions-dialog"
      submitLabel="Export"
      submitDisabled={!valid}
      onCancel={onClose}
      onSubmit={() =>
        void run('Could not export the decision log', async () => {
          const done = await api.call('decisions.export', { path: path.trim() });
          if (done) info('Decision log exported', `${done.entries} entries written to ${done.path}.`);
          onClose();
        })
      }
    >
      <label className="field">
        <span className="field-label">Write to</span>
        <input className="input input-mono" data-testid="export-decisions-path" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
      </label>
    </Modal>
  );
}
