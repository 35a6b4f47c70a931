import type { SceneWithPanels } from '../../../shared/domain/board';

interface Props {
  scenes: SceneWithPanels[];
  excluded: number[];
  onExcluded(next: number[]): void;
  /** The shots field; left out where only whole scenes can be chosen. */
  shots?: string;
  onShots?(next: string): void;
}

/** Which scenes (ticked, all by default) and, optionally, which shots by number. */
export function SelectionFields({ scenes, excluded, shots, onExcluded, onShots }: Props) {
  const all = excluded.length === 0;
  return (
    <fieldset className="pdfx-fieldset">
      <legend className="field-label">Scenes</legend>
      <label className="pdfx-check pdfx-all">
        <input type="checkbox" data-testid="pdf-scenes-all" checked={all} onChange={() => onExcluded(all ? scenes.map((s) => s.number) : [])} /> All scenes
      </label>
      <div className="pdfx-scenes" data-testid="pdf-scenes">
        {scenes.map((s) => (
          <label key={s.id} className="pdfx-check" title={s.heading}>
            <input
              type="checkbox"
              checked={!excluded.includes(s.number)}
              onChange={(e) => onExcluded(e.target.checked ? excluded.filter((n) => n !== s.number) : [...excluded, s.number])}
            />
            <span className="pdfx-scene-num">{s.number}</span>
            <span className="pdfx-scene-heading">{s.heading || 'Untitled scene'}</span>
            <span className="pdfx-scene-count">{s.panels.length}</span>
          </label>
        ))}
      </div>
      {onShots && (
        <label className="field">
          <span className="field-label">{all ? 'Only these shots (optional)' : 'Also these shots (optional)'}</span>
          <input className="input input-mono" data-testid="pdf-shots" placeholder="e.g. 1A, 1C, 2A-2D" value={shots ?? ''} spellCheck={false} onChange={(e) => onShots(e.target.value)} />
        </label>
      )}
    </fieldset>
  );
}
