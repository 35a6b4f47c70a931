import fs from 'node:fs';
import os from 'node:os';
import type { Session } from '../../session';
import { APP_VERSION } from '../../version';
import type { HandlersOf } from './types';

export function appHandlers(session: Session): HandlersOf<'app.info' | 'app.recent'> {
  return {
    'app.info': () => ({ shell: session.shell.kind, version: APP_VERSION, projectsDir: session.shell.projectsDir, homeDir: os.homedir() || null }),
    'app.recent': () => session.recent.list().filter((r) => fs.existsSync(r.path)),
  };
}
