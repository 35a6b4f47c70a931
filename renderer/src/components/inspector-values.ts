import type { Panel } from '../../../shared/domain/board';
import { formatSeconds } from '../util/format';

/** One field across the selected panels: their common value, or mixed. */
export interface Shared<T> {
  value: T;
  mixed: boolean;
}

export function shared<T>(panels: readonly Panel[], get: (p: Panel) => T): Shared<T> {
  const value = get(panels[0]);
  const key = JSON.stringify(value);
  return { value, mixed: panels.some((p) => JSON.stringify(get(p)) !== key) };
}

export const seconds = (ms: number) => formatSeconds(ms).slice(0, -1);

export function parseSeconds(text: string): number | undefined {
  const s = Number(text.replace(',', '.').replace(/s$/i, '').trim());
  if (!Number.isFinite(s) || s <= 0) return undefined;
  return Math.min(3_600_000, Math.max(1, Math.round(s * 1000)));
}

export function parseLens(text: string): number | null | undefined {
  const t = text.replace(/mm$/i, '').trim();
  if (!t) return null;
  const mm = Number(t);
  return Number.isFinite(mm) && mm > 0 && mm <= 2000 ? mm : undefined;
}

/** Tags typed as "night, rain, VFX": trimmed, without duplicates or empty ones. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const t = raw.trim().slice(0, 64);
    if (t && !tags.includes(t)) tags.push(t);
  }
  return tags.slice(0, 64);
}

/** A manual shot number; empty means automatic again. */
export function parseShotNumber(text: string): string | null | undefined {
  const t = text.trim();
  if (!t) return null;
  return t.length <= 16 ? t : undefined;
}
