/**
 * What the pacing history is rebuilt from: every panel as it is now, and the changes to panels the
 * board records with a time (a live panel's created_at, and the decision log's duration changes,
 * deletions, moves and conform drops). Undone edits left no trace: undo removes their log entries.
 */
import type { Db } from '../db/connection';
import { parseObject } from '../decisions/decision-rows';

export interface PanelState {
  exists: boolean;
  sceneId: string;
  durationMs: number;
  omitted: boolean;
}

/** A change, as its undoing: what a panel was just before it happened. */
export interface PanelEvent {
  at: string;
  panelId: string;
  /** The panel's state before the change, given its state after. */
  before(after: PanelState): PanelState;
}

interface PanelNow {
  id: string;
  scene_id: string;
  duration_ms: number;
  created_at: string;
  omitted: number;
}

interface LoggedChange {
  created_at: string;
  panel_id: string;
  scene_id: string | null;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  data: string;
}

export function currentPanels(db: Db): Map<string, PanelState> {
  const rows = db.prepare('SELECT id, scene_id, duration_ms, created_at, omitted FROM panels').all() as PanelNow[];
  return new Map(rows.map((r) => [r.id, { exists: true, sceneId: r.scene_id, durationMs: r.duration_ms, omitted: r.omitted === 1 }]));
}

/** Every recorded change to panels, newest first (the order to undo them in). */
export function panelEventsNewestFirst(db: Db): PanelEvent[] {
  const created = (db.prepare('SELECT id, created_at FROM panels').all() as Pick<PanelNow, 'id' | 'created_at'>[]).map(
    (r): PanelEvent & { order: number } => ({ at: r.created_at, panelId: r.id, order: -1, before: (s) => ({ ...s, exists: false }) }),
  );
  const logged = db
    .prepare(
      `SELECT rowid, created_at, panel_id, scene_id, kind, field, old_value, new_value, data FROM decisions
       WHERE panel_id IS NOT NULL AND kind IN ('shot.duration', 'panel.deleted', 'panel.moved', 'editorial.conform')`,
    )
    .all() as (LoggedChange & { rowid: number })[];
  const fromLog = logged.flatMap((row) => {
    const before = undoing(row);
    return before ? [{ at: row.created_at, panelId: row.panel_id, order: row.rowid, before }] : [];
  });
  // At the same instant, a panel's creation comes before anything done to it.
  return [...created, ...fromLog].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.order - a.order));
}

function undoing(row: LoggedChange): PanelEvent['before'] | null {
  // Only deletions and moves keep what is needed in their data.
  const data = row.kind === 'panel.deleted' || row.kind === 'panel.moved' ? parseObject(row.data) : {};
  switch (row.kind) {
    case 'shot.duration': {
      const old = Number(row.old_value);
      return row.old_value !== null && Number.isFinite(old) && old > 0 ? (s) => ({ ...s, durationMs: old }) : null;
    }
    case 'panel.deleted': {
      const duration = Number(data.durationMs);
      if (!row.scene_id || !Number.isFinite(duration)) return null;
      return () => ({ exists: true, sceneId: row.scene_id!, durationMs: duration, omitted: false });
    }
    case 'panel.moved': {
      // A move made on the board names the scenes in its data; a conform's move in old/new value.
      const from = typeof data.fromSceneId === 'string' ? data.fromSceneId : row.field === null ? row.old_value : null;
      return from ? (s) => ({ ...s, sceneId: from }) : null;
    }
    case 'editorial.conform':
      return row.field === 'omitted' && row.new_value === 'true' ? (s) => ({ ...s, omitted: false }) : null;
    default:
      return null;
  }
}
