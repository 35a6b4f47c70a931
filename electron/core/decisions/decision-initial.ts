import type { Db } from '../db/connection';

/**
 * Whether a change is first-time data entry rather than a change of mind: the old value is empty
 * (null or blank) and the log holds no earlier entry for the same panel (or scene) and field. So
 * filling in a new panel's shot size is "initial", while clearing a field and later setting it again
 * is a real change. There is no time window: a field stays "new" until it first holds a value,
 * however long after the panel was made that happens. Fields that always hold a value (status,
 * duration, a transition that defaults to a cut) are never initial.
 */
export function isFirstEntry(db: Db, owner: { panelId: string | null; sceneId?: string | null }, field: string, oldValue: string | null): boolean {
  if (oldValue !== null && oldValue.trim() !== '') return false;
  const earlier = owner.panelId
    ? db.prepare('SELECT 1 FROM decisions WHERE panel_id = ? AND field = ? LIMIT 1').get(owner.panelId, field)
    : db.prepare('SELECT 1 FROM decisions WHERE panel_id IS NULL AND scene_id = ? AND field = ? LIMIT 1').get(owner.sceneId ?? null, field);
  return earlier === undefined;
}
