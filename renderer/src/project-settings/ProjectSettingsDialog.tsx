import { useState } from 'react';
import type { PictureFit, ProjectInfo } from '../../../shared/domain/project';
import { Modal } from '../components/Modal';
import { allPanels, pictureSha, useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { AspectSelect } from './AspectSelect';
import { FitChoice } from './FitChoice';
import { FrameRateSelect } from './FrameRateSelect';
import { projectSettingsActions } from './project-settings-actions';
import { durationMsOf, settingsPatch, valuesOf, type SettingsValues } from './settings-values';
import './project-settings.css';

/** File ▸ Project Settings…: the open project's title, aspect ratio, frame rate and default panel duration. */
export function ProjectSettingsDialog() {
  const project = useBoardStore((s) => s.board?.project ?? null);
  if (!project) return null;
  return <SettingsForm project={project} />;
}

function SettingsForm({ project }: { project: ProjectInfo }) {
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(project));
  const [fit, setFit] = useState<PictureFit | null>(null);
  const pictures = useBoardStore((s) => allPanels(s.board).filter((p) => pictureSha(p) !== null).length);
  const close = () => useSessionStore.getState().set({ dialog: null });
  const askFit = values.aspectRatio !== project.aspectRatio && pictures > 0;
  const patch = askFit && !fit ? null : settingsPatch(project, values, fit ?? 'keep');
  const submit = async () => {
    if (!patch) return;
    if (Object.keys(patch).length === 0 || (await projectSettingsActions.save(patch))) close();
  };
  const set = (change: Partial<SettingsValues>) => setValues({ ...values, ...change });
  return (
    <Modal title="Project settings" testId="project-settings" submitLabel="Save" submitDisabled={!patch} onSubmit={() => void submit()} onCancel={close}>
      <div className="field-grid">
        <label className="field">
          <span className="field-label">Title</span>
          <input className="input" data-testid="project-settings-title" value={values.title} maxLength={200} spellCheck={false} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <div className="field-grid two">
          <AspectSelect testId="project-settings-aspect" value={values.aspectRatio} onChange={(aspectRatio) => set({ aspectRatio })} />
          <FrameRateSelect testId="project-settings-fps" value={values.fps} onChange={(fps) => set({ fps })} />
        </div>
        <label className="field">
          <span className="field-label">Default panel duration</span>
          <span className="input-wrap">
            <input
              className="input"
              data-testid="project-settings-duration"
              type="number"
              min={0.1}
              max={3600}
              step={0.1}
              value={values.durationSeconds}
              aria-invalid={durationMsOf(values.durationSeconds) === null}
              onChange={(e) => set({ durationSeconds: e.target.value })}
            />
            <span className="input-suffix">s</span>
          </span>
        </label>
        {askFit && <FitChoice value={fit} count={pictures} onChange={setFit} />}
      </div>
      <p className="hint">New panels get the default duration; panels already on the board keep theirs. Undo restores all of these at once.</p>
    </Modal>
  );
}
