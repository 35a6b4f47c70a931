/**
 * Writes entries of the creative decision log. Automatic entries are written through the edit's own
 * ChangeRecorder, inside the same Project.edit as the change they describe, so undo removes them
 * with it and redo brings them back.
 */
import type { PanelPatch } from '../../../shared/domain/board';
import type { DecisionKind } from '../../../shared/domain/generation';
import type { ChangeRecorder } from '../history/recorder';
import type { Project } from '../project';
import { getPanelRow } from '../queries/panel-queries';
import type { PanelRow } from '../queries/rows';
import { newId, now } from '../commands/ids';
import { isFirstEntry } from './decision-initial';

export interface DecisionEntry {
  kind: DecisionKind;
  panelId: string | null;
  sceneId: string | null;
  shotNumber?: string | null;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  why?: string;
  data?: Record<string, unknown>;
  /** First-time data entry (see isFirstEntry): stored as data.initial, hidden from the log by default. */
  initial?: boolean;
}

export function recordDecision(rec: ChangeRecorder, entry: DecisionEntry): string {
  const id = newId();
  const data = { ...(entry.shotNumber ? { shotNumber: entry.shotNumber } : {}), ...entry.data, ...(entry.initial ? { initial: true } : {}) };
  rec.insert('decisions', {
    id,
    created_at: now(),
    panel_id: entry.panelId,
    scene_id: entry.sceneId,
    kind: entry.kind,
    field: entry.field ?? null,
    old_value: entry.oldValue ?? null,
    new_value: entry.newValue ?? null,
    note: entry.why ?? '',
    data: JSON.stringify(data),
  });
  return id;
}

/** The panel fields whose changes are creative decisions, with their column and log kind. */
const TRACKED: { key: keyof PanelPatch; column: keyof PanelRow; kind: DecisionKind }[] = [
  { key: 'shotSize', column: 'shot_size', kind: 'shot.size' },
  { key: 'angle', column: 'angle', kind: 'shot.angle' },
  { key: 'lensMm', column: 'lens_mm', kind: 'shot.lens' },
  { key: 'cameraMove', column: 'camera_move', kind: 'shot.move' },
  { key: 'durationMs', column: 'duration_ms', kind: 'shot.duration' },
  { key: 'transition', column: 'transition', kind: 'shot.transition' },
  { key: 'status', column: 'status', kind: 'panel.status' },
];

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A transition of null is a cut: logged as "cut", so cut -> dissolve reads as a change, never as a first entry. */
export const transitionText = (v: unknown): string => asText(v) ?? 'cut';

const fieldText = (column: keyof PanelRow, v: unknown) => (column === 'transition' ? transitionText(v) : asText(v));

/**
 * Logs one panel field change, flagged "initial" when it is first-time data entry (isFirstEntry).
 * Records nothing when the value does not change.
 */
export function recordFieldChange(
  rec: ChangeRecorder,
  project: Project,
  panel: { id: string; sceneId: string; shotNumber?: string },
  change: { kind: DecisionKind; field: string; before: string | null; after: string | null; data?: Record<string, unknown> },
): void {
  if (change.before === change.after) return;
  recordDecision(rec, {
    kind: change.kind,
    panelId: panel.id,
    sceneId: panel.sceneId,
    shotNumber: panel.shotNumber ?? project.panel(panel.id).shotNumber,
    field: change.field,
    oldValue: change.before,
    newValue: change.after,
    data: change.data,
    initial: isFirstEntry(project.db, { panelId: panel.id }, change.field, change.before),
  });
}

/**
 * Logs shot size, angle, lens, move, duration, transition and status changes (old and new value) of a
 * panel edit. Call inside the edit, before the panels are updated. Costs nothing when no tracked field is in the patch.
 */
export function recordShotDecisions(rec: ChangeRecorder, project: Project, ids: readonly string[], patch: PanelPatch): void {
  const fields = TRACKED.filter((t) => patch[t.key] !== undefined);
  if (fields.length === 0) return;
  for (const id of ids) {
    const row = getPanelRow(project.db, id);
    if (!row) continue;
    for (const f of fields) {
      const change = { kind: f.kind, field: f.column, before: fieldText(f.column, row[f.column]), after: fieldText(f.column, patch[f.key]) };
      recordFieldChange(rec, project, { id, sceneId: row.scene_id }, change);
    }
  }
}

/**
 * Logs a move: call `panelMoveLog` inside the edit before the panels move, and `record` after, so each
 * entry has the shot number before (old value) and after (new value) and the scenes it left and joined.
 */
export function panelMoveLog(project: Project, ids: readonly string[]): { record(rec: ChangeRecorder): void } {
  const before = ids.map((id) => {
    const panel = project.panel(id);
    return { id, sceneId: panel.sceneId, shotNumber: panel.shotNumber };
  });
  return {
    record(rec) {
      for (const b of before) {
        const after = project.panel(b.id);
        if (after.sceneId === b.sceneId && after.shotNumber === b.shotNumber) continue;
        recordDecision(rec, {
          kind: 'panel.moved',
          panelId: b.id,
          sceneId: after.sceneId,
          shotNumber: after.shotNumber,
          field: 'position',
          oldValue: b.shotNumber,
          newValue: after.shotNumber,
          data: { fromSceneId: b.sceneId, toSceneId: after.sceneId },
        });
      }
    },
  };
}

/** Logs deletions, keeping what the panel was (its shot number and shot fields). Call before deleting. */
export function recordPanelDeletions(rec: ChangeRecorder, project: Project, ids: readonly string[]): void {
  for (const id of ids) {
    const row = getPanelRow(project.db, id);
    if (!row) continue;
    const shotNumber = project.panel(id).shotNumber;
    recordDecision(rec, {
      kind: 'panel.deleted',
      panelId: id,
      sceneId: row.scene_id,
      shotNumber,
      oldValue: shotNumber,
      data: {
        shotSize: row.shot_size,
        angle: row.angle,
        lensMm: row.lens_mm,
        cameraMove: row.camera_move,
        durationMs: row.duration_ms,
        action: row.action,
        imageSha256: row.image_sha256,
      },
    });
  }
}

/** Logs a scene heading edit (call before the update); the first heading a new scene gets is "initial". */
export function recordHeadingChange(rec: ChangeRecorder, project: Project, sceneId: string, heading: string | undefined): void {
  const before = project.scene(sceneId).heading;
  if (heading === undefined || heading === before) return;
  recordDecision(rec, {
    kind: 'scene.heading',
    panelId: null,
    sceneId,
    field: 'heading',
    oldValue: before,
    newValue: heading,
    initial: isFirstEntry(project.db, { panelId: null, sceneId }, 'heading', before),
  });
}
