import type { Session } from '../../session';
import { compositeQueue } from '../../sketch/composite-queue';
import type { HandlersOf } from './types';

export function historyHandlers(session: Session): HandlersOf<'history.state' | 'history.undo' | 'history.redo'> {
  const project = () => session.requireProject();
  return {
    'history.state': () => project().history(),
    // The call returns once the pictures the undo changed are drawn again (the undo itself is committed first).
    'history.undo': async () => {
      const p = project();
      const state = p.undo();
      await compositeQueue(p).settle();
      return state;
    },
    'history.redo': async () => {
      const p = project();
      const state = p.redo();
      await compositeQueue(p).settle();
      return state;
    },
  };
}
