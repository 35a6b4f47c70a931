import { useCallback, useSyncExternalStore } from 'react';

export type ThumbnailStatus = 'loading' | 'loaded' | 'error';

interface Entry {
  image: HTMLImageElement;
  status: ThumbnailStatus;
  listeners: Set<() => void>;
}

/** Thumbnails by SHA-256. Images are content-addressed, so an entry never goes stale (a failed load is not retried). */
const entries = new Map<string, Entry>();

export const thumbnailUrl = (sha256: string): string => `/media/thumb/${sha256}`;

function entry(sha256: string): Entry {
  const known = entries.get(sha256);
  if (known) return known;
  const image = new Image();
  image.decoding = 'async';
  const created: Entry = { image, status: 'loading', listeners: new Set() };
  const settle = (status: ThumbnailStatus) => {
    created.status = status;
    created.listeners.forEach((l) => l());
  };
  image.onload = () => settle('loaded');
  image.onerror = () => settle('error');
  image.src = thumbnailUrl(sha256);
  entries.set(sha256, created);
  return created;
}

export function thumbnailStatus(sha256: string | null): ThumbnailStatus | 'none' {
  if (!sha256) return 'none';
  return entries.get(sha256)?.status ?? 'loading';
}

/** The loaded thumbnail of an image (null while loading or without one), re-rendering when it arrives. */
export function useThumbnail(sha256: string | null): { image: HTMLImageElement | null; status: ThumbnailStatus | 'none' } {
  const e = sha256 ? entry(sha256) : null;
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!e) return () => undefined;
      e.listeners.add(listener);
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
  return e?.status === 'loaded' ? { width: e.image.naturalWidth, height: e.image.naturalHeight } : null;
}
