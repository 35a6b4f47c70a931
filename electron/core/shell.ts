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
  projectChanged?(info: ProjectInfo | null): void;
}
