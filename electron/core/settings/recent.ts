import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../../shared/domain/app';

const MAX_RECENT = 10;

/** The Open Recent list, kept in the app's settings folder (never inside a project). */
export class RecentList {
  private readonly file: string;

  constructor(settingsDir: string) {
    this.file = path.join(settingsDir, 'recent.json');
  }

  list(): RecentProject[] {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as RecentProject[];
      return Array.isArray(parsed) ? parsed.filter((r) => typeof r?.path === 'string') : [];
    } catch {
      return [];
    }
  }

  add(entry: Omit<RecentProject, 'openedAt'>): void {
    const next = [{ ...entry, openedAt: new Date().toISOString() }, ...this.list().filter((r) => r.path !== entry.path)];
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(next.slice(0, MAX_RECENT), null, 2));
      fs.renameSync(temp, this.file);
    } catch {
      // The recent list is a convenience; failing to write it must never fail opening a project.
    }
  }
}
