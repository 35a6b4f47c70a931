import { useSessionStore } from '../state/session-store';
import { NewProjectDialog } from './NewProjectDialog';
import { PathDialog } from './PathDialog';
import { ProjectSettingsDialog } from '../project-settings/ProjectSettingsDialog';

/** Whichever dialog is open. */
export function Dialogs() {
  const dialog = useSessionStore((s) => s.dialog);
  if (!dialog) return null;
  if (dialog.kind === 'new') return <NewProjectDialog />;
  if (dialog.kind === 'projectSettings') return <ProjectSettingsDialog />;
  return <PathDialog key={dialog.kind} kind={dialog.kind} />;
}
