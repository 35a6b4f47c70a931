import fs from 'node:fs';
import path from 'node:path';
import type { MethodName, MethodResult, ParsedInput } from '../../../shared/api/contract';
import { CoreError } from '../errors';
import type { Session } from '../session';
import { setPanelImage } from '../commands/image-commands';
import { createPanel, deletePanels, movePanels, updatePanels } from '../commands/panel-commands';
import { updateProject } from '../commands/project-commands';
import { createScene, deleteScene, moveScene, updateScene } from '../commands/scene-commands';
import { APP_VERSION } from '../version';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodResult<M>> | MethodResult<M>;
};

/** Picks a free file name for a new project in the web-mode projects folder. */
function freeProjectPath(dir: string, title: string): string {
  const base = title.replace(/[\\/:*?"<>|\x00-\x1f]/g, '').trim() || 'Untitled';
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? `${base}.boardwright` : `${base} ${n}.boardwright`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** The implementation of every contract method, over one session. Inputs arrive already validated. */
export function createHandlers(session: Session): Handlers {
  const project = () => session.requireProject();
  const shell = session.shell;
  return {
    'app.info': () => ({ shell: shell.kind, version: APP_VERSION, projectsDir: shell.projectsDir }),
    'app.recent': () => session.recent.list().filter((r) => fs.existsSync(r.path)),

    'project.new': async ({ title, path: file, aspectRatio, fps }) => {
      let target = file ?? (await shell.chooseNewProjectPath(title));
      if (!target && shell.projectsDir) {
        fs.mkdirSync(shell.projectsDir, { recursive: true });
        target = freeProjectPath(shell.projectsDir, title);
      }
      if (!target) throw new CoreError('CANCELLED', 'No file was chosen.');
      return session.create(target, { title, aspectRatio, fps });
    },
    'project.open': async ({ path: file }) => {
      const target = file ?? (await shell.chooseProjectToOpen());
      if (!target) throw new CoreError(shell.kind === 'web' ? 'UNSUPPORTED' : 'CANCELLED', shell.kind === 'web' ? 'Web mode has no file dialog: open a project from the recent list or pass its path.' : 'No file was chosen.');
      return session.open(target);
    },
    'project.saveCopyAs': async ({ path: file }) => {
      const target = file ?? (await shell.chooseCopyPath(project().path));
      if (!target) return null;
      return { path: await session.saveCopy(target) };
    },
    'project.close': () => {
      session.close();
      return null;
    },
    'project.current': () => session.project?.info() ?? null,
    'project.update': (patch) => {
      const info = updateProject(project(), patch);
      shell.projectChanged?.(info);
      return info;
    },

    'board.get': () => project().board(),

    'scenes.create': (input) => createScene(project(), input),
    'scenes.update': ({ id, patch }) => updateScene(project(), id, patch),
    'scenes.delete': ({ id }) => {
      deleteScene(project(), id);
      return null;
    },
    'scenes.move': ({ id, index }) => {
      moveScene(project(), id, index);
      return null;
    },

    'panels.create': (input) => createPanel(project(), input),
    'panels.update': ({ ids, patch }) => updatePanels(project(), ids, patch),
    'panels.delete': ({ ids }) => {
      deletePanels(project(), ids);
      return null;
    },
    'panels.move': ({ ids, sceneId, index }) => {
      movePanels(project(), ids, sceneId, index);
      return null;
    },
    'panels.setImage': ({ panelId, fileName, dataBase64 }) =>
      setPanelImage(project(), panelId, Buffer.from(dataBase64, 'base64'), fileName || null),

    'history.state': () => project().history(),
    'history.undo': () => project().undo(),
    'history.redo': () => project().redo(),
  };
}
