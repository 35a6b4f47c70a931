import type { CameraFraming } from '../../../shared/domain/animatic';
import { DEFAULT_TRANSITION_MS } from '../../../shared/domain/animatic';
import { TRANSITIONS } from '../../../shared/domain/board-constants';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { now } from '../commands/ids';
import { requirePanel } from '../commands/panel-commands';

/** Sets (or, with null, clears) a panel's camera move. One undo step. */
export function setPanelFraming(project: Project, panelId: string, framing: CameraFraming | null): void {
  requirePanel(project, panelId);
  const json = framing ? JSON.stringify({ start: framing.start, end: framing.end }) : null;
  const shot = project.panel(panelId).shotNumber;
  project.edit(framing ? `Set camera move of panel ${shot}` : `Clear camera move of panel ${shot}`, (rec) => {
    const before = rec.changes.length;
    rec.update('panels', { id: panelId }, { camera_framing: json });
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
      const before = rec.changes.length;
      rec.update('panels', { id }, {
        transition: transition === 'cut' ? null : transition,
        transition_ms: transition === 'cut' ? null : (durationMs ?? DEFAULT_TRANSITION_MS),
      });
      if (rec.changes.length > before) rec.update('panels', { id }, { updated_at: now() });
    }
  });
}
