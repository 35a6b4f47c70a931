import type { ProjectInfo } from '../../shared/domain/project';

/**
 * What the host (Electron main or the web server) provides to the core: file dialogs and a hook for
 * the window title. Web mode has no dialogs: it answers with paths in its projects folder, or null.
 */
export interface Shell {
  kind: 'electron' | 'web';
  /** Folder for new projects when no dialog is shown (web mode); null in Electron. */
  projectsDir: string | null;
  chooseNewProjectPath(title: string): Promise<string | null>;
  chooseProjectToOpen(): Promise<string | null>;
  chooseCopyPath(currentPath: string): Promise<string | null>;
  /**
   * Where to write an export (PDF, CSV, MP4...). Electron shows a save dialog; web mode returns null,
   * and the renderer then asks the user for a path and passes it in the call instead.
   */
  chooseSavePath(request: SavePathRequest): Promise<string | null>;
  projectChanged?(info: ProjectInfo | null): void;
}

export interface SavePathRequest {
  /** Dialog title, e.g. "Export PDF Boards". */
  title: string;
  /** Suggested file name, e.g. "The Night Kitchen - boards.pdf". */
  defaultName: string;
  /** e.g. [{ name: 'PDF', extensions: ['pdf'] }] */
  filters: { name: string; extensions: string[] }[];
}
