export interface AppInfo {
  /** Which shell the renderer runs in. Web mode has no native dialogs. */
  shell: 'electron' | 'web';
  version: string;
  /** Where "New project" puts files when no dialog is available (web mode). */
  projectsDir: string | null;
  /** The user's home folder, written "~" where paths are shown short (Open Recent). */
  homeDir: string | null;
}

export interface RecentProject {
  path: string;
  title: string;
  openedAt: string;
}
