import type { MethodInput } from '../../../shared/api/contract';
import { api } from '../api/client';
import { useBoardStore } from '../state/board-store';
import { refresh, run } from '../state/run';
import { useSessionStore } from '../state/session-store';

export type ProjectSettingsPatch = MethodInput<'project.update'>;

export const projectSettingsActions = {
  /** File ▸ Project Settings… (Ctrl/⌘+,): only with a project open. */
  open: () => {
    if (useBoardStore.getState().board) useSessionStore.getState().set({ dialog: { kind: 'projectSettings' } });
  },

  /** Applies the settings (and the pictures' fit) as one undoable edit, then shows the board as it is now. */
  save: (patch: ProjectSettingsPatch) =>
    run('Could not change the project settings', async () => {
      await api.call('project.update', patch);
      await refresh();
      return true as const;
    }),
};
