import os from 'node:os';
import path from 'node:path';

/**
 * Where the app keeps its own settings (recent list) and, in web mode, new projects.
 * BOARDWRIGHT_HOME moves both (tests use a temporary folder).
 */
export function appDirs(): { settingsDir: string; projectsDir: string } {
  const home = process.env.BOARDWRIGHT_HOME;
  if (home) return { settingsDir: path.join(home, 'settings'), projectsDir: path.join(home, 'projects') };
  const config = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return { settingsDir: path.join(config, 'boardwright'), projectsDir: path.join(os.homedir(), 'Boardwright') };
}
