import { DECISION_LABELS, type Decision } from '../../../shared/domain/generation';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { getPanelRow } from '../queries/panel-queries';
import { recordDecision } from './decision-log';
import { getDecisionRow, listDecisionRows, toDecision, type DecisionFilter } from './decision-rows';

/** Entries oldest first; first-time data entries only with `includeInitial`. */
export function listDecisions(project: Project, filter: DecisionFilter = {}): Decision[] {
  return listDecisionRows(project.db, filter).map(toDecision);
}

/** A manual entry: what was decided and why, about a panel or a whole scene. One undo step. */
export function addDecisionNote(project: Project, input: { panelId?: string; sceneId?: string; note: string; why: string }): Decision {
  const note = input.note.trim();
  if (!note) throw new CoreError('BAD_INPUT', 'Write the decision itself in the note.');
  let panelId: string | null = null;
  let sceneId: string | null = null;
  let shotNumber: string | null = null;
  if (input.panelId) {
    const row = getPanelRow(project.db, input.panelId);
    if (!row) throw new CoreError('NOT_FOUND', `No panel with id ${input.panelId}.`);
    panelId = row.id;
    sceneId = row.scene_id;
    shotNumber = project.panel(row.id).shotNumber;
  } else if (input.sceneId) {
    project.requireScene(input.sceneId);
    sceneId = input.sceneId;
  } else {
    throw new CoreError('BAD_INPUT', 'A note belongs to a panel or a scene: give panelId or sceneId.');
  }
  const label = shotNumber ? `Note on panel ${shotNumber}` : `Note on scene ${project.scene(sceneId!).number}`;
  const id = project.edit(label, (rec) =>
    recordDecision(rec, { kind: 'note', panelId, sceneId, shotNumber, newValue: note, why: input.why.trim() }),
  );
  return toDecision(getDecisionRow(project.db, id)!);
}

/** Adds, changes or clears the why of any entry after the fact, as one undo step. */
export function setDecisionWhy(project: Project, id: string, why: string): Decision {
  const row = getDecisionRow(project.db, id);
  if (!row) throw new CoreError('NOT_FOUND', `No decision log entry with id ${id}.`);
  const d = toDecision(row);
  project.edit(`Edit why of ${d.shotNumber ?? DECISION_LABELS[d.kind].toLowerCase()}`, (rec) => rec.update('decisions', { id }, { note: why.trim() }));
  return toDecision(getDecisionRow(project.db, id)!);
}
