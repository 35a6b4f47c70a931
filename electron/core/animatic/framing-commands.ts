import type { CameraFraming } from '../../../shared/domain/animatic';
import { DEFAULT_TRANSITION_MS } from '../../../shared/domain/animatic';
import { TRANSITIONS } from '../../../shared/domain/board-constants';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { now } from '../commands/ids';
import { requirePanel } from '../commands/panel-commands';
import { moveOfFraming } from '../../../shared/domain/camera-move';
import { recordFieldChange, transitionText } from '../decisions/decision-log';
import { readPanelTimings } from './timeline-queries';

/**
 * Sets (or clears) a panel's animated camera move. The panel's Camera move field follows it, so the
 * inspector, the PDF arrows and the shot list name the move the timeline plays; clearing the animated
 * move clears a name that came from it.
 */
export function setPanelFraming(project: Project, panelId: string, framing: CameraFraming | null): void {
  requirePanel(project, panelId);
  const json = framing ? JSON.stringify({ start: framing.start, end: framing.end }) : null;
  const panel = project.panel(panelId);
  const old = readPanelTimings(project.db).get(panelId)?.framing ?? null;
  const named = moveOfFraming(framing);
  const move = named ?? (panel.cameraMove !== null && panel.cameraMove === moveOfFraming(old) ? null : panel.cameraMove);
  project.edit(framing ? `Set camera move of panel ${panel.shotNumber}` : `Clear camera move of panel ${panel.shotNumber}`, (rec) => {
    const before = rec.changes.length;
    recordFieldChange(rec, project, panel, { kind: 'shot.move', field: 'camera_move', before: panel.cameraMove, after: move });
    rec.update('panels', { id: panelId }, { camera_framing: json, camera_move: move });
    if (rec.changes.length > before) rec.update('panels', { id: panelId }, { updated_at: now() });
  });
}

/** Sets the transition into (or, for "fade out", out of) panels and its duration. One undo step. */
export function setPanelTransition(project: Project, ids: string[], transition: string, durationMs?: number): void {
  if (!(TRANSITIONS as readonly string[]).includes(transition)) {
    throw new CoreError('BAD_INPUT', `Unknown transition "${transition}": use ${TRANSITIONS.join(', ')}.`);
  }
  for (const id of ids) requirePanel(project, id);
  const label = ids.length === 1 ? `Set transition of panel ${project.panel(ids[0]).shotNumber}` : `Set transition of ${ids.length} panels`;
  project.edit(label, (rec) => {
    for (const id of ids) {
      const panel = project.panel(id);
      recordFieldChange(rec, project, panel, { kind: 'shot.transition', field: 'transition', before: transitionText(panel.transition), after: transition });
      const before = rec.changes.length;
      rec.update('panels', { id }, {
        transition: transition === 'cut' ? null : transition,
        transition_ms: transition === 'cut' ? null : (durationMs ?? DEFAULT_TRANSITION_MS),
      });
      if (rec.changes.length > before) rec.update('panels', { id }, { updated_at: now() });
    }
  });
}
