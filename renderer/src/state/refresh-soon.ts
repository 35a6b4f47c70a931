import { refresh } from './run';

let pending: ReturnType<typeof setTimeout> | null = null;

/** Reads the board again shortly: a burst of background changes (a batch of jobs landing) costs one read. */
export function refreshSoon(delayMs = 150): void {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    void refresh().catch(() => undefined);
  }, delayMs);
}
