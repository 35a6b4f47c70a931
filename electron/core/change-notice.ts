/**
 * Tells other viewers of a project that it changed, so every open board stays current:
 * - calls made through one session by several clients (web-mode tabs) are compared by the connection's
 *   own change counter, and a call that wrote announces `board.changed` with the caller's id (its own
 *   tab ignores it, the others read the board again);
 * - a project opened read-only beside a writer in another process watches SQLite's data_version, which
 *   moves when another connection commits.
 */
import { changeCount } from './db/change-mark';
import type { EventBus } from './events';
import type { Project } from './project';

/** What announcing changes needs of a session: the open project and where events go. */
interface Announcer {
  readonly project: Project | null;
  readonly events: EventBus;
}

const WATCH_MS = 400;

/** Runs `call`; when it wrote to the open project (or opened another), tells the session's listeners. */
export async function announcingChanges<T>(session: Announcer, origin: string | undefined, call: () => Promise<T>): Promise<T> {
  const before = session.project;
  const count = before ? changeCount(before.db) : 0;
  const result = await call();
  const after = session.project;
  if (after && (after !== before || changeCount(after.db) !== count)) session.events.emit({ kind: 'board.changed', origin });
  return result;
}

/** Watches a read-only project for commits by another process; returns the stop function. */
export function watchForeignCommits(session: Announcer): () => void {
  let last: number | null = null;
  const timer = setInterval(() => {
    const db = session.project?.db;
    if (!db?.open) return;
    try {
      const version = db.pragma('data_version', { simple: true }) as number;
      if (last !== null && version !== last) session.events.emit({ kind: 'board.changed' });
      last = version;
    } catch {
      // A busy or closing file: the next tick looks again.
    }
  }, WATCH_MS);
  timer.unref();
  return () => clearInterval(timer);
}
