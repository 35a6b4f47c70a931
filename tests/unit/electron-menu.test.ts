import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/bridge';
import { buildMenuTemplate, type MenuState } from '../../electron/main/menu-template';

const recent = [
  { path: '/home/ana/Pilot.boardwright', title: 'Pilot', openedAt: '2026-01-02T00:00:00Z' },
  { path: '/home/ana/R&D.boardwright', title: 'R&D', openedAt: '2026-01-01T00:00:00Z' },
];

function build(over: Partial<MenuState> = {}) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform: 'linux', isDev: false, hasProject: true, recent, send: (c) => sent.push(c), ...over });
  return { template, sent };
}

const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const top = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label?.replace('&', '') === label);
const item = (menu: MenuItemConstructorOptions | undefined, label: string) => items(menu).find((i) => i.label === label);
const click = (i: MenuItemConstructorOptions | undefined) => (i?.click as unknown as () => void)();

describe('native menu template', () => {
  it('File has New, Open, Open Recent, Save a Copy As and Close, and no Save', () => {
    const { template, sent } = build();
    const file = top(template, 'File');
    const labels = items(file).map((i) => i.label).filter(Boolean);
    expect(labels).toEqual(expect.arrayContaining(['New…', 'Open…', 'Open Recent', 'Save a Copy As…', 'Close']));
    expect(labels.some((l) => /^Save(…)?$/.test(l!))).toBe(false);
    expect(item(file, 'New…')?.accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Open…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Save a Copy As…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(item(file, 'Close')?.accelerator).toBe('CmdOrCtrl+W');
    for (const label of ['New…', 'Open…', 'Save a Copy As…', 'Close']) click(item(file, label));
    expect(sent).toEqual([{ kind: 'new' }, { kind: 'open' }, { kind: 'saveCopy' }, { kind: 'close' }]);
  });

  it('Open Recent lists the recent projects and sends openRecent with the path', () => {
    const { template, sent } = build();
    const entries = items(item(top(template, 'File'), 'Open Recent'));
    expect(entries.map((e) => e.label)).toEqual(['Pilot — /home/ana/Pilot.boardwright', 'R&&D — /home/ana/R&&D.boardwright']);
    click(entries[1]);
    expect(sent).toEqual([{ kind: 'openRecent', path: '/home/ana/R&D.boardwright' }]);
    const empty = items(item(top(build({ recent: [] }).template, 'File'), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No Recent Projects', enabled: false }]);
  });

  it('Save a Copy As and Close are disabled without a project', () => {
    const file = top(build({ hasProject: false }).template, 'File');
    expect(item(file, 'Save a Copy As…')?.enabled).toBe(false);
    expect(item(file, 'Close')?.enabled).toBe(false);
    expect(item(file, 'New…')?.enabled).not.toBe(false);
  });

  it('Edit sends undo/redo to the renderer and keeps the clipboard roles', () => {
    const { template, sent } = build();
    const edit = top(template, 'Edit');
    click(item(edit, 'Undo'));
    click(item(edit, 'Redo'));
    expect(sent).toEqual([{ kind: 'undo' }, { kind: 'redo' }]);
    expect(items(edit).map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('View has reload and devtools only in development', () => {
    const roles = (isDev: boolean) => items(top(build({ isDev }).template, 'View')).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has File, Edit, Board, View and Help; macOS adds the app and window menus and moves Quit', () => {
    const linux = build().template;
    expect(linux.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&Board', '&View', '&Help']);
    expect(items(top(linux, 'File')).some((i) => i.role === 'quit')).toBe(true);
    const mac = build({ platform: 'darwin' }).template;
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['appMenu', '&File', '&Edit', '&Board', '&View', 'windowMenu', '&Help']);
    expect(items(top(mac, 'File')).some((i) => i.role === 'quit')).toBe(false);
  });
});

describe('native Board menu', () => {
  it('sends each board item to the renderer, shows the shortcuts without registering them, and is disabled without a project', () => {
    const { template, sent } = build();
    const board = top(template, 'Board');
    const labels = items(board).filter((i) => i.type !== 'separator').map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['New Panel', 'New Scene', 'Split Scene at Panel', 'Merge with Next Scene', 'Renumber All Shots', 'Fit Board']));
    click(item(board, 'New Panel'));
    click(item(board, 'Split Scene at Panel'));
    click(item(top(template, 'Edit'), 'Duplicate'));
    expect(sent).toEqual([{ kind: 'boardMenu', item: 'add-panel' }, { kind: 'boardMenu', item: 'split-scene' }, { kind: 'boardMenu', item: 'duplicate' }]);
    // Single keys must still type into text fields: the renderer handles them, the menu only shows them.
    expect(item(board, 'New Panel')).toMatchObject({ accelerator: 'N', registerAccelerator: false });
    for (const i of items(build({ hasProject: false }).template.find((m) => m.label === '&Board'))) if (i.type !== 'separator') expect(i.enabled).toBe(false);
  });

  it('every native board item is an item of the in-app menu (the renderer runs that one)', async () => {
    const { boardMenuItems, selectionItems } = await import('../../renderer/src/menu/board-menu');
    const { BOARD_MENU_ITEMS } = await import('../../shared/api/bridge');
    const state = { board: null, selection: new Set<string>(), focusId: null, sceneId: null };
    const ids = [...boardMenuItems(state), ...selectionItems(state)].filter((i) => i.type === 'command').map((i) => (i as { id: string }).id);
    for (const id of BOARD_MENU_ITEMS) expect(ids).toContain(id);
  });
});
