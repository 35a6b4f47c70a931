import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../errors';
import type { Session } from '../../session';
import { updateProject } from '../../commands/project-commands';
import type { HandlersOf } from './types';

/** Picks a free file name for a new project in the web-mode projects folder. */
function freeProjectPath(dir: string, title: string): string {
  const base = title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim() || 'Untitled';
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? `${base}.boardwright` : `${base} ${n}.boardwright`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

type ProjectMethod = 'project.new' | 'project.open' | 'project.saveCopyAs' | 'project.close' | 'project.current' | 'project.update';

export function projectHandlers(session: Session): HandlersOf<ProjectMethod> {
  const shell = session.shell;
  return {
    'project.new': async ({ title, path: file, aspectRatio, fps }) => {
      let target = file ?? (await shell.chooseNewProjectPath(title));
      if (!target && shell.projectsDir) {
        fs.mkdirSync(shell.projectsDir, { recursive: true });
        target = freeProjectPath(shell.projectsDir, title);
      }
      if (!target) throw new CoreError('CANCELLED', 'No file was chosen.');
      return session.create(target, { title, aspectRatio, fps });
    },
    'project.open': async ({ path: file, readOnly }) => {
      const target = file ?? (await shell.chooseProjectToOpen());
      if (target) return session.open(target, { readOnly });
      if (shell.kind === 'web') throw new CoreError('UNSUPPORTED', 'Web mode has no file dialog: open a project from the recent list or pass its path.');
      throw new CoreError('CANCELLED', 'No file was chosen.');
    },
    'project.saveCopyAs': async ({ path: file }) => {
      const target = file ?? (await shell.chooseCopyPath(session.requireProject().path));
      return target ? { path: await session.saveCopy(target) } : null;
    },
    'project.close': () => {
      session.close();
      return null;
    },
    'project.current': () => session.project?.info() ?? null,
    'project.update': (patch) => {
      const info = updateProject(session.requireProject(), patch);
      shell.projectChanged?.(info);
      return info;
    },
  };
}
