/**
 * What the pacing history is rebuilt from: every panel as it is now, and the changes to panels the
 * board records with a time (a live panel's created_at, and the decision log's duration changes,
 * deletions, moves and conform drops).
 */
import type { Db } from '../db/connection';
import { parseObject } from '../decisions/decision-rows';

export interface PanelState {
  exists: boolean;
  sceneId: string;
  durationMs: number;
  omitted: boolean;
}

/**
 * A change to a panel, newest first: a live panel's creation (kind null) or an entry of the log.
 * Undone edits left no trace: undo removes their log entries.
 */
export interface PanelEvent {
  at: string;
  panel_id: string;
  kind: string | null;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  scene_id: string | null;
  data: string | null;
}

interface PanelNow {
  id: string;
  scene_id: string;
  duration_ms: number;
  created_at: string;
  omitted: number;
}

export function currentPanels(db: Db): Map<string, PanelState> {
  const rows = db.prepare('SELECT id, scene_id, duration_ms, created_at, omitted FROM panels').all() as PanelNow[];
  return new Map(rows.map((r) => [r.id, { exists: true, sceneId: r.scene_id, durationMs: r.duration_ms, omitted: r.omitted === 1 }]));
}

/** Every recorded change to panels, newest first (the order to undo them in); at one instant a creation comes last. */
export function panelEventsNewestFirst(db: Db): Iterable<PanelEvent> {
  return db
    .prepare(
      `SELECT at, panel_id, kind, field, old_value, new_value, scene_id, data FROM (
         SELECT created_at AS at, id AS panel_id, NULL AS kind, NULL AS field, NULL AS old_value, NULL AS new_value, NULL AS scene_id, NULL AS data, -1 AS seq FROM panels
         UNION ALL
         SELECT created_at, panel_id, kind, field, old_value, new_value, scene_id, data, rowid FROM decisions
         WHERE panel_id IS NOT NULL AND kind IN ('shot.duration', 'panel.deleted', 'panel.moved', 'editorial.conform')
       ) ORDER BY at DESC, seq DESC`,
    )
    .iterate() as Iterable<PanelEvent>;
}

/** What the panel was just before `event`, given what it was after; `after` itself for a change that is not undone. */
export function stateBefore(event: PanelEvent, after: PanelState): PanelState {
  switch (event.kind) {
    case null:
      return { ...after, exists: false };
    case 'shot.duration': {
      const old = Number(event.old_value);
      return event.old_value !== null && Number.isFinite(old) && old > 0 ? { ...after, durationMs: old } : after;
    }
    case 'panel.deleted': {
      const duration = Number(parseObject(event.data).durationMs);
      return event.scene_id && Number.isFinite(duration) ? { exists: true, sceneId: event.scene_id, durationMs: duration, omitted: false } : after;
    }
    case 'panel.moved': {
      // A move made on the board names the scenes in its data; a conform's move in old/new value.
      const data = parseObject(event.data);
      const from = typeof data.fromSceneId === 'string' ? data.fromSceneId : event.field === null ? event.old_value : null;
      return from ? { ...after, sceneId: from } : after;
    }
    case 'editorial.conform':
      return event.field === 'omitted' && event.new_value === 'true' ? { ...after, omitted: false } : after;
    default:
      return after;
  }
}
