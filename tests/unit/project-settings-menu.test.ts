import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/bridge';
import { buildMenuTemplate } from '../../electron/main/menu-template';
import { buildMenus } from '../../renderer/src/menu/menu-model';

const history = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

function nativeItem(hasProject: boolean) {
  const sent: MenuCommand[] = [];
  const template = buildMenuTemplate({ platform: 'linux', isDev: false, hasProject, recent: [], send: (c) => sent.push(c) });
  const file = template.find((m) => m.label === '&File')?.submenu as MenuItemConstructorOptions[];
  return { item: file.find((i) => i.label === 'Project Settings…'), sent };
}

describe('File > Project Settings…', () => {
  it('the native menu has it on Ctrl/Cmd+, with a project open, and sends projectSettings', () => {
    const { item, sent } = nativeItem(true);
    expect(item).toMatchObject({ accelerator: 'CmdOrCtrl+,', enabled: true });
    (item?.click as unknown as () => void)();
    expect(sent).toEqual([{ kind: 'projectSettings' }]);
    expect(nativeItem(false).item?.enabled).toBe(false);
  });

  it('the web menu bar has the same command, off without a project', () => {
    const find = (hasProject: boolean) => buildMenus({ hasProject, history, recent: [] })[0].items.find((i) => i.type === 'command' && i.id === 'project-settings');
    expect(find(true)).toMatchObject({ label: 'Project Settings…', disabled: false, command: { kind: 'projectSettings' } });
    expect(find(false)).toMatchObject({ disabled: true });
  });
});
