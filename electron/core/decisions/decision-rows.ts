import type { Decision, DecisionKind } from '../../../shared/domain/generation';
import type { Db } from '../db/connection';

/** A row of the decisions table (the creative decision log). */
export interface DecisionRow {
  id: string;
  created_at: string;
  panel_id: string | null;
  scene_id: string | null;
  kind: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  note: string;
  data: string;
}

export interface DecisionFilter {
  panelId?: string;
  sceneId?: string;
  kinds?: readonly DecisionKind[];
  /** First-time data entries are left out unless this is true. */
  includeInitial?: boolean;
}

/** Entries oldest first (the order they were made); rowid breaks ties within one edit. */
export function listDecisionRows(db: Db, filter: DecisionFilter = {}): DecisionRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.panelId) {
    where.push('panel_id = ?');
    args.push(filter.panelId);
  }
  if (filter.sceneId) {
    where.push('scene_id = ?');
    args.push(filter.sceneId);
  }
  if (filter.kinds && filter.kinds.length > 0) {
    where.push('kind IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(filter.kinds));
  }
  if (!filter.includeInitial) where.push("json_extract(data, '$.initial') IS NOT 1");
  const sql = `SELECT * FROM decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, rowid`;
  return db.prepare(sql).all(...args) as DecisionRow[];
}

export function getDecisionRow(db: Db, id: string): DecisionRow | undefined {
  return db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
}

export function toDecision(row: DecisionRow): Decision {
  const data = parseObject(row.data);
  return {
    id: row.id,
    createdAt: row.created_at,
    panelId: row.panel_id,
    sceneId: row.scene_id,
    shotNumber: typeof data.shotNumber === 'string' ? data.shotNumber : null,
    kind: row.kind as DecisionKind,
    field: row.field,
    oldValue: row.old_value,
    newValue: row.new_value,
    why: row.note,
    data,
    initial: data.initial === true,
  };
}

export function parseObject(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
