import { api } from '../api/client';
import { actions } from '../state/actions';
import { useBoardStore } from '../state/board-store';
import { useSessionStore } from '../state/session-store';
import { isTextEntry } from '../util/platform';
import { isBoardCommand, runBoardCommand } from './board-commands';
import type { AppCommand } from './menu-item';
import { boardMenuItems, selectionItems } from './board-menu';
import { openAnimaticExport } from '../timeline/timeline-store';
import { openExport } from '../export/export-store';
import { scriptActions } from '../script/script-actions';
import { openEditorialExport } from '../editorial/editorial-store';
import { editorialActions } from '../editorial/editorial-actions';
import { projectSettingsActions } from '../project-settings/project-settings-actions';
import { openDatasetExport } from '../dataset/dataset-store';

/** Anything a menu item can do: the shared menu commands (also sent by Electron's native menu) and board commands. */
export type { AppCommand } from './menu-item';

/**
 * The one handler for menu commands, whether they come from Electron's native menu or the in-app menu
 * bar of web mode. Electron shows native file dialogs (the calls omit `path`); web mode asks for a path.
 */
export function runMenuCommand(command: AppCommand): void {
  if (isBoardCommand(command)) {
    if (useBoardStore.getState().board) runBoardCommand(command);
    return;
  }
  const session = useSessionStore.getState();
  const hasProject = useBoardStore.getState().board !== null;
  const electron = api.shell === 'electron';
  switch (command.kind) {
    case 'new':
      if (session.phase === 'start') document.querySelector<HTMLInputElement>('[data-testid="new-title"]')?.focus();
      else session.set({ dialog: { kind: 'new' } });
      return;
    case 'open':
      if (electron) void actions.openProject();
      else session.set({ dialog: { kind: 'open' } });
      return;
    case 'openRecent':
      void actions.openProject(command.path);
      return;
    case 'saveCopy':
      if (!hasProject) return;
      if (electron) void actions.saveCopy();
      else session.set({ dialog: { kind: 'saveCopy' } });
      return;
    case 'projectSettings':
      projectSettingsActions.open();
      return;
    case 'close':
      if (hasProject) void actions.closeProject();
      return;
    case 'exportPdf':
      if (hasProject) openExport('boards');
      return;
    case 'exportShotList':
      if (hasProject) openExport('shotList');
      return;
    case 'exportAnimatic':
      if (hasProject) openAnimaticExport();
      return;
    case 'importScript':
      if (hasProject) scriptActions.chooseFile();
      return;
    case 'exportEditorial':
      if (hasProject) openEditorialExport();
      return;
    case 'exportDataset':
      if (hasProject) openDatasetExport();
      return;
    case 'importEditorial':
      if (hasProject) editorialActions.chooseTimeline();
      return;
    case 'boardMenu':
      runBoardMenuItem(command.item);
      return;
    case 'undo':
    case 'redo':
      // Electron's menu accelerator catches Ctrl+Z even while typing: then it belongs to the text field.
      if (isEditingText()) document.execCommand(command.kind);
      else void (command.kind === 'undo' ? actions.undo() : actions.redo());
      return;
  }
}

/** A Board menu item from the native menu: the same item the in-app menu shows, for the current selection. */
function runBoardMenuItem(id: string): void {
  const b = useBoardStore.getState();
  const state = { board: b.board, selection: b.selection, focusId: b.selectedPanelId, sceneId: b.selectedSceneId };
  const item = [...boardMenuItems(state), ...selectionItems(state)].find((i) => i.type === 'command' && i.id === id);
  if (item?.type === 'command' && !item.disabled && !isEditingText()) runMenuCommand(item.command);
}

function isEditingText(): boolean {
  return isTextEntry(document.activeElement);
}
