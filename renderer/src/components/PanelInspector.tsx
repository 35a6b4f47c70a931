import type { Panel, PanelPatch, PanelStatus } from '../../../shared/domain/board';
import { ANGLES, CAMERA_MOVES, PANEL_STATUSES, SHOT_SIZES, TRANSITIONS, TRANSITION_LABELS } from '../../../shared/domain/board-constants';
import { aspectValue } from '../../../shared/domain/project';
import { previewUrl } from '../board/previews';
import { thumbnailUrl } from '../board/thumbnails';
import { actions } from '../state/actions';
import { pictureSha, runningTimeMs, useBoardStore } from '../state/board-store';
import { useViewStore } from '../state/view-store';
import { formatRunningTime, formatSeconds } from '../util/format';
import { ImageIcon, PenIcon } from './Icons';
import { chooseImage } from './ImageInput';
import { CommitInput, CommitTextArea, SelectField } from './InspectorFields';
import { parseLens, parseSeconds, parseShotNumber, parseTags, seconds, shared } from './inspector-values';
import { useSessionStore } from '../state/session-store';
import { duplicateShot } from '../state/duplicate-shot';
import { PanelLastDecision } from '../generation/PanelLastDecision';
import { ClipInspector } from '../motion/ClipInspector';

const STRIP = 8;

/** Shot data of the selected panel(s). With several selected, each field shows their common value or "Mixed", and an edit applies to all. */
export function PanelInspector({ panels, sceneLabel }: { panels: Panel[]; sceneLabel: string }) {
  const aspect = useBoardStore((s) => s.board?.project.aspectRatio ?? '16:9');
  const locked = useBoardStore((s) => s.board?.project.shotNumbersLocked ?? false);
  const ids = panels.map((p) => p.id);
  const many = panels.length > 1;
  const one = panels[0];
  const update = (patch: PanelPatch) => void actions.updatePanels(ids, patch);
  const f = <T,>(get: (p: Panel) => T) => shared(panels, get);
  const duration = f((p) => p.durationMs);
  const lens = f((p) => p.lensMm);
  const shotSize = f((p) => p.shotSize);
  const angle = f((p) => p.angle);
  const move = f((p) => p.cameraMove);
  const transition = f((p) => p.transition);
  const status = f((p) => p.status);
  const tags = f((p) => p.tags);
  const text = (key: 'action' | 'dialogue' | 'sound' | 'notes') => f((p) => p[key]);
  const frameStyle = { aspectRatio: String(aspectValue(aspect)) };
  const sha = pictureSha(one);

  return (
    <div className="inspector-content" key={ids.join()}>
      <div className="inspector-header">
        <span className="inspector-kicker">{many ? `${panels.length} panels` : 'Panel'}</span>
        <h2 className="inspector-title" data-testid="inspector-shot">
          {many ? `${one.shotNumber} – ${panels[panels.length - 1].shotNumber}` : one.shotNumber}
        </h2>
        <span className="inspector-sub" title={sceneLabel}>
          {sceneLabel} · {many ? formatRunningTime(runningTimeMs(panels)) : formatSeconds(one.durationMs)}
        </span>
      </div>
      {many ? (
        <div className="inspector-strip" data-testid="inspector-strip">
          {panels.slice(0, STRIP).map((p) => {
            const s = pictureSha(p);
            return (
              <div key={p.id} className="strip-frame" style={frameStyle} title={p.shotNumber}>
                {s ? <img src={thumbnailUrl(s)} alt={`Panel ${p.shotNumber}`} /> : <span>{p.shotNumber}</span>}
              </div>
            );
          })}
          {panels.length > STRIP && <div className="strip-more">+{panels.length - STRIP}</div>}
        </div>
      ) : (
        <div className="inspector-frame" style={frameStyle}>
          {sha ? (
            <button type="button" className="inspector-picture" title="Open in the panel editor (Enter)" onClick={() => useViewStore.getState().openEditor(one.id)}>
              {/* Wider than a thumbnail: the thumbnail shows at once, the preview when it has loaded. */}
              <img src={previewUrl(sha, 512)} alt={`Panel ${one.shotNumber}`} data-testid="inspector-image" style={{ backgroundImage: `url(${thumbnailUrl(sha)})` }} />
            </button>
          ) : (
            <button type="button" className="inspector-empty" onClick={chooseImage}>
              <ImageIcon />
              Add image…
            </button>
          )}
        </div>
      )}
      {!many && one.clip && <ClipInspector panelId={one.id} clip={one.clip} />}
      {!many && (
        <button type="button" className="button button-small inspector-sketch" data-testid="open-editor" onClick={() => useViewStore.getState().openEditor(one.id)}>
          <PenIcon />
          Sketch in panel editor
          <kbd className="kbd">Enter</kbd>
        </button>
      )}
      <div className="field-grid two">
        {!many && (
          <CommitInput
            label="Shot number"
            testId="field-shot-number"
            value={one.shotNumberOverride}
            format={(v) => v ?? ''}
            parse={parseShotNumber}
            onCommit={(shotNumberOverride) => {
              const taken = duplicateShot(useBoardStore.getState().board, one.id, shotNumberOverride);
              update({ shotNumberOverride });
              if (taken) {
                useSessionStore.getState().showNotice({
                  kind: 'error',
                  title: 'Duplicate shot number',
                  message: `${taken.shot} is also a panel in ${taken.scene}: the crew would see it twice. Give one of them another number.`,
                });
              }
            }}
            placeholder={one.shotNumberOverride ? 'Automatic' : `${one.shotNumber} (${locked ? 'locked' : 'auto'})`}
          />
        )}
        <CommitInput label="Duration" testId="field-duration" {...duration} format={seconds} parse={parseSeconds} onCommit={(durationMs) => update({ durationMs })} suffix="s" inputMode="decimal" />
        <CommitInput label="Lens" testId="field-lens" {...lens} format={(v) => (v === null ? '' : String(v))} parse={parseLens} onCommit={(lensMm) => update({ lensMm })} suffix="mm" inputMode="decimal" />
        <SelectField label="Shot size" testId="field-shot-size" {...shotSize} options={SHOT_SIZES} onCommit={(v) => update({ shotSize: v })} />
        <SelectField label="Angle" testId="field-angle" {...angle} options={ANGLES} onCommit={(v) => update({ angle: v })} />
        <SelectField label="Camera move" testId="field-camera-move" {...move} options={CAMERA_MOVES} onCommit={(v) => update({ cameraMove: v })} />
        <SelectField label="Transition" testId="field-transition" {...transition} options={TRANSITIONS} labels={TRANSITION_LABELS} onCommit={(v) => update({ transition: v })} />
        <SelectField label="Status" testId="field-status" {...status} options={PANEL_STATUSES} allowNone={false} onCommit={(v) => v && update({ status: v as PanelStatus })} />
      </div>
      {!many && <PanelLastDecision panelId={one.id} />}
      <div className="field-grid">
        <CommitInput label="Tags" testId="field-tags" {...tags} format={(v) => v.join(', ')} parse={parseTags} onCommit={(t) => update({ tags: t })} placeholder="night, rain, VFX" />
        <CommitTextArea label="Action" testId="field-action" {...text('action')} onCommit={(action) => update({ action })} placeholder="What happens in the shot" />
        <CommitTextArea label="Dialogue" testId="field-dialogue" {...text('dialogue')} onCommit={(dialogue) => update({ dialogue })} placeholder="Lines spoken over this panel" />
        <CommitTextArea label="Sound" testId="field-sound" {...text('sound')} onCommit={(sound) => update({ sound })} placeholder="Effects, music, ambience" />
        <CommitTextArea label="Notes" testId="field-notes" {...text('notes')} onCommit={(notes) => update({ notes })} placeholder="Notes for the crew" />
      </div>
    </div>
  );
}
