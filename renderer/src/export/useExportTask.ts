import { useEffect, useRef, useState } from 'react';
import type { AppEvent, TaskInfo } from '../../../shared/api/events';
import type { ExportSummary } from '../../../shared/domain/export';
import { api } from '../api/client';

export type TaskView<R = ExportSummary> =
  | { kind: 'idle' }
  | { kind: 'running'; taskId: string; path: string; task: TaskInfo | null }
  | { kind: 'done'; result: R }
  | { kind: 'failed'; message: string; cancelled: boolean };

/**
 * Follows one export task through the core's events. Events are recorded from the moment the dialog
 * opens, so an export that finishes before its call returns is not missed. `R` is what the task
 * finishes with (the PDF exports' summary by default).
 */
export function useExportTask<R = ExportSummary>(active: boolean) {
  const events = useRef(new Map<string, AppEvent>());
  const [started, setStarted] = useState<{ taskId: string; path: string } | null>(null);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!active) return;
    return api.onEvent((e) => {
      if (!('task' in e)) return;
      events.current.set(e.task.taskId, e);
      rerender((n) => n + 1);
    });
  }, [active]);

  let view: TaskView<R> = { kind: 'idle' };
  if (started) {
    const e = events.current.get(started.taskId);
    if (!e || e.kind === 'task.progress' || e.kind === 'board.changed') view = { kind: 'running', ...started, task: e && 'task' in e ? e.task : null };
    else if (e.kind === 'task.finished') view = { kind: 'done', result: e.result as R };
    else if (e.kind === 'task.failed') view = { kind: 'failed', message: e.error.message, cancelled: e.error.code === 'CANCELLED' };
  }
  return {
    view,
    track: (s: { taskId: string; path: string }) => setStarted(s),
    reset: () => setStarted(null),
    cancel: () => (view.kind === 'running' ? api.call('tasks.cancel', { taskId: view.taskId }) : Promise.resolve(false)),
  };
}
