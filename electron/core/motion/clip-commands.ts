/** How a panel plays its clip: where it starts inside it and what it does past its end, or no clip at all. Each change one undo step. */
import type { Panel } from '../../../shared/domain/board';
import { clampClipIn, type ClipAfter } from '../../../shared/domain/clip';
import { now } from '../commands/ids';
import { CoreError } from '../errors';
import type { Project } from '../project';

export interface ClipTimingPatch {
  /** Where the panel starts inside its clip, in ms (kept inside the clip). */
  inMs?: number;
  after?: ClipAfter;
}

export function setPanelClipTiming(project: Project, panelId: string, patch: ClipTimingPatch): Panel {
  const panel = project.panel(panelId);
  if (!panel.clip) throw new CoreError('BAD_INPUT', `Panel ${panel.shotNumber} plays no clip.`);
  const row: Record<string, unknown> = {};
  if (patch.inMs !== undefined) row.clip_in_ms = clampClipIn(patch.inMs, panel.clip);
  if (patch.after !== undefined) row.clip_after = patch.after;
  project.edit(`Clip timing of panel ${panel.shotNumber}`, (rec) => rec.update('panels', { id: panelId }, { ...row, updated_at: now() }));
  return project.panel(panelId);
}

/** The panel shows its still (the clip's poster) again; the clip stays among its variations. */
export function removePanelClip(project: Project, panelId: string): Panel {
  const panel = project.panel(panelId);
  if (!panel.clip) return panel;
  project.edit(`Still instead of clip for panel ${panel.shotNumber}`, (rec) => rec.update('panels', { id: panelId }, { clip_sha256: null, clip_in_ms: 0, updated_at: now() }));
  return project.panel(panelId);
}
