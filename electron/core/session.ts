import fs from 'node:fs';
import path from 'node:path';
import type { ProjectInfo } from '../../shared/domain/project';
import { CoreError, classifyStorageError } from './errors';
import { Project, type NewProjectOptions } from './project';
import { clearStaleSidecars } from './db/sidecars';
import { refuseIfLocked } from './db/project-lock';
import { checkTargetPath } from './files/target-path';
import { quickCheck } from './db/quick-check';
import { RecentList } from './settings/recent';
import type { Shell } from './shell';
import { EventBus } from './events';
import { watchForeignCommits } from './change-notice';
import { TaskRunner } from './tasks/task-runner';

/** The project a window (or the web server) has open, plus the app-level recent list. */
export class Session {
  private current: Project | null = null;
  /** Stops watching a read-only project for another process's commits. */
  private stopWatching: (() => void) | null = null;
  readonly recent: RecentList;
  readonly events = new EventBus();
  readonly tasks = new TaskRunner(this.events);
  private readonly opened: ((project: Project) => void)[] = [];
  private readonly closed: (() => void)[] = [];

  constructor(
    readonly shell: Shell,
    settingsDir: string,
  ) {
    this.recent = new RecentList(settingsDir);
  }

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new CoreError('NO_PROJECT', 'No project is open. Create or open one first.');
    return this.current;
  }

  create(file: string, opts: NewProjectOptions): ProjectInfo {
    const project = Project.create(file, opts);
    return this.adopt(project);
  }

  open(file: string, opts: { readOnly?: boolean } = {}): ProjectInfo {
    const project = Project.open(file, opts);
    return this.adopt(project);
  }

  /** Writes a consistent copy (SQLite online backup) to `dest`; the open project stays the same. */
  async saveCopy(dest: string): Promise<string> {
    const project = this.requireProject();
    const abs = checkTargetPath(dest);
    if (abs === project.path) throw new CoreError('BAD_INPUT', 'Choose a different file for the copy.');
    const temp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.copy`);
    // Refuses a target another Boardwright process has open; removes what a former file left there.
    refuseIfLocked(abs);
    clearStaleSidecars(abs);
    clearStaleSidecars(temp);
    try {
      await project.db.backup(temp);
      quickCheck(temp, path.basename(abs));
      fs.renameSync(temp, abs);
    } catch (e) {
      for (const f of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(f, { force: true });
      throw classifyStorageError(e, path.basename(abs));
    }
    return abs;
  }

  /** Runs `fn` each time a project becomes the open one (e.g. to resume its background jobs). */
  onProjectOpened(fn: (project: Project) => void): void {
    this.opened.push(fn);
  }

  onProjectClosed(fn: () => void): void {
    this.closed.push(fn);
  }

  close(): void {
    for (const fn of this.closed) fn();
    this.stopWatching?.();
    this.stopWatching = null;
    this.current?.close();
    this.current = null;
    this.shell.projectChanged?.(null);
  }

  private adopt(project: Project): ProjectInfo {
    this.stopWatching?.();
    this.stopWatching = project.readOnly ? watchForeignCommits(this) : null;
    this.current?.close();
    this.current = project;
    const info = project.info();
    this.recent.add({ path: info.path, title: info.title });
    this.shell.projectChanged?.(info);
    for (const fn of this.opened) {
      try {
        fn(project);
      } catch {
        // A listener's failure (a read-only file, say) does not stop the project from opening.
      }
    }
    return info;
  }
}
