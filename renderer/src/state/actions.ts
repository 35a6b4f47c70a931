import type { AspectRatio } from '../../../shared/domain/project';
import type { PanelPatch } from '../../../shared/domain/board';
import { api } from '../api/client';
import { errorMessage, isApiCallError, isCancelled } from '../api/errors';
import { fileToBase64 } from '../util/base64';
import { baseName, dirName } from '../util/format';
import { findPanel, useBoardStore } from './board-store';
import { useSessionStore } from './session-store';

/** Largest image the core accepts (shared/api/contract MAX_IMAGE_BYTES; not imported to keep zod out of the bundle). */
const MAX_IMAGE_BYTES = 200 * 1024 * 1024;

const boardState = () => useBoardStore.getState();
const session = () => useSessionStore.getState();

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs user operations one after another (pressing N three times adds three panels in order), shows
 * the busy indicator meanwhile, and turns failures into a dismissible message. A cancelled native
 * dialog is not a failure: nothing happens.
 */
function run<T>(failure: string, task: () => Promise<T>): Promise<T | undefined> {
  const next = queue.then(async () => {
    session().begin();
    try {
      return await task();
    } catch (e) {
      if (!isCancelled(e)) await report(failure, e);
      return undefined;
    } finally {
      session().end();
    }
  });
  queue = next.catch(() => undefined);
  return next;
}

async function report(title: string, e: unknown): Promise<void> {
  const code = isApiCallError(e) ? e.code : undefined;
  session().showNotice({ kind: 'error', title, message: errorMessage(e), code });
  if (code === 'NO_PROJECT') await leaveProject().catch(() => undefined);
}

/** Reloads the whole board and the undo state from the core (simple and always right). */
async function refresh(): Promise<void> {
  const [board, history] = await Promise.all([api.call('board.get', {}), api.call('history.state', {})]);
  boardState().setBoard(board, history);
}

async function enterProject(): Promise<void> {
  await refresh();
  session().set({ phase: 'board', dialog: null });
}

async function leaveProject(): Promise<void> {
  boardState().setBoard(null);
  boardState().select(null);
  session().set({ phase: 'start' });
  await loadRecent();
}

async function loadRecent(): Promise<void> {
  session().set({ recent: await api.call('app.recent', {}) });
}

function info(title: string, message: string): void {
  session().showNotice({ kind: 'info', title, message });
}

export const actions = {
  /** At startup: which shell, and is a project already open (e.g. passed on the command line)? */
  start: () =>
    run('Boardwright could not start', async () => {
      const [appInfo, current] = await Promise.all([api.call('app.info', {}), api.call('project.current', {})]);
      session().set({ appInfo });
      if (current) await enterProject();
      else await leaveProject();
    }),

  refreshRecent: () => run('Could not read the recent projects', loadRecent),

  /** Creates a project. Without a path, Electron asks where to save it and web mode uses its projects folder. */
  newProject: (title: string, aspectRatio: AspectRatio) =>
    run('Could not create the project', async () => {
      await api.call('project.new', { title, aspectRatio });
      boardState().select(null);
      await enterProject();
      return true;
    }),

  /** Opens a project; without a path Electron shows its open dialog. */
  openProject: (path?: string) =>
    run('Could not open the project', async () => {
      try {
        await api.call('project.open', path ? { path } : {});
      } catch (e) {
        if (session().phase === 'start') await loadRecent().catch(() => undefined);
        throw e;
      }
      boardState().select(null);
      await enterProject();
      return true;
    }),

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

  addScene: () =>
    run('Could not add a scene', async () => {
      await api.call('scenes.create', {});
      await refresh();
    }),

  /** Adds a panel after the selected one, else at the end of the last scene (creating a scene if there is none). */
  addPanel: () =>
    run('Could not add a panel', async () => {
      const { board, selectedPanelId } = boardState();
      if (!board) return;
      const at = findPanel(board, selectedPanelId);
      let sceneId = at?.scene.id ?? board.scenes.at(-1)?.id;
      if (!sceneId) sceneId = (await api.call('scenes.create', {})).id;
      const panel = await api.call('panels.create', at ? { sceneId, index: at.index + 1 } : { sceneId });
      await refresh();
      boardState().select(panel.id, true);
    }),

  /** Reads an image the user chose and sets it on a panel. A file the core refuses changes nothing. */
  setImage: (panelId: string, file: File) =>
    run('Could not use that file', async () => {
      if (file.size > MAX_IMAGE_BYTES) {
        throw new Error(`${file.name} is ${(file.size / 1048576).toFixed(0)} MB; images up to 200 MB can be added.`);
      }
      const dataBase64 = await fileToBase64(file);
      if (!dataBase64) throw new Error(`${file.name} is empty.`);
      await api.call('panels.setImage', { panelId, fileName: file.name, dataBase64 });
      await refresh();
    }),

  updatePanels: (ids: string[], patch: PanelPatch) =>
    run('Could not change the panel', async () => {
      await api.call('panels.update', { ids, patch });
      await refresh();
    }),

  undo: () =>
    run('Could not undo', async () => {
      if (!boardState().board || !boardState().history.canUndo) return;
      await api.call('history.undo', {});
      await refresh();
    }),

  redo: () =>
    run('Could not redo', async () => {
      if (!boardState().board || !boardState().history.canRedo) return;
      await api.call('history.redo', {});
      await refresh();
    }),
};
