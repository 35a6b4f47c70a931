import type { AspectRatio } from '../../../shared/domain/project';
import { api } from '../api/client';
import { isApiCallError } from '../api/errors';
import { startupCalls } from '../boot/startup-calls';
import { baseName, dirName } from '../util/format';
import { useBoardStore } from './board-store';
import { boardActions } from './board-actions';
import { mediaActions } from './media-actions';
import { enterProject, info, leaveProject, loadRecent, refresh, run, undoLast } from './run';
import { useSessionStore } from './session-store';

const boardState = () => useBoardStore.getState();
const session = () => useSessionStore.getState();

export const actions = {
  ...boardActions,
  ...mediaActions,

  /** At startup: which shell, and is a project already open (e.g. passed on the command line)? */
  start: () =>
    run('Boardwright could not start', async () => {
      // The board is asked for at once too (a project is usually open): no round trip lost on the way in.
      const calls = startupCalls();
      const [appInfo, current, board, history] = await Promise.all([calls.appInfo, calls.current, calls.board, calls.history]);
      session().set({ appInfo });
      if (current) await enterProject(board && history ? { board, history } : undefined);
      else await leaveProject();
    }),

  refreshRecent: () => run('Could not read the recent projects', loadRecent),

  /** Creates a project. Without a path, Electron asks where to save it and web mode uses its projects folder. */
  newProject: (title: string, aspectRatio: AspectRatio, fps?: number) =>
    run('Could not create the project', async () => {
      const created = await api.call('project.new', { title, aspectRatio, ...(fps ? { fps } : {}) });
      boardState().select(null);
      await enterProject();
      // Web mode names the file after the title; a name already taken gets a number, and the user is told.
      const file = baseName(created.path);
      const plain = `${title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim()}.boardwright`;
      if (api.shell === 'web' && file !== plain) info('Project created', `A project called ${plain} is already in ${dirName(created.path) || '/'}, so this one is saved as ${file}.`);
      return true;
    }),

  /**
   * Opens a project; without a path Electron shows its open dialog. A project another Boardwright
   * process is editing can be opened read-only from the error message.
   */
  openProject: (path?: string, readOnly = false): Promise<true | undefined> =>
    run(
      'Could not open the project',
      async () => {
        try {
          await api.call('project.open', { ...(path ? { path } : {}), ...(readOnly ? { readOnly } : {}) });
        } catch (e) {
          if (session().phase === 'start') await loadRecent().catch(() => undefined);
          throw e;
        }
        boardState().select(null);
        await enterProject();
        return true as const;
      },
      (e) => (path && !readOnly && isApiCallError(e) && e.code === 'FILE_IN_USE' ? { label: 'Open Read-Only', run: () => void actions.openProject(path, true) } : undefined),
    ),

  saveCopy: (path?: string) =>
    run('Could not save a copy', async () => {
      const result = await api.call('project.saveCopyAs', path ? { path } : {});
      if (result) info('Copy saved', `${baseName(result.path)} was saved in ${dirName(result.path) || '/'}. You are still working on the original.`);
      return result;
    }),

  closeProject: () =>
    run('Could not close the project', async () => {
      await api.call('project.close', {});
      await leaveProject();
    }),

  undo: undoLast,

  redo: () =>
    run('Could not redo', async () => {
      if (!boardState().board || !boardState().history.canRedo) return;
      await api.call('history.redo', {});
      await refresh();
    }),
};
