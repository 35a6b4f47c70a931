import type { Panel, PanelPatch, PanelStatus } from '../../../shared/domain/board';
import { ANGLES, CAMERA_MOVES, PANEL_STATUSES, SHOT_SIZES } from '../../../shared/domain/board-constants';
import { aspectValue } from '../../../shared/domain/project';
import { thumbnailUrl } from '../board/thumbnails';
import { actions } from '../state/actions';
import { panelCount, runningTimeMs, useBoardStore, useSelectedPanel } from '../state/board-store';
import { formatRunningTime, formatSeconds } from '../util/format';
import { aspectLabel } from './aspect-labels';
import { ImageIcon } from './Icons';
import { PathText } from './PathText';
import { chooseImage } from './ImageInput';
import { CommitInput, CommitTextArea, SelectField } from './InspectorFields';

const seconds = (ms: number) => formatSeconds(ms).slice(0, -1);

function parseSeconds(text: string): number | undefined {
  const s = Number(text.replace(',', '.').replace(/s$/i, '').trim());
  if (!Number.isFinite(s) || s <= 0) return undefined;
  return Math.min(3_600_000, Math.max(1, Math.round(s * 1000)));
}

function parseLens(text: string): number | null | undefined {
  const t = text.replace(/mm$/i, '').trim();
  if (!t) return null;
  const mm = Number(t);
  return Number.isFinite(mm) && mm > 0 && mm <= 2000 ? mm : undefined;
}

/** The selected panel's picture and fields (editable), or a summary of the project. */
export function Inspector() {
  const selected = useSelectedPanel();
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {selected ? <PanelInspector panel={selected.panel} sceneLabel={selected.scene.heading.trim() || `Scene ${selected.scene.number}`} /> : <ProjectSummary />}
    </aside>
  );
}

function PanelInspector({ panel, sceneLabel }: { panel: Panel; sceneLabel: string }) {
  const aspect = useBoardStore((s) => s.board?.project.aspectRatio ?? '16:9');
  const update = (patch: PanelPatch) => void actions.updatePanels([panel.id], patch);
  return (
    <div className="inspector-content" key={panel.id}>
      <div className="inspector-header">
        <span className="inspector-kicker">Panel</span>
        <h2 className="inspector-title" data-testid="inspector-shot">
          {panel.shotNumber}
        </h2>
        <span className="inspector-sub" title={sceneLabel}>
          {sceneLabel} · {formatSeconds(panel.durationMs)}
        </span>
      </div>
      <div className="inspector-frame" style={{ aspectRatio: String(aspectValue(aspect)) }}>
        {panel.imageSha256 ? (
          <img src={thumbnailUrl(panel.imageSha256)} alt={`Panel ${panel.shotNumber}`} data-testid="inspector-image" />
        ) : (
          <button type="button" className="inspector-empty" onClick={chooseImage}>
            <ImageIcon />
            Add image…
          </button>
        )}
      </div>
      <div className="field-grid two">
        <CommitInput label="Duration" testId="field-duration" value={panel.durationMs} format={seconds} parse={parseSeconds} onCommit={(durationMs) => update({ durationMs })} suffix="s" inputMode="decimal" />
        <CommitInput
          label="Lens"
          testId="field-lens"
          value={panel.lensMm}
          format={(v) => (v === null ? '' : String(v))}
          parse={parseLens}
          onCommit={(lensMm) => update({ lensMm })}
          suffix="mm"
          inputMode="decimal"
        />
        <SelectField label="Shot size" testId="field-shot-size" value={panel.shotSize} options={SHOT_SIZES} onCommit={(shotSize) => update({ shotSize })} />
        <SelectField label="Angle" testId="field-angle" value={panel.angle} options={ANGLES} onCommit={(angle) => update({ angle })} />
        <SelectField label="Camera move" testId="field-camera-move" value={panel.cameraMove} options={CAMERA_MOVES} onCommit={(cameraMove) => update({ cameraMove })} />
        <SelectField
          label="Status"
          testId="field-status"
          value={panel.status}
          options={PANEL_STATUSES}
          allowNone={false}
          onCommit={(status) => status && update({ status: status as PanelStatus })}
        />
      </div>
      <div className="field-grid">
        <CommitTextArea label="Action" testId="field-action" value={panel.action} onCommit={(action) => update({ action })} placeholder="What happens in the shot" />
        <CommitTextArea label="Dialogue" testId="field-dialogue" value={panel.dialogue} onCommit={(dialogue) => update({ dialogue })} placeholder="Lines spoken over this panel" />
        <CommitTextArea label="Notes" testId="field-notes" value={panel.notes} onCommit={(notes) => update({ notes })} placeholder="Notes for the crew" />
      </div>
    </div>
  );
}

function ProjectSummary() {
  const board = useBoardStore((s) => s.board);
  if (!board) return null;
  const { project } = board;
  const rows: [string, string][] = [
    ['Aspect ratio', aspectLabel(project.aspectRatio)],
    ['Frame rate', `${project.fps} fps`],
    ['Default duration', formatSeconds(project.defaultDurationMs)],
    ['Scenes', String(board.scenes.length)],
    ['Panels', String(panelCount(board))],
    ['Running time', formatRunningTime(runningTimeMs(board.scenes.flatMap((s) => s.panels)))],
  ];
  return (
    <div className="inspector-content">
      <div className="inspector-header">
        <span className="inspector-kicker">Project</span>
        <h2 className="inspector-title">{project.title}</h2>
        <PathText className="inspector-sub inspector-path" path={project.path} />
      </div>
      <dl className="summary">
        {rows.map(([k, v]) => (
          <div key={k} className="summary-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">Select a panel to see and edit its shot details.</p>
    </div>
  );
}
