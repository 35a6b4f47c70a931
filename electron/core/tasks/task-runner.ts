import { randomUUID } from 'node:crypto';
import type { TaskInfo } from '../../../shared/api/events';
import { CoreError, isCoreError } from '../errors';
import type { EventBus } from '../events';

export interface TaskContext {
  /** Reports progress; cheap to call often (events are throttled to ~10 per second). */
  progress(done: number, total: number): void;
  /** Aborted when the user cancels. Check it between steps, or pass it to I/O. */
  signal: AbortSignal;
}

interface Running {
  info: TaskInfo;
  controller: AbortController;
  startedAt: number;
  lastEmit: number;
  promise: Promise<unknown>;
}

const EMIT_INTERVAL_MS = 100;

/** Runs long operations off the request path, reports progress with a time-left estimate, and cancels. */
export class TaskRunner {
  private readonly running = new Map<string, Running>();

  constructor(private readonly events: EventBus) {}

  /** Starts `run` and returns at once; the outcome arrives as task.finished / task.failed events. */
  start<T>(label: string, run: (ctx: TaskContext) => Promise<T>): { taskId: string; done: Promise<T> } {
    const taskId = randomUUID();
    const controller = new AbortController();
    const task: Running = {
      info: { taskId, label, done: 0, total: 0, etaMs: null, state: 'running' },
      controller,
      startedAt: Date.now(),
      lastEmit: 0,
      promise: Promise.resolve(),
    };
    const ctx: TaskContext = {
      signal: controller.signal,
      progress: (done, total) => {
        const elapsed = Date.now() - task.startedAt;
        task.info = { ...task.info, done, total, etaMs: done > 0 && total > done ? Math.round((elapsed / done) * (total - done)) : done >= total ? 0 : null };
        const now = Date.now();
        if (now - task.lastEmit >= EMIT_INTERVAL_MS || done >= total) {
          task.lastEmit = now;
          this.events.emit({ kind: 'task.progress', task: task.info });
        }
      },
    };
    this.running.set(taskId, task);
    const done = (async () => {
      try {
        const result = await run(ctx);
        if (controller.signal.aborted) throw new CoreError('CANCELLED', `${label} was cancelled.`);
        task.info = { ...task.info, state: 'finished', etaMs: 0 };
        this.events.emit({ kind: 'task.finished', task: task.info, result });
        return result;
      } catch (e) {
        const err = controller.signal.aborted ? new CoreError('CANCELLED', `${label} was cancelled.`) : isCoreError(e) ? e : new CoreError('INTERNAL', (e as Error)?.message ?? String(e));
        task.info = { ...task.info, state: err.code === 'CANCELLED' ? 'cancelled' : 'failed' };
        this.events.emit({ kind: 'task.failed', task: task.info, error: { code: err.code, message: err.message } });
        throw err;
      } finally {
        this.running.delete(taskId);
      }
    })();
    // The caller may not await `done` (the renderer learns the outcome from events): never leave it unhandled.
    done.catch(() => {});
    task.promise = done;
    return { taskId, done };
  }

  cancel(taskId: string): boolean {
    const task = this.running.get(taskId);
    if (!task) return false;
    task.controller.abort();
    return true;
  }

  list(): TaskInfo[] {
    return [...this.running.values()].map((t) => t.info);
  }
}
