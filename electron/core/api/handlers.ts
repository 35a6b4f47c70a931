import type { Session } from '../session';
import { appHandlers } from './handlers/app-handlers';
import { boardHandlers } from './handlers/board-handlers';
import { editHandlers } from './handlers/edit-handlers';
import { historyHandlers } from './handlers/history-handlers';
import { projectHandlers } from './handlers/project-handlers';
import { taskHandlers } from './handlers/task-handlers';
import { generationHandlers } from './handlers/generation-handlers';
import { decisionHandlers } from './handlers/decision-handlers';
import { characterHandlers } from './handlers/character-handlers';
import { animaticHandlers } from './handlers/animatic-handlers';
import { exportHandlers } from './handlers/export-handlers';
import type { Handlers } from './handlers/types';

export type { Handlers } from './handlers/types';

/** The implementation of every contract method, over one session. Inputs arrive already validated. */
export function createHandlers(session: Session): Handlers {
  return {
    ...appHandlers(session),
    ...projectHandlers(session),
    ...boardHandlers(session),
    ...editHandlers(session),
    ...historyHandlers(session),
    ...taskHandlers(session),
    ...generationHandlers(session),
    ...decisionHandlers(session),
    ...characterHandlers(session),
    ...animaticHandlers(session),
    ...exportHandlers(session),
  };
}
