/**
 * How the average shot length changed: the board's panels as they are now, walked back through the
 * changes recorded with a time (pacing-events.ts), give the panels and their durations at the end of
 * each day (UTC) something changed in the selection.
 *
 * Exact for panels that exist now (created_at, logged duration changes, moves and conform drops) and
 * for deleted panels from their deletion on. What it approximates: a deleted panel's creation is not
 * recorded, so it counts as present from the start of the record; an edit that changes a duration
 * without logging it (none on the board today) shows from its day on as if it had always been; omitting
 * a scene or a panel by hand is not logged either, so today's omissions apply to every day.
 */
import type { PacingPoint } from '../../../shared/domain/insights';
import type { Db } from '../db/connection';
import { currentPanels, panelEventsNewestFirst, stateBefore, type PanelState } from './pacing-events';

export interface HistorySelection {
  /** The scenes asked for, or null for the whole project (including scenes since deleted). */
  sceneIds: ReadonlySet<string> | null;
  /** Scenes omitted now: left out on every day. */
  omittedSceneIds: ReadonlySet<string>;
}

export function pacingHistory(db: Db, selection: HistorySelection): PacingPoint[] {
  const counted = (s: PanelState) =>
    s.exists && !s.omitted && !selection.omittedSceneIds.has(s.sceneId) && (selection.sceneIds === null || selection.sceneIds.has(s.sceneId));
  const panels = currentPanels(db);
  let count = 0;
  let sum = 0;
  const add = (s: PanelState, sign: 1 | -1) => {
    if (!counted(s)) return;
    count += sign;
    sum += sign * s.durationMs;
  };
  for (const s of panels.values()) add(s, 1);

  // The days walked back through, newest first, each with the state at its end (before its changes are undone).
  const days: { point: PacingPoint; touched: boolean }[] = [];
  for (const event of panelEventsNewestFirst(db)) {
    const date = event.at.slice(0, 10);
    if (date !== days.at(-1)?.point.date) days.push({ point: { date, averageShotMs: count === 0 ? 0 : Math.round(sum / count), panels: count }, touched: false });
    const day = days.at(-1)!;
    const after = panels.get(event.panel_id) ?? { exists: false, sceneId: '', durationMs: 0, omitted: false };
    const before = stateBefore(event, after);
    if (before === after) continue;
    day.touched ||= counted(after) || counted(before);
    add(after, -1);
    add(before, 1);
    panels.set(event.panel_id, before);
  }
  return days.filter((d) => d.touched).map((d) => d.point).reverse();
}
