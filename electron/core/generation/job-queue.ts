/**
 * Admits jobs to run with at most N at once per provider (N read when a slot frees, so a changed
 * setting applies to the next job). Jobs of different providers never wait for each other.
 */
export class ProviderQueue<K extends string> {
  private readonly active = new Map<K, number>();
  private readonly waiting = new Map<K, { id: string; start: () => void }[]>();

  constructor(private readonly limit: (key: K) => number) {}

  /** Runs `start` now if a slot is free, else when one frees up (first come, first served). */
  enqueue(key: K, id: string, start: () => void): void {
    const list = this.waiting.get(key) ?? [];
    list.push({ id, start });
    this.waiting.set(key, list);
    this.pump(key);
  }

  /** Takes a job out of the line before it started; false when it was not waiting. */
  remove(key: K, id: string): boolean {
    const list = this.waiting.get(key);
    const i = list?.findIndex((w) => w.id === id) ?? -1;
    if (!list || i < 0) return false;
    list.splice(i, 1);
    return true;
  }

  /** A started job finished: frees its slot and starts the next one waiting. */
  release(key: K): void {
    this.active.set(key, Math.max(0, (this.active.get(key) ?? 0) - 1));
    this.pump(key);
  }

  running(key: K): number {
    return this.active.get(key) ?? 0;
  }

  private pump(key: K): void {
    const list = this.waiting.get(key) ?? [];
    while (list.length > 0 && (this.active.get(key) ?? 0) < Math.max(1, this.limit(key))) {
      const next = list.shift()!;
      this.active.set(key, (this.active.get(key) ?? 0) + 1);
      next.start();
    }
  }
}
