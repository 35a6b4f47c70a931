import type { Session } from '../session';
import type { Project } from '../project';
import { compositeQueue } from './composite-queue';

const watched = new WeakSet<Session>();

/**
 * For a session (the app, web mode): each project it opens draws the composites an interrupted session
 * left stale, in the background, and every composite drawn outside a call (after an undo, say) tells
 * the boards to reload.
 */
export function watchComposites(session: Session): void {
  if (watched.has(session)) return;
  watched.add(session);
  let stop: (() => void) | null = null;
  const start = (project: Project) => {
    stop?.();
    const queue = compositeQueue(project);
    stop = queue.onWritten(() => session.events.emit({ kind: 'board.changed' }));
    void queue.settle();
  };
  session.onProjectOpened(start);
  session.onProjectClosed(() => {
    stop?.();
    stop = null;
  });
  if (session.project) start(session.project);
}
