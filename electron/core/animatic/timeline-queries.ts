import type { CameraFraming } from '../../../shared/domain/animatic';
import type { Db } from '../db/connection';

export interface PanelTiming {
  transitionMs: number | null;
  framing: CameraFraming | null;
}

/** The animatic columns of every panel (the board's Panel type leaves them out). */
export function readPanelTimings(db: Db): Map<string, PanelTiming> {
  const rows = db.prepare('SELECT id, transition_ms, camera_framing FROM panels').all() as {
    id: string;
    transition_ms: number | null;
    camera_framing: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, { transitionMs: r.transition_ms, framing: parseFraming(r.camera_framing) }]));
}

/** A stored framing, or null when it is missing or not the expected shape (never throws on old data). */
export function parseFraming(text: string | null): CameraFraming | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as CameraFraming;
    const ok = (r: unknown) =>
      !!r && typeof r === 'object' && ['x', 'y', 'w', 'h'].every((k) => Number.isFinite((r as Record<string, number>)[k])) &&
      (r as { w: number }).w > 0 && (r as { h: number }).h > 0;
    return ok(v?.start) && ok(v?.end) ? { start: v.start, end: v.end } : null;
  } catch {
    return null;
  }
}

export function readImageSizes(db: Db, shas: string[]): Map<string, { width: number; height: number }> {
  if (shas.length === 0) return new Map();
  const rows = db
    .prepare('SELECT sha256, width, height FROM images WHERE sha256 IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(shas)) as { sha256: string; width: number; height: number }[];
  return new Map(rows.map((r) => [r.sha256, { width: r.width, height: r.height }]));
}
