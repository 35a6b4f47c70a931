/**
 * One writer per project file. A writer (an app window, web mode, a CLI edit) holds a lock file beside
 * the project, `NAME.boardwright-lock`, naming its process; a second writer is refused at once with that
 * name, and may open the project read-only instead. SQLite would let two processes write the same file,
 * but each keeps its own undo history, so undo in one would revert the other's edit.
 *
 * A lock whose process is gone (killed, crashed) is stale and taken over. A process is recognised by
 * its pid and, where the OS tells it (Linux), its start time, so a reused pid does not keep a lock alive.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { CoreError } from '../errors';

export interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux), or null where the OS does not say. */
  started: number | null;
  /** Tells this lock from any other taken by the same process. */
  token: string;
}

export const lockFileOf = (file: string): string => `${file}-lock`;

/** Locks held by this process, by project path: a second window in the same process is refused too. */
const held = new Map<string, ProjectLock>();
let exitHookInstalled = false;

export class ProjectLock {
  private released = false;

  private constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {}

  /** Takes the lock on `file` (an absolute path) or throws FILE_IN_USE naming the process that has it. */
  static acquire(file: string): ProjectLock {
    const already = held.get(file);
    if (already) throw inUse(file, already.owner, true);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: processStart(process.pid), token: randomBytes(8).toString('hex') };
    for (let attempt = 0; attempt < 5; attempt++) {
      if (tryCreate(lockFileOf(file), owner)) {
        const lock = new ProjectLock(file, owner);
        held.set(file, lock);
        installExitHook();
        return lock;
      }
      const current = readOwner(lockFileOf(file));
      if (current && isAlive(current)) throw inUse(file, current, false);
      removeStale(lockFileOf(file), current);
    }
    throw new CoreError('FILE_IN_USE', `${path.basename(file)} is being opened by another Boardwright process. Try again in a moment.`);
  }

  /** Removes the lock file, if it is still ours. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.file);
    const current = readOwner(lockFileOf(this.file));
    if (current?.token === this.owner.token) fs.rmSync(lockFileOf(this.file), { force: true });
  }
}

/** The live process holding `file`'s lock, if any (another process, or this one). */
export function lockHolder(file: string): LockOwner | null {
  const mine = held.get(file);
  if (mine) return mine.owner;
  const current = readOwner(lockFileOf(file));
  return current && isAlive(current) ? current : null;
}

/** Throws FILE_IN_USE when a live Boardwright process holds `file`. */
export function refuseIfLocked(file: string): void {
  const holder = lockHolder(file);
  if (holder) throw inUse(file, holder, holder.pid === process.pid && holder.host === os.hostname());
}

function inUse(file: string, owner: LockOwner, sameProcess: boolean): CoreError {
  const name = path.basename(file);
  if (sameProcess) return new CoreError('FILE_IN_USE', `${name} is already open in this Boardwright process (pid ${owner.pid}).`);
  const where = owner.host === os.hostname() ? '' : ` on ${owner.host}`;
  return new CoreError('FILE_IN_USE', `${name} is open in another Boardwright process (pid ${owner.pid}${where}). Close it there, or open it read-only.`);
}

/**
 * Writes the owner to a temporary file and links it into place: the lock file appears complete or not
 * at all, and the link fails if a lock is already there. Where hard links are not supported, an
 * exclusive create does the same with a very short window in which the file is empty.
 */
function tryCreate(lockFile: string, owner: LockOwner): boolean {
  const body = JSON.stringify({ app: 'Boardwright', ...owner });
  const temp = `${lockFile}.${process.pid}.${owner.token}`;
  try {
    fs.writeFileSync(temp, body, { flag: 'wx' });
    try {
      fs.linkSync(temp, lockFile);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      fs.writeFileSync(lockFile, body, { flag: 'wx' });
      return true;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    if ((e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EROFS' || (e as NodeJS.ErrnoException).code === 'EPERM') {
      throw new CoreError('READ_ONLY', `${path.basename(lockFile.slice(0, -5))} is in a folder Boardwright cannot write to. Open it read-only, or copy it elsewhere.`);
    }
    throw e;
  }
}

function readOwner(lockFile: string): LockOwner | null {
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch {
    return null;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string' || typeof o.token !== 'string') return unreadable();
    return { pid: o.pid, host: o.host, started: typeof o.started === 'number' ? o.started : null, token: o.token };
  } catch {
    return unreadable();
  }
}

/** A lock file that is not ours to read (truncated by a crash, or written by hand): stale. */
const unreadable = (): LockOwner => ({ pid: -1, host: os.hostname(), started: null, token: '' });

/** A lock from another computer (a shared folder) cannot be checked, so it counts as held. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.pid <= 0) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

/** Moves a stale lock aside, unless another process replaced it in the meantime. */
function removeStale(lockFile: string, stale: LockOwner | null): void {
  const aside = `${lockFile}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return; // Gone already: the next attempt creates it.
  }
  const moved = readOwner(aside);
  if (stale && moved && moved.token !== stale.token) {
    // Another process took the lock between our read and the rename: give it back.
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // A third process holds it now; ours to retry.
    }
  }
  fs.rmSync(aside, { force: true });
}

/** Field 22 of /proc/PID/stat: when the process started, in clock ticks after boot. */
function processStart(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lock of [...held.values()]) lock.release();
  });
}
