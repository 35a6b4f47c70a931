import { useState } from 'react';
import { actions } from '../state/actions';
import { useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { dirName } from '../util/format';
import { Modal } from './Modal';

const EXTENSION = '.boardwright';

function initialPath(kind: 'open' | 'saveCopy'): string {
  const project = useBoardStore.getState().board?.project;
  const folder = project ? dirName(project.path) : (useSessionStore.getState().appInfo?.projectsDir ?? '');
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  if (kind === 'saveCopy' && project) return `${folder}${sep}${project.title.replace(/[\\/:*?"<>|]/g, '')} copy${EXTENSION}`;
  return folder ? `${folder}${sep}` : '';
}

/** Web mode has no file dialogs: Open… and Save a Copy As… ask for a path here. */
export function PathDialog({ kind }: { kind: 'open' | 'saveCopy' }) {
  const [path, setPath] = useState(() => initialPath(kind));
  const close = () => useSessionStore.getState().set({ dialog: null });
  const trimmed = path.trim();
  const valid = trimmed.toLowerCase().endsWith(EXTENSION) && trimmed.length > EXTENSION.length;
  const submit = async () => {
    const done = kind === 'open' ? await actions.openProject(trimmed) : await actions.saveCopy(trimmed);
    if (done) close();
  };
  return (
    <Modal
      title={kind === 'open' ? 'Open project' : 'Save a copy'}
      testId="path-dialog"
      submitLabel={kind === 'open' ? 'Open' : 'Save copy'}
      submitDisabled={!valid}
      onSubmit={submit}
      onCancel={close}
    >
      <label className="field">
        <span className="field-label">{kind === 'open' ? 'Project file' : 'Save the copy as'}</span>
        <input className="input input-mono" data-testid="path-input" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
      </label>
      <p className="hint">
        {kind === 'open'
          ? 'The full path of a .boardwright file on this computer.'
          : 'A full path ending in .boardwright. You keep working on the original.'}
      </p>
      {!valid && trimmed !== '' && (
        <p className="hint hint-warning" data-testid="path-hint">
          {trimmed.toLowerCase().endsWith(EXTENSION) ? 'Add the file name before .boardwright.' : `A project file name ends in ${EXTENSION}.`}
        </p>
      )}
    </Modal>
  );
}
