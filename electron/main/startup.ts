import fs from 'node:fs';
import path from 'node:path';
import type { RecentProject } from '../../shared/domain/app';

export const SAMPLE_NAME = 'Sample.boardwright';

export type StartupPlan = { kind: 'file'; path: string } | { kind: 'sample' };

/**
 * What to open at launch: a project passed on the command line (file association), else the most
 * recent project if it still exists, else the bundled sample (which is what a first run opens).
 */
export function startupPlan(argFile: string | null, recent: RecentProject[], exists: (p: string) => boolean): StartupPlan {
  if (argFile) return { kind: 'file', path: argFile };
  const last = recent[0];
  return last && exists(last.path) ? { kind: 'file', path: last.path } : { kind: 'sample' };
}

/**
 * The project file in a command line, if any (the OS passes it when a .boardwright file is opened).
 * Relative paths resolve against `cwd` (the second instance's working directory).
 */
export function fileFromArgv(argv: readonly string[], cwd: string): string | null {
  const file = [...argv.slice(1)].reverse().find((a) => !a.startsWith('-') && a.toLowerCase().endsWith('.boardwright'));
  return file ? path.resolve(cwd, file) : null;
}

/** Copies the bundled sample into the settings folder once, so the user edits their own copy. */
export function ensureSample(bundled: string, dest: string): string | null {
  if (fs.existsSync(dest)) return dest;
  if (!fs.existsSync(bundled)) return null;
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const temp = `${dest}.${process.pid}.tmp`;
  fs.copyFileSync(bundled, temp);
  fs.renameSync(temp, dest);
  return dest;
}
