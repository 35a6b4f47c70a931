import { z } from 'zod';
import type { TaskInfo } from '../events';
import { id, method, noInput } from '../schemas';

export const taskMethods = {
  /** Tasks still running (the renderer re-syncs its progress bars after a reload). */
  'tasks.list': method<TaskInfo[]>()(noInput),
  /** Asks a running task to stop; it then fails with CANCELLED and leaves nothing half-written. */
  'tasks.cancel': method<boolean>()(z.object({ taskId: id }).strict()),
} as const;
