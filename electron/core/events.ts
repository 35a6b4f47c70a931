import type { AppEvent } from '../../shared/api/events';

export type EventListener = (event: AppEvent) => void;

/** Fan-out of core events to whatever transports are listening (IPC in Electron, SSE in web mode). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: AppEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // A broken listener (a closed window) must not stop the others or the task that emitted.
      }
    }
  }
}
