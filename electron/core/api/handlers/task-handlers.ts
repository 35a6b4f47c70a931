import type { Session } from '../../session';
import type { HandlersOf } from './types';

export function taskHandlers(session: Session): HandlersOf<'tasks.list' | 'tasks.cancel'> {
  return {
    'tasks.list': () => session.tasks.list(),
    'tasks.cancel': ({ taskId }) => session.tasks.cancel(taskId),
  };
}
