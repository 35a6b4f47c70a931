import path from 'node:path';
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { Shell } from '../core/index';
import type { ProjectInfo } from '../../shared/domain/project';

const FILTERS: FileFilter[] = [{ name: 'Boardwright Project', extensions: ['boardwright'] }];

/** GTK save dialogs do not always add the extension the filter names. */
export function withExtension(file: string): string {
  return file.toLowerCase().endsWith('.boardwright') ? file : `${file}.boardwright`;
}

/** A title turned into a safe file name. */
export function fileNameFor(title: string): string {
  return `${title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim() || 'Untitled'}.boardwright`;
}

export function windowTitle(info: ProjectInfo | null): string {
  return info ? `${info.title} — Boardwright` : 'Boardwright';
}

export interface ElectronShellDeps {
  window(): BrowserWindow | null;
  /** Folder the New dialog starts in. */
  documentsDir(): string;
  /** Runs after the window title is updated (main rebuilds the menu). */
  changed(info: ProjectInfo | null): void;
}

/** The core's Shell for the desktop app: native file dialogs, and the window title. */
export function createElectronShell(deps: ElectronShellDeps): Shell {
  const save = async (title: string, defaultPath: string): Promise<string | null> => {
    const win = deps.window();
    const options = { title, defaultPath, filters: FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : withExtension(result.filePath);
  };
  return {
    kind: 'electron',
    projectsDir: null,
    chooseNewProjectPath: (title) => save('New Project', path.join(deps.documentsDir(), fileNameFor(title))),
    chooseCopyPath: (currentPath) => {
      const base = path.basename(currentPath, path.extname(currentPath));
      return save('Save a Copy As', path.join(path.dirname(currentPath), `${base} copy.boardwright`));
    },
    chooseProjectToOpen: async () => {
      const win = deps.window();
      const options = { title: 'Open Project', filters: FILTERS, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath: async (request) => {
      const win = deps.window();
      const options = {
        title: request.title,
        defaultPath: path.join(deps.documentsDir(), request.defaultName),
        filters: request.filters,
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    projectChanged: (info) => {
      const win = deps.window();
      if (win && !win.isDestroyed()) win.setTitle(windowTitle(info));
      deps.changed(info);
    },
  };
}
