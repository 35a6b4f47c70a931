import type { ScriptImportSummary, ScriptPreviewScene } from '../../../shared/domain/script';
import { ImportPreviewDialog } from '../components/ImportPreviewDialog';
import { scriptActions } from './script-actions';
import { useScriptStore } from './script-store';
import './script.css';

const STATUS_LABELS: Record<ScriptPreviewScene['status'], string> = { new: 'New', changed: 'Changed', unchanged: 'Unchanged', restored: 'Back' };

/** "1 1/8" pages from eighths, as screenplays are timed. */
export function pages(eighths: number): string {
  const whole = Math.floor(eighths / 8);
  const rest = eighths % 8;
  if (!rest) return String(whole);
  return whole ? `${whole} ${rest}/8` : `${rest}/8`;
}

function totals(s: ScriptImportSummary): string {
  const panels = s.scenes.reduce((n, x) => n + x.panels, 0);
  return `${s.scenes.length} scene${s.scenes.length === 1 ? '' : 's'} · ${panels} panel${panels === 1 ? '' : 's'} · ${pages(s.scenes.reduce((n, x) => n + x.pageEighths, 0))} pages`;
}

/** The script import preview: the scenes found, how the board will change, then one click imports. */
export function ScriptImportDialog() {
  const preview = useScriptStore((s) => s.preview);
  const working = useScriptStore((s) => s.working);
  if (!preview) return null;
  const s = preview.summary;
  const aside = (
    <div className="script-mode" role="radiogroup" aria-label="Panels">
      {(['beats', 'scene'] as const).map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={s.mode === m}
          className={`script-mode-option${s.mode === m ? ' is-active' : ''}`}
          data-testid={`script-mode-${m}`}
          disabled={working}
          onClick={() => s.mode !== m && void scriptActions.setMode(m)}
        >
          {m === 'beats' ? 'A panel per action and line' : 'One panel per scene'}
        </button>
      ))}
    </div>
  );
  return (
    <ImportPreviewDialog
      title={s.reimport ? 'Re-import Script' : 'Import Script'}
      testId="script-import"
      fileName={s.fileName}
      totals={totals(s)}
      aside={aside}
      changes={s.changes}
      undoHint="The whole import is one step: Undo takes it back."
      submitLabel={s.reimport ? 'Update the Board' : 'Import'}
      working={working}
      onCancel={scriptActions.cancel}
      onSubmit={() => void scriptActions.confirm()}
    >
      {s.warnings.length > 0 && (
        <ul className="script-warnings" data-testid="script-import-warnings">
          {s.warnings.map((w) => <li key={w}>{w}</li>)}
        </ul>
      )}
      <div className="script-table-wrap">
        <table className="script-table" data-testid="script-import-scenes">
          <thead>
            <tr><th>#</th><th>Scene</th><th>Pages</th><th>Characters</th><th>Panels</th>{s.reimport && <th>Change</th>}</tr>
          </thead>
          <tbody>
            {s.scenes.map((scene, i) => (
              <tr key={i} className={`is-${scene.status}`} data-testid="script-import-scene">
                <td className="script-num">{scene.number ?? '–'}</td>
                <td>
                  <div className="script-heading">{scene.heading || '(no heading)'}</div>
                  {scene.synopsis && <div className="script-synopsis">{scene.synopsis}</div>}
                </td>
                <td className="script-pages">{pages(scene.pageEighths)}</td>
                <td className="script-cast">{scene.characters.join(', ')}</td>
                <td className="script-count">{scene.panels}</td>
                {s.reimport && <td className={`script-status status-${scene.status}`}>{STATUS_LABELS[scene.status]}</td>}
              </tr>
            ))}
            {s.omittedScenes.map((scene, i) => (
              <tr key={`omitted-${i}`} className="is-omitted" data-testid="script-import-omitted">
                <td className="script-num">{scene.number ?? '–'}</td>
                <td><div className="script-heading">{scene.heading}</div></td>
                <td />
                <td />
                <td className="script-count">{scene.panels}</td>
                <td className="script-status status-omitted">Omitted</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ImportPreviewDialog>
  );
}
