import { useState } from 'react';
import { actions } from '../state/actions';
import { useSessionStore } from '../state/session-store';
import { Modal } from './Modal';
import { DEFAULT_NEW_PROJECT, NewProjectFields } from './NewProjectFields';

/** File ▸ New… while a project is open. */
export function NewProjectDialog() {
  const [values, setValues] = useState(DEFAULT_NEW_PROJECT);
  const close = () => useSessionStore.getState().set({ dialog: null });
  const projectsDir = useSessionStore((s) => (s.appInfo?.shell === 'web' ? s.appInfo.projectsDir : null));
  const submit = async () => {
    if (await actions.newProject(values.title.trim(), values.aspectRatio, values.fps)) close();
  };
  return (
    <Modal title="New project" testId="new-dialog" submitLabel="Create project" submitDisabled={!values.title.trim()} onSubmit={submit} onCancel={close}>
      <NewProjectFields values={values} onChange={setValues} />
      {projectsDir && <p className="hint">Saved in {projectsDir}</p>}
    </Modal>
  );
}
