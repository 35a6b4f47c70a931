import type { Session } from '../../session';
import type { HandlersOf } from './types';

export function historyHandlers(session: Session): HandlersOf<'history.state' | 'history.undo' | 'history.redo'> {
  const project = () => session.requireProject();
  return {
    'history.state': () => project().history(),
    'history.undo': () => project().undo(),
    'history.redo': () => project().redo(),
  };
}
