import type { Board } from '../../../shared/domain/board';
import type { HistoryState } from '../../../shared/domain/project';
import { api } from '../api/client';
import { errorMessage, isApiCallError, isCancelled } from '../api/errors';
import { prefetchThumbnails } from '../board/thumbnails';
import { allPanels, pictureSha, useBoardStore } from './board-store';
import { useSessionStore, type Notice } from './session-store';
import { useViewStore } from './view-store';
import { useScriptStore } from '../script/script-store';
import { useTimelineStore } from '../timeline/timeline-store';

const boardState = () => useBoardStore.getState();
const session = () => useSessionStore.getState();

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs user operations one after another (pressing N three times adds three panels in order), shows
 * the busy indicator meanwhile, and turns failures into a dismissible message. A cancelled native
 * dialog is not a failure: nothing happens.
 */
export function run<T>(failure: string, task: () => Promise<T>, action?: (e: unknown) => Notice['action']): Promise<T | undefined> {
  const next = queue.then(async () => {
    session().begin();
    try {
      return await task();
    } catch (e) {
      if (!isCancelled(e)) await report(failure, e, action?.(e));
      return undefined;
    } finally {
      session().end();
    }
  });
  queue = next.catch(() => undefined);
  return next;
}

async function report(title: string, e: unknown, action?: Notice['action']): Promise<void> {
  const code = isApiCallError(e) ? e.code : undefined;
  session().showNotice({ kind: 'error', title, message: errorMessage(e), code, action });
  if (code === 'NO_PROJECT') await leaveProject().catch(() => undefined);
}

/** Reloads the whole board and the undo state from the core (simple and always right). */
export async function refresh(): Promise<void> {
  const [board, history] = await Promise.all([api.call('board.get', {}), api.call('history.state', {})]);
  boardState().setBoard(board, history);
  // The script pane reads its links again when shown (an undo may have taken the import back).
  useScriptStore.getState().set({ view: undefined });
}

/** Panels whose thumbnails are fetched as soon as the board arrives: about a screenful of cards. */
const PREFETCH = 32;

/** Shows the open project's board: fetched now, or as already fetched (at startup, alongside project.current). */
export async function enterProject(preloaded?: { board: Board; history: HistoryState }): Promise<void> {
  const before = boardState().board?.project.path;
  if (preloaded) boardState().setBoard(preloaded.board, preloaded.history);
  else await refresh();
  if (boardState().board?.project.path !== before) resetPlayback();
  prefetchThumbnails(allPanels(boardState().board).slice(0, PREFETCH).map(pictureSha));
  // A failed attempt's message (a wrong path, a file open elsewhere) is answered by this success.
  if (session().notice?.kind === 'error') session().dismissNotice();
  session().set({ phase: 'board', dialog: null });
}

export async function leaveProject(): Promise<void> {
  useScriptStore.getState().set({ view: undefined, preview: null });
  resetPlayback();
  boardState().setBoard(null);
  boardState().select(null);
  useViewStore.getState().openEditor(null);
  session().set({ phase: 'start' });
  await loadRecent();
}

export async function loadRecent(): Promise<void> {
  session().set({ recent: await api.call('app.recent', {}) });
}

/** Undoes the last edit (the Edit menu's Undo, and the Undo a notice offers). */
export function undoLast(): Promise<void> {
  return run('Could not undo', async () => {
    if (!boardState().board || !boardState().history.canUndo) return;
    await api.call('history.undo', {});
    await refresh();
  });
}

export function info(title: string, message: string): void {
  session().showNotice({ kind: 'info', title, message });
}

/** Another project starts at its own beginning, with no loop range carried over. */
function resetPlayback(): void {
  useTimelineStore.setState({ frame: 0, range: null, loop: false });
}
