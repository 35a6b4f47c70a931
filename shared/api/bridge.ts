import type { MethodName } from './contract';
import type { ApiResult } from './result';
import type { AppEvent } from './events';
import type { UploadKind, UploadReceipt } from './uploads';

/** Commands the native menu (Electron) or the in-app menu bar (web mode) asks the renderer to carry out. */
export type MenuCommand =
  | { kind: 'new' }
  | { kind: 'open' }
  | { kind: 'openRecent'; path: string }
  | { kind: 'saveCopy' }
  /** File > Project Settings…: the renderer opens the project's settings. */
  | { kind: 'projectSettings' }
  /** File > Export Animatic (MP4)…: the renderer opens the export dialog. */
  | { kind: 'exportAnimatic' }
  /** File > Export PDF Boards… / Export Shot List…: the renderer opens the export dialog. */
  | { kind: 'exportPdf' }
  | { kind: 'exportShotList' }
  /** File > Import Script…: the renderer asks for a screenplay and shows the import preview. */
  | { kind: 'importScript' }
  /** File > Export > Editorial Timeline…: the renderer opens the editorial export dialog. */
  | { kind: 'exportEditorial' }
  /** File > Export Decision Dataset…: the renderer opens the dataset export dialog. */
  | { kind: 'exportDataset' }
  /** File > Import Editorial Changes…: the renderer asks for an edited timeline and previews the conform. */
  | { kind: 'importEditorial' }
  | { kind: 'close' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  /** An item of the Board menu (or a selection item of Edit): the renderer applies it to its current selection. */
  | { kind: 'boardMenu'; item: BoardMenuItemId };

/** Ids of the board menu items, shared by the native menu and the in-app one (renderer/src/menu/board-menu.ts). */
export const BOARD_MENU_ITEMS = [
  'add-panel', 'add-scene', 'open-editor', 'split-scene', 'merge-scenes', 'renumber', 'lock-shot-numbers',
  'zoom-in', 'zoom-out', 'zoom-reset', 'fit', 'duplicate', 'delete', 'select-all',
] as const;
export type BoardMenuItemId = (typeof BOARD_MENU_ITEMS)[number];

/**
 * What Electron's preload puts on `window.boardwright`: one function per contract method (nothing
 * else reaches ipcRenderer), plus subscriptions to menu commands and core events. Web mode has no bridge; the
 * renderer then calls POST /api/<method> on its own origin.
 */
export interface BoardwrightBridge {
  api: { [M in MethodName]: (input: unknown) => Promise<ApiResult<unknown>> };
  /** Sends a file's bytes (structured clone, no base64) to be kept for an API method that takes its upload id. */
  upload(kind: UploadKind, bytes: Uint8Array): Promise<ApiResult<UploadReceipt>>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Events the core pushes (task progress, background changes). */
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** IPC channel main uses to send menu commands to the renderer. */
export const MENU_CHANNEL = 'bw:menu';
