import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Env = Record<string, string | undefined>;

/** The cache stays under this size; the least recently used pictures go first. */
const BUDGET_BYTES = 1024 * 1024 * 1024;
/** Copies held for writing after the export, at most: beyond it they are written at once. */
const HELD_BYTES = 128 * 1024 * 1024;

/** Cache fills still being written after their exports returned (see settlePrintCaches). */
const settling = new Set<Promise<void>>();

/** Resolves when every print cache has written the copies its export kept for later (tests, a CLI about to exit). */
export async function settlePrintCaches(): Promise<void> {
  while (settling.size) await Promise.all([...settling]);
}

/**
 * Where derived pictures are cached (`kind`: print-size copies for exports, display-size previews for
 * the board): BOARDWRIGHT_CACHE_DIR, else under BOARDWRIGHT_HOME (tests), else the platform's cache
 * folder. Only derived pictures live there, never a project's data: deleting the folder costs nothing
 * but the speed of the next export or zoomed-in view.
 */
export function defaultPrintCacheDir(env: Env = process.env, platform = process.platform, kind: 'print' | 'preview' = 'print'): string {
  if (env.BOARDWRIGHT_CACHE_DIR) return path.join(env.BOARDWRIGHT_CACHE_DIR, kind);
  if (env.BOARDWRIGHT_HOME) return path.join(env.BOARDWRIGHT_HOME, 'cache', kind);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'Boardwright', kind);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'Boardwright', 'Cache', kind);
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'boardwright', kind);
}

/**
 * Print-size JPEGs on disk, by the picture's SHA-256, size and quality: content-addressed, so an entry
 * is never stale. The first export of a board downscales each picture once; every later export and
 * preview of it reads the small copy instead of decoding the original. Every failure (a read-only or
 * full disk) only means no caching: the export goes on.
 */
export class PrintCache {
  private written = 0;
  /** Copies made during an export, written when it is done (see keep). */
  private readonly held = new Map<string, Buffer>();
  private heldBytes = 0;
  /** Folders already made: a recursive mkdir per picture costs a stat of every parent. */
  private readonly folders = new Set<string>();

  constructor(private readonly dir: string | null = defaultPrintCacheDir()) {}

  static disabled(): PrintCache {
    return new PrintCache(null);
  }

  private file(key: string): string | null {
    return this.dir && /^[0-9a-f]{64}@\d+q\d+$/.test(key) ? path.join(this.dir, key.slice(0, 2), `${key}.jpg`) : null;
  }

  read(key: string): Buffer | null {
    const file = this.file(key);
    if (!file) return null;
    try {
      const data = fs.readFileSync(file);
      // Marks it recently used, for pruning.
      const now = new Date();
      fs.utimesSync(file, now, now);
      return data;
    } catch {
      return null;
    }
  }

  write(key: string, data: Buffer): void {
    const file = this.file(key);
    if (!file) return;
    const temp = `${file}.${process.pid}.tmp`;
    try {
      const folder = path.dirname(file);
      if (!this.folders.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        this.folders.add(folder);
      }
      fs.writeFileSync(temp, data);
      fs.renameSync(temp, file);
      this.written += data.length;
    } catch {
      fs.rmSync(temp, { force: true });
    }
  }

  /**
   * Keeps a copy to write once the export is done (flushLater): creating a file costs the file
   * system a journal entry and, under writeback, far more than its bytes (0.05 to 1 ms each, 2,000
   * per board), on the same two cores the export is using. Past HELD_BYTES copies are written at once.
   */
  keep(key: string, data: Buffer): void {
    if (!this.file(key) || this.held.has(key)) return;
    if (this.heldBytes + data.length > HELD_BYTES) return this.write(key, data);
    this.held.set(key, data);
    this.heldBytes += data.length;
  }

  /**
   * Writes the kept copies in the background, then prunes; settlePrintCaches waits for it. One copy
   * per turn of the event loop (each well under a millisecond), so the app answers meanwhile.
   */
  flushLater(): Promise<void> {
    const entries = [...this.held];
    this.held.clear();
    this.heldBytes = 0;
    const done = (async () => {
      for (const [key, data] of entries) {
        await new Promise((next) => setImmediate(next));
        this.write(key, data);
      }
      this.prune();
    })();
    settling.add(done);
    void done.finally(() => settling.delete(done));
    return done;
  }

  /** After an export that added pictures: drops the least recently used beyond the budget. */
  prune(budget = BUDGET_BYTES): void {
    if (!this.dir || this.written === 0) return;
    this.written = 0;
    try {
      const entries: { file: string; size: number; used: number }[] = [];
      for (const sub of fs.readdirSync(this.dir)) {
        const folder = path.join(this.dir, sub);
        for (const name of fs.readdirSync(folder)) {
          const file = path.join(folder, name);
          const st = fs.statSync(file);
          entries.push({ file, size: st.size, used: st.mtimeMs });
        }
      }
      let total = entries.reduce((n, e) => n + e.size, 0);
      for (const e of entries.sort((a, b) => a.used - b.used)) {
        if (total <= budget) break;
        fs.rmSync(e.file, { force: true });
        total -= e.size;
      }
    } catch {
      // A cache that cannot be listed is left as it is.
    }
  }
}
