import { fitBoard, zoomBy, zoomTo } from '../board/board-view';
import { chooseImage } from '../components/ImageInput';
import { actions } from '../state/actions';
import { useBoardStore } from '../state/board-store';
import { selectAll } from '../state/selection';
import { useViewStore } from '../state/view-store';

/**
 * Board commands of the in-app menus (menu bar, context menu) and the toolbar. Renderer-only: the
 * native Electron menu sends shared MenuCommands, and these keys work through the keyboard there.
 */
export type BoardCommand =
  | { kind: 'addPanel' }
  | { kind: 'insertPanel'; sceneId: string; index: number }
  | { kind: 'duplicate' }
  | { kind: 'delete' }
  | { kind: 'openEditor'; panelId: string }
  | { kind: 'chooseImage' }
  | { kind: 'splitScene'; panelId: string }
  | { kind: 'mergeWithNext'; sceneId: string }
  | { kind: 'renumber'; sceneIds?: string[] }
  | { kind: 'toggleShotLock' }
  | { kind: 'addScene'; afterSceneId?: string }
  | { kind: 'deleteScene'; sceneId: string }
  | { kind: 'editScene'; sceneId: string }
  | { kind: 'selectAll' }
  | { kind: 'zoomIn' }
  | { kind: 'zoomOut' }
  | { kind: 'zoomReset' }
  | { kind: 'fit' };

export const BOARD_COMMAND_KINDS: ReadonlySet<string> = new Set([
  'addPanel', 'insertPanel', 'duplicate', 'delete', 'openEditor', 'chooseImage', 'splitScene', 'mergeWithNext',
  'renumber', 'toggleShotLock', 'addScene', 'deleteScene', 'editScene', 'selectAll', 'zoomIn', 'zoomOut', 'zoomReset', 'fit',
]);

export function isBoardCommand(c: { kind: string }): c is BoardCommand {
  return BOARD_COMMAND_KINDS.has(c.kind);
}

export function runBoardCommand(c: BoardCommand): void {
  useViewStore.getState().openContextMenu(null);
  switch (c.kind) {
    case 'addPanel': return void actions.addPanel();
    case 'insertPanel': return void actions.insertPanel(c.sceneId, c.index);
    case 'duplicate': return void actions.duplicateSelection();
    case 'delete': return void actions.deleteSelection();
    case 'openEditor': return useViewStore.getState().openEditor(c.panelId);
    case 'chooseImage': return chooseImage();
    case 'splitScene': return void actions.splitScene(c.panelId);
    case 'mergeWithNext': return void actions.mergeWithNext(c.sceneId);
    case 'renumber': return void actions.renumber(c.sceneIds);
    case 'toggleShotLock': return void actions.toggleShotLock();
    case 'addScene': return void actions.addScene(c.afterSceneId);
    case 'deleteScene': return void actions.deleteScene(c.sceneId);
    case 'editScene':
      useBoardStore.getState().selectScene(c.sceneId);
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('[data-testid="scene-heading"]')?.focus());
      return;
    case 'selectAll': return selectAll();
    case 'zoomIn': return zoomBy(1.25);
    case 'zoomOut': return zoomBy(0.8);
    case 'zoomReset': return zoomTo(1);
    case 'fit': return fitBoard();
  }
}
