/**
 * Display-size previews for cards drawn larger than their thumbnail: zoomed in, at a large card size,
 * or on a HiDPI screen. Asked for only once the thumbnail is on the card, so opening a board never
 * waits for them; made by the core from the original (/media/preview/<width>/<sha256>). The most
 * recently used are kept; beyond KEEP, previews no card shows are closed.
 */
import { useEffect, useReducer, useRef } from 'react';
import { previewWidth } from '../../../shared/domain/preview';

/** A card asks for a preview when it needs this much more than its thumbnail's width. */
const UPGRADE = 1.15;
const KEEP = 48;
const IN_FLIGHT = 6;

interface Entry {
  bitmap: ImageBitmap | null;
  failed: boolean;
  loading: boolean;
  users: number;
  listeners: Set<() => void>;
}

const entries = new Map<string, Entry>();
const waiting: string[] = [];
let inFlight = 0;

function load(key: string, e: Entry): void {
  inFlight++;
  e.loading = true;
  fetch(`/media/preview/${key}`, { credentials: 'same-origin' })
    .then(async (r) => {
      if (!r.ok) throw new Error(`preview ${r.status}`);
      return createImageBitmap(await r.blob());
    })
    .then(
      (bitmap) => {
        if (entries.get(key) !== e) return bitmap.close();
        e.bitmap = bitmap;
      },
      () => {
        e.failed = true;
      },
    )
    .finally(() => {
      inFlight--;
      e.loading = false;
      e.listeners.forEach((l) => l());
      next();
    });
}

function next(): void {
  while (inFlight < IN_FLIGHT && waiting.length > 0) {
    const key = waiting.pop()!;
    const e = entries.get(key);
    if (e && e.users > 0 && !e.bitmap && !e.failed && !e.loading) load(key, e);
  }
}

function evictUnused(): void {
  for (const [key, e] of entries) {
    if (entries.size <= KEEP) break;
    if (e.users > 0) continue;
    e.bitmap?.close();
    entries.delete(key);
  }
}

function acquire(key: string): Entry {
  let e = entries.get(key);
  if (e) {
    entries.delete(key); // most recently used last
    entries.set(key, e);
  } else {
    e = { bitmap: null, failed: false, loading: false, users: 0, listeners: new Set() };
    entries.set(key, e);
  }
  // Skipped while no card wanted it, or never asked for yet: (back) in the queue.
  if (!e.bitmap && !e.failed && !e.loading && !waiting.includes(key)) waiting.push(key);
  e.users++;
  evictUnused();
  next();
  return e;
}

/** URL of a picture's preview for `width` pixels (the inspector's larger picture uses it directly). */
export const previewUrl = (sha256: string, width: number): string => `/media/preview/${previewWidth(width)}/${sha256}`;

/** The preview key a card needs, or null when its thumbnail is enough (or not loaded yet). */
export function previewKey(sha256: string | null, wantedWidth: number, thumbWidth: number | null): string | null {
  if (!sha256 || !thumbWidth || wantedWidth <= thumbWidth * UPGRADE) return null;
  return `${previewWidth(wantedWidth)}/${sha256}`;
}

/** A card's preview: null until it has loaded (draw the thumbnail meanwhile) or when none is needed. */
export function usePreview(sha256: string | null, wantedWidth: number, thumbWidth: number | null): ImageBitmap | null {
  const key = previewKey(sha256, wantedWidth, thumbWidth);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  const shown = useRef<ImageBitmap | null>(null);
  useEffect(() => {
    if (!key) return;
    const e = acquire(key);
    e.listeners.add(changed);
    // Loaded between the render and now: show it.
    if (e.bitmap !== shown.current) changed();
    return () => {
      e.listeners.delete(changed);
      e.users--;
    };
  }, [key]);
  shown.current = (key ? entries.get(key)?.bitmap : null) ?? null;
  return shown.current;
}

/** The widest loaded preview of a picture, in pixels (the test snapshot), or null. */
export function loadedPreviewWidth(sha256: string): number | null {
  let widest: number | null = null;
  for (const [key, e] of entries) if (e.bitmap && key.endsWith(`/${sha256}`)) widest = Math.max(widest ?? 0, e.bitmap.width);
  return widest;
}
