import type { Session } from '../session';
import { appHandlers } from './handlers/app-handlers';
import { boardHandlers } from './handlers/board-handlers';
import { editHandlers } from './handlers/edit-handlers';
import { historyHandlers } from './handlers/history-handlers';
import { projectHandlers } from './handlers/project-handlers';
import { taskHandlers } from './handlers/task-handlers';
import { generationHandlers } from './handlers/generation-handlers';
import { motionHandlers } from './handlers/motion-handlers';
import { sketchHandlers } from './handlers/sketch-handlers';
import { decisionHandlers } from './handlers/decision-handlers';
import { characterHandlers } from './handlers/character-handlers';
import { animaticHandlers } from './handlers/animatic-handlers';
import { exportHandlers } from './handlers/export-handlers';
import { scriptHandlers } from './handlers/script-handlers';
import { editorialHandlers } from './handlers/editorial-handlers';
import { insightsHandlers } from './handlers/insights-handlers';
import type { Handlers } from './handlers/types';
import { UploadStore } from '../uploads/upload-store';

export type { Handlers } from './handlers/types';

/**
 * The implementation of every contract method, over one session. Inputs arrive already validated.
 * `uploads` holds the bytes the host received on its upload channel (methods take them by id).
 */
export function createHandlers(session: Session, uploads: UploadStore = new UploadStore()): Handlers {
  return {
    ...appHandlers(session),
    ...projectHandlers(session),
    ...boardHandlers(session, uploads),
    ...editHandlers(session, uploads),
    ...sketchHandlers(session),
    ...historyHandlers(session),
    ...taskHandlers(session),
    ...generationHandlers(session),
    ...motionHandlers(session),
    ...decisionHandlers(session),
    ...characterHandlers(session, uploads),
    ...animaticHandlers(session, uploads),
    ...exportHandlers(session),
    ...scriptHandlers(session, uploads),
    ...editorialHandlers(session, uploads),
    ...insightsHandlers(session),
  };
}
