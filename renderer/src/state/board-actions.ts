import type { PanelPatch, ScenePatch } from '../../../shared/domain/board';
import { api } from '../api/client';
import { allPanels, findPanel, selectedPanels, useBoardStore } from './board-store';
import { moveLocally, moveSceneLocally } from './local-edits';
import { refresh, run } from './run';
import { noticeRenumbered } from './renumber-notice';

const boardState = () => useBoardStore.getState();

/** The selected panel ids in reading order. */
function selectionInOrder(): string[] {
  const { board, selection } = boardState();
  return selectedPanels(board, selection).map((p) => p.id);
}

/** Panel edits from the board, the toolbar, the context menu and the keyboard. Each is one undo step. */
export const boardActions = {
  /** Adds a panel after the focused one, else at the end of the last scene (creating a scene if there is none). */
  addPanel: () =>
    run('Could not add a panel', async () => {
      const { board, selectedPanelId, selectedSceneId } = boardState();
      if (!board) return;
      const at = findPanel(board, selectedPanelId);
      let sceneId = at?.scene.id ?? selectedSceneId ?? board.scenes.at(-1)?.id;
      if (!sceneId) sceneId = (await api.call('scenes.create', {})).id;
      const panel = await api.call('panels.create', at ? { sceneId, index: at.index + 1 } : { sceneId });
      await refresh();
      boardState().select(panel.id, true);
    }),

  /** A new empty panel at a place on the board (the context menu's "Insert panel before/after"). */
  insertPanel: (sceneId: string, index: number) =>
    run('Could not add a panel', async () => {
      const panel = await api.call('panels.create', { sceneId, index });
      await refresh();
      boardState().select(panel.id, true);
    }),

  updatePanels: (ids: string[], patch: PanelPatch) =>
    run(ids.length > 1 ? 'Could not change the panels' : 'Could not change the panel', async () => {
      await api.call('panels.update', { ids, patch });
      await refresh();
    }),

  /** Copies the selected panels, each right after its original, and selects the copies. */
  duplicateSelection: () =>
    run('Could not duplicate', async () => {
      const ids = selectionInOrder();
      if (ids.length === 0) return;
      const copies = await api.call('panels.duplicate', { ids });
      await refresh();
      const last = copies.at(-1)?.id ?? null;
      boardState().setSelection(copies.map((p) => p.id), last, copies[0]?.id ?? null, true);
    }),

  /** Deletes the selected panels; the panel after them (or before) is selected next. */
  deleteSelection: () =>
    run('Could not delete', async () => {
      const { board } = boardState();
      const ids = selectionInOrder();
      if (ids.length === 0) return;
      const order = allPanels(board).map((p) => p.id);
      const gone = new Set(ids);
      const lastIndex = order.indexOf(ids[ids.length - 1]);
      const next = order.slice(lastIndex + 1).find((id) => !gone.has(id)) ?? order.slice(0, order.indexOf(ids[0])).reverse().find((id) => !gone.has(id)) ?? null;
      await api.call('panels.delete', { ids });
      await refresh();
      boardState().select(next);
    }),

  /**
   * Moves panels to `index` of a scene's panel list as it is now (the dragged ones included); the
   * board shows the result at once and then reloads from the core.
   */
  movePanels: (ids: string[], sceneId: string, slotIndex: number) =>
    run('Could not move', async () => {
      const { board } = boardState();
      if (!board || ids.length === 0) return;
      const scene = board.scenes.find((s) => s.id === sceneId);
      if (!scene) return;
      const moving = new Set(ids);
      const index = scene.panels.slice(0, slotIndex).filter((p) => !moving.has(p.id)).length;
      const local = moveLocally(board, ids, sceneId, index);
      if (!local) return; // dropped where they already are
      boardState().setBoard(local);
      await api.call('panels.move', { ids, sceneId, index });
      await refresh();
    }),

  /** Moves a scene so that it lands before the scene now at `slotIndex` (or at the end). */
  moveScene: (sceneId: string, slotIndex: number) =>
    run('Could not move the scene', async () => {
      const { board } = boardState();
      if (!board) return;
      const from = board.scenes.findIndex((s) => s.id === sceneId);
      if (from < 0) return;
      const index = slotIndex > from ? slotIndex - 1 : slotIndex;
      if (index === from) return;
      boardState().setBoard(moveSceneLocally(board, sceneId, index));
      await api.call('scenes.move', { id: sceneId, index });
      await refresh();
    }),

  updateScene: (id: string, patch: ScenePatch) =>
    run('Could not change the scene', async () => {
      await api.call('scenes.update', { id, patch });
      await refresh();
    }),

  deleteScene: (id: string) =>
    run('Could not delete the scene', async () => {
      const number = (boardState().board?.scenes.findIndex((s) => s.id === id) ?? -1) + 1;
      const result = await api.call('scenes.delete', { id });
      await refresh();
      boardState().selectScene(null);
      noticeRenumbered(`Scene ${number} deleted`, result);
    }),

  /** Locks shot numbers (a board handed to the crew) or lets them follow the board again. */
  toggleShotLock: () =>
    run('Could not change the shot-number lock', async () => {
      const locked = !boardState().board?.project.shotNumbersLocked;
      await api.call('project.setShotNumbersLocked', { locked });
      await refresh();
    }),

  /** Adds a scene after the given one (or at the end) and selects it. */
  addScene: (afterSceneId?: string) =>
    run('Could not add a scene', async () => {
      const { board } = boardState();
      const at = afterSceneId ? (board?.scenes.findIndex((s) => s.id === afterSceneId) ?? -1) : -1;
      const scene = await api.call('scenes.create', at >= 0 ? { index: at + 1 } : {});
      await refresh();
      boardState().selectScene(scene.id);
    }),

  /** Starts a new scene at a panel: it and the panels after it move there. */
  splitScene: (panelId: string) =>
    run('Could not split the scene', async () => {
      const scene = await api.call('scenes.split', { panelId });
      await refresh();
      boardState().select(panelId, true);
      return scene;
    }),

  /** Appends the next scene's panels to this one. */
  mergeWithNext: (sceneId: string) =>
    run('Could not merge the scenes', async () => {
      const { board } = boardState();
      const i = board?.scenes.findIndex((s) => s.id === sceneId) ?? -1;
      const next = i >= 0 ? board?.scenes[i + 1] : undefined;
      if (!next) throw new Error('This is the last scene: there is no scene after it to merge.');
      await api.call('scenes.merge', { ids: [sceneId, next.id] });
      await refresh();
      boardState().selectScene(sceneId);
    }),

  /** Makes shot numbers automatic again (manual overrides dropped) in some scenes, or everywhere. */
  renumber: (sceneIds?: string[]) =>
    run('Could not renumber', async () => {
      await api.call('panels.renumber', sceneIds ? { sceneIds } : {});
      await refresh();
    }),
};
