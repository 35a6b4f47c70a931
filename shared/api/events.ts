import type { MotionJobView } from '../domain/motion';
import type { ApiError } from './result';
import type { GenerationJob, Variation } from '../domain/generation';

/** Progress of a long-running task (export, generation batch...). `etaMs` is null until it can be estimated. */
export interface TaskInfo {
  taskId: string;
  /** What the user sees, e.g. "Exporting PDF boards". */
  label: string;
  done: number;
  total: number;
  etaMs: number | null;
  state: 'running' | 'finished' | 'failed' | 'cancelled';
}

/**
 * Events the core pushes to the renderer: over Electron IPC (preload `onEvent`) or, in web mode, as
 * Server-Sent Events on GET /events. Each feature adds its own kinds here.
 */
export type AppEvent =
  | { kind: 'task.progress'; task: TaskInfo }
  | { kind: 'task.finished'; task: TaskInfo; result: unknown }
  | { kind: 'task.failed'; task: TaskInfo; error: ApiError }
  /**
   * The document changed outside this renderer's own calls (a background job, another tab, another
   * process): re-read it. `origin` is the client id of the call that changed it, if a client's call did.
   */
  | { kind: 'board.changed'; origin?: string }
  /** A generation job was queued, started, progressed, finished, failed or was cancelled. */
  | { kind: 'job.updated'; job: GenerationJob }
  /** A job stored its variations. */
  | { kind: 'variations.added'; panelId: string; jobId: string; variations: Variation[] }
  /** An image-to-video job was submitted, polled, finished, failed, expired or was cancelled (its clip then arrives as variations.added). */
  | { kind: 'motion.updated'; job: MotionJobView };

/** IPC channel main uses to push events to the renderer. */
export const EVENT_CHANNEL = 'bw:event';
