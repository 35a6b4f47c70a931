/** What menus are made of: items that run a command, submenus and separators (web menu bar and context menus). */
import type { MenuCommand } from '../../../shared/api/bridge';
import type { BoardCommand } from './board-commands';

/** Anything a menu item can run: the app's menu commands and the board's own. */
export type AppCommand = MenuCommand | BoardCommand;

export type MenuItem =
  | { type: 'separator' }
  | { type: 'command'; id: string; label: string; shortcut?: string; disabled?: boolean; command: AppCommand; title?: string; detail?: string }
  | { type: 'submenu'; id: string; label: string; disabled?: boolean; items: MenuItem[] };

export interface Menu {
  id: string;
  label: string;
  items: MenuItem[];
}
