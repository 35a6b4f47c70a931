import type { MenuItemConstructorOptions } from 'electron';
import type { BoardMenuItemId, MenuCommand } from '../../shared/api/bridge';
import type { RecentProject } from '../../shared/domain/app';

export interface MenuState {
  platform: NodeJS.Platform;
  /** Unpackaged run: adds Reload and Toggle Developer Tools. */
  isDev: boolean;
  hasProject: boolean;
  /** Recent projects that still exist, newest first. */
  recent: RecentProject[];
  /** Hands a command to the renderer, which calls the API (main's Shell shows any dialog). */
  send(command: MenuCommand): void;
}

/** Menu labels treat "&" as a mnemonic marker on Windows and Linux. */
const literal = (label: string): string => label.replace(/&/g, '&&');

function recentItems(state: MenuState): MenuItemConstructorOptions[] {
  if (state.recent.length === 0) return [{ label: 'No Recent Projects', enabled: false }];
  return state.recent.map((r) => ({
    label: literal(`${r.title} — ${r.path}`),
    click: () => state.send({ kind: 'openRecent', path: r.path }),
  }));
}

/** The native menu as a plain template, so it can be tested without Electron. There is no Save: edits save as they happen. */
export function buildMenuTemplate(state: MenuState): MenuItemConstructorOptions[] {
  const mac = state.platform === 'darwin';
  const send = (command: MenuCommand) => () => state.send(command);
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New…', accelerator: 'CmdOrCtrl+N', click: send({ kind: 'new' }) },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send({ kind: 'open' }) },
      { label: 'Open Recent', submenu: recentItems(state) },
      { type: 'separator' },
      { label: 'Save a Copy As…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.hasProject, click: send({ kind: 'saveCopy' }) },
      { label: 'Project Settings…', accelerator: 'CmdOrCtrl+,', enabled: state.hasProject, click: send({ kind: 'projectSettings' }) },
      { label: 'Export PDF Boards…', accelerator: 'CmdOrCtrl+E', enabled: state.hasProject, click: send({ kind: 'exportPdf' }) },
      { label: 'Import Script…', enabled: state.hasProject, click: send({ kind: 'importScript' }) },
      { label: 'Export Shot List…', enabled: state.hasProject, click: send({ kind: 'exportShotList' }) },
      { label: 'Export Animatic (MP4)…', enabled: state.hasProject, click: send({ kind: 'exportAnimatic' }) },
      { label: 'Export Editorial Timeline…', enabled: state.hasProject, click: send({ kind: 'exportEditorial' }) },
      { label: 'Export Decision Dataset…', enabled: state.hasProject, click: send({ kind: 'exportDataset' }) },
      { label: 'Import Editorial Changes…', enabled: state.hasProject, click: send({ kind: 'importEditorial' }) },
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', enabled: state.hasProject, click: send({ kind: 'close' }) },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      // Sent to the renderer rather than given the undo/redo roles: it decides between text-field and project history.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send({ kind: 'undo' }) },
      { label: 'Redo', accelerator: state.platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z', click: send({ kind: 'redo' }) },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  // Board items act on the renderer's selection, so the renderer decides what each one does (and
  // ignores one that does not apply). Their keys are the renderer's own shortcuts: shown here, not
  // registered, so N or Delete still type into a text field.
  const boardItem = (label: string, item: BoardMenuItemId, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    enabled: state.hasProject,
    click: send({ kind: 'boardMenu', item }),
  });
  (edit.submenu as MenuItemConstructorOptions[]).push(
    { type: 'separator' },
    boardItem('Duplicate', 'duplicate', 'CmdOrCtrl+D'),
    boardItem('Delete', 'delete', 'Delete'),
    boardItem('Select All Panels', 'select-all'),
  );
  const board: MenuItemConstructorOptions = {
    label: '&Board',
    submenu: [
      boardItem('New Panel', 'add-panel', 'N'),
      boardItem('New Scene', 'add-scene'),
      boardItem('Open in Panel Editor', 'open-editor', 'Enter'),
      { type: 'separator' },
      boardItem('Split Scene at Panel', 'split-scene'),
      boardItem('Merge with Next Scene', 'merge-scenes'),
      boardItem('Renumber All Shots', 'renumber'),
      boardItem('Lock or Unlock Shot Numbers', 'lock-shot-numbers'),
      { type: 'separator' },
      boardItem('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
      boardItem('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
      boardItem('Actual Size', 'zoom-reset', 'CmdOrCtrl+0'),
      boardItem('Fit Board', 'fit', 'Shift+1'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(state.isDev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = { label: '&Help', role: 'help', submenu: [{ role: 'about', label: 'About Boardwright' }] };
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    board,
    view,
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
}
