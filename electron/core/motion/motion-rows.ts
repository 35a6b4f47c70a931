/** Motion jobs as the Generate tab lists them. Messages are scrubbed of keys before they leave the core. */
import type { MotionJobState, MotionJobView } from '../../../shared/domain/motion';
import type { Db } from '../db/connection';
import { parseObject } from '../decisions/decision-rows';
import { redactAndClip } from '../providers/errors';

interface ViewRow {
  id: string;
  panel_id: string | null;
  provider: string;
  model: string | null;
  state: string;
  request: string;
  variation_id: string | null;
  error_kind: string | null;
  error_message: string | null;
  created_at: string;
  updated_at: string;
}

const VIEW_SELECT = `
  SELECT j.id, j.panel_id, j.provider, j.model, j.state, j.request, j.error_kind, j.error_message, j.created_at, j.updated_at,
         (SELECT v.id FROM variations v WHERE v.motion_job_id = j.id) AS variation_id
  FROM motion_jobs j`;

function toView(r: ViewRow, secrets: readonly string[]): MotionJobView {
  return {
    id: r.id,
    panelId: r.panel_id,
    provider: r.provider,
    model: r.model,
    state: r.state as MotionJobState,
    request: parseObject(r.request),
    variationId: r.variation_id,
    errorKind: r.error_kind,
    errorMessage: r.error_message === null ? null : redactAndClip(r.error_message, secrets, 500),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function motionJobView(db: Db, id: string, secrets: readonly string[]): MotionJobView | undefined {
  const row = db.prepare(`${VIEW_SELECT} WHERE j.id = ?`).get(id) as ViewRow | undefined;
  return row ? toView(row, secrets) : undefined;
}

/** Newest first: a panel's jobs, or all of the project's. */
export function listMotionJobViews(db: Db, panelId: string | undefined, secrets: readonly string[]): MotionJobView[] {
  const rows = (panelId
    ? db.prepare(`${VIEW_SELECT} WHERE j.panel_id = ? ORDER BY j.created_at DESC, j.rowid DESC`).all(panelId)
    : db.prepare(`${VIEW_SELECT} ORDER BY j.created_at DESC, j.rowid DESC`).all()) as ViewRow[];
  return rows.map((r) => toView(r, secrets));
}
