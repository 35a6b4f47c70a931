import { useCallback, useSyncExternalStore } from 'react';

export type ThumbnailStatus = 'loading' | 'loaded' | 'error';

interface Entry {
  /** Decoded once, off the main thread. */
  image: ImageBitmap | null;
  status: ThumbnailStatus;
  listeners: Set<() => void>;
  abort: AbortController;
  /** Waiting in the load queue, or being fetched. */
  queued: boolean;
  started: boolean;
  settle(status: ThumbnailStatus): void;
}

/**
 * Thumbnails by SHA-256. Images are content-addressed, so an entry never goes stale (a failed load
 * is not retried). Entries no card shows any more are dropped, oldest first, beyond KEEP, so panning
 * through 2,000 panels does not keep 2,000 decoded bitmaps alive.
 */
const entries = new Map<string, Entry>();
const KEEP = 320;

export const thumbnailUrl = (sha256: string): string => `/media/thumb/${sha256}`;

function evictUnused(): void {
  if (entries.size <= KEEP + 32) return; // in batches, not on every new card
  for (const [sha, e] of entries) {
    if (entries.size <= KEEP) break;
    if (e.listeners.size === 0) {
      e.abort.abort();
      e.image?.close();
      entries.delete(sha);
    }
  }
}

/** Fetches and decodes a thumbnail (decoded off the main thread: drawing it onto a card is a plain copy). */
async function load(sha256: string, signal: AbortSignal): Promise<ImageBitmap> {
  const response = await fetch(thumbnailUrl(sha256), { signal, priority: 'high', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`thumbnail ${response.status}`);
  return createImageBitmap(await response.blob());
}

/**
 * Loads wait in a queue, newest first, and a thumbnail no card shows any more by its turn is not
 * fetched: panning fast past hundreds of cards fetches only what stays on screen. About a screenful
 * is handed to the browser at once: its network stack keeps its connections busy on its own, so the
 * first screen's thumbnails keep arriving while the main thread is still mounting the board.
 */
const queue: { sha: string; entry: Entry; wanted: boolean }[] = [];

/** Puts an entry (back) in the load queue unless it is there already or loading. */
function enqueue(sha: string, e: Entry, wanted = false): void {
  if (e.queued || e.started || e.status !== 'loading') return;
  e.queued = true;
  queue.push({ sha, entry: e, wanted });
  schedulePump();
}
const IN_FLIGHT = 40;
let inFlight = 0;
let pumpScheduled = false;

function schedulePump(): void {
  if (pumpScheduled) return;
  pumpScheduled = true;
  // After the commit that mounted the cards, so that they have subscribed by then.
  setTimeout(() => {
    pumpScheduled = false;
    pump();
  }, 0);
}

function pump(): void {
  while (inFlight < IN_FLIGHT && queue.length > 0) {
    const job = queue.pop()!;
    const e = job.entry;
    e.queued = false;
    if (e.abort.signal.aborted || e.status !== 'loading') continue;
    // Scrolled away before its turn: skipped (a card showing it again queues it again).
    if (!job.wanted && e.listeners.size === 0) continue;
    e.started = true;
    inFlight++;
    load(job.sha, e.abort.signal)
      .then(
        (bitmap) => {
          if (e.abort.signal.aborted) return bitmap.close();
          e.image = bitmap;
          e.settle('loaded');
        },
        () => e.settle('error'),
      )
      .finally(() => {
        inFlight--;
        schedulePump();
      });
  }
}

function entry(sha256: string, wanted = false): Entry {
  const known = entries.get(sha256);
  if (known) {
    // Most recently used last, so eviction takes the oldest.
    entries.delete(sha256);
    entries.set(sha256, known);
    enqueue(sha256, known, wanted);
    return known;
  }
  const created: Entry = {
    image: null,
    status: 'loading',
    listeners: new Set(),
    abort: new AbortController(),
    queued: false,
    started: false,
    settle: (status) => {
      if (created.abort.signal.aborted) return;
      created.status = status;
      created.listeners.forEach((l) => l());
      settled.forEach((l) => l());
    },
  };
  enqueue(sha256, created, wanted);
  entries.set(sha256, created);
  evictUnused();
  return created;
}

const settled = new Set<() => void>();

/** Starts loading thumbnails before any card asks for them (the first screenful, while the board mounts). */
export function prefetchThumbnails(shas: readonly (string | null)[]): void {
  // Pushed last-first: the queue takes the newest first, so the first panel's thumbnail goes first.
  for (const sha of [...shas].reverse()) if (sha && !entries.has(sha)) entry(sha, true);
  pump(); // at once, not after the board's first render
}

/** Called whenever any thumbnail finishes loading (the board's readiness report listens). */
export function onThumbnailSettled(listener: () => void): () => void {
  settled.add(listener);
  return () => void settled.delete(listener);
}

export function thumbnailStatus(sha256: string | null): ThumbnailStatus | 'none' {
  if (!sha256) return 'none';
  return entries.get(sha256)?.status ?? 'loading';
}

/** The loaded thumbnail of an image (null while loading or without one), re-rendering when it arrives. */
export function useThumbnail(sha256: string | null): { image: ImageBitmap | null; status: ThumbnailStatus | 'none' } {
  const e = sha256 ? entry(sha256) : null;
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!e) return () => undefined;
      e.listeners.add(listener);
      enqueue(sha256!, e);
      return () => void e.listeners.delete(listener);
    },
    [e],
  );
  const status = useSyncExternalStore(subscribe, () => (e ? e.status : 'none'));
  return { image: e && status === 'loaded' ? e.image : null, status };
}

/** Natural size of a loaded thumbnail, for the test snapshot. */
export function thumbnailSize(sha256: string): { width: number; height: number } | null {
  const e = entries.get(sha256);
  return e?.status === 'loaded' && e.image ? { width: e.image.width, height: e.image.height } : null;
}
