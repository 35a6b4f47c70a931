import type { Menu, MenuItem } from './menu-item';
import { boardMenuItems, selectionItems, type BoardMenuState } from './board-menu';
import type { RecentProject } from '../../../shared/domain/app';
import type { HistoryState } from '../../../shared/domain/project';
import { shortcut } from '../util/platform';
import { shortFolder } from '../../../shared/util/short-folder';

/** The web-mode menu bar: the same commands as Electron's native File and Edit menus. */
export function buildMenus(opts: { hasProject: boolean; history: HistoryState; recent: RecentProject[]; home?: string | null; board?: BoardMenuState }): Menu[] {
  const { hasProject, history, recent } = opts;
  const boardState: BoardMenuState = opts.board ?? { board: null, selection: new Set(), focusId: null, sceneId: null };
  const recentItems: MenuItem[] = recent.length
    ? recent.map((r, i) => ({ type: 'command', id: `recent-${i}`, label: r.title, detail: shortFolder(r.path, opts.home ?? null), title: r.path, command: { kind: 'openRecent', path: r.path } }))
    : [{ type: 'command', id: 'recent-none', label: 'No recent projects', disabled: true, command: { kind: 'open' } }];
  return [
    {
      id: 'file',
      label: 'File',
      items: [
        { type: 'command', id: 'new', label: 'New…', command: { kind: 'new' } },
        { type: 'command', id: 'open', label: 'Open…', command: { kind: 'open' } },
        { type: 'submenu', id: 'open-recent', label: 'Open Recent', items: recentItems },
        { type: 'separator' },
        { type: 'command', id: 'save-copy', label: 'Save a Copy As…', disabled: !hasProject, command: { kind: 'saveCopy' } },
        { type: 'command', id: 'project-settings', label: 'Project Settings…', shortcut: shortcut(','), disabled: !hasProject, command: { kind: 'projectSettings' } },
        { type: 'command', id: 'import-script', label: 'Import Script…', disabled: !hasProject, command: { kind: 'importScript' } },
        { type: 'command', id: 'export-pdf', label: 'Export PDF Boards…', shortcut: shortcut('E'), disabled: !hasProject, command: { kind: 'exportPdf' } },
        { type: 'command', id: 'export-shot-list', label: 'Export Shot List…', disabled: !hasProject, command: { kind: 'exportShotList' } },
        { type: 'command', id: 'export-animatic', label: 'Export Animatic (MP4)…', disabled: !hasProject, command: { kind: 'exportAnimatic' } },
        { type: 'command', id: 'export-editorial', label: 'Export Editorial Timeline…', disabled: !hasProject, command: { kind: 'exportEditorial' } },
        { type: 'command', id: 'export-dataset', label: 'Export Decision Dataset…', disabled: !hasProject, command: { kind: 'exportDataset' } },
        { type: 'command', id: 'import-editorial', label: 'Import Editorial Changes…', disabled: !hasProject, command: { kind: 'importEditorial' } },
        { type: 'separator' },
        { type: 'command', id: 'close', label: 'Close', disabled: !hasProject, command: { kind: 'close' } },
      ],
    },
    {
      id: 'edit',
      label: 'Edit',
      items: [
        {
          type: 'command',
          id: 'undo',
          label: history.canUndo && history.undoLabel ? `Undo ${history.undoLabel}` : 'Undo',
          shortcut: shortcut('Z'),
          disabled: !hasProject || !history.canUndo,
          command: { kind: 'undo' },
        },
        {
          type: 'command',
          id: 'redo',
          label: history.canRedo && history.redoLabel ? `Redo ${history.redoLabel}` : 'Redo',
          shortcut: shortcut('Z', { shift: true }),
          disabled: !hasProject || !history.canRedo,
          command: { kind: 'redo' },
        },
        { type: 'separator' },
        ...selectionItems(boardState),
      ],
    },
    { id: 'board', label: 'Board', items: boardMenuItems(boardState) },
  ];
}
