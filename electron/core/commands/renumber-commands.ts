import type { Project } from '../project';
import { overriddenPanelIds } from '../queries/panel-queries';
import { listSceneRows } from '../queries/scene-queries';

/**
 * Drops manual shot-number overrides, so the shots of the given scenes (or of the whole project) are
 * numbered automatically again (scene number plus letter). One undo step; none if no shot had one.
 */
export function renumberShots(project: Project, sceneIds?: string[]): void {
  for (const id of sceneIds ?? []) project.requireScene(id);
  let label = 'Renumber all shots';
  if (sceneIds) {
    const wanted = new Set(sceneIds);
    const numbers = listSceneRows(project.db).flatMap((s, i) => (wanted.has(s.id) ? [i + 1] : []));
    label = numbers.length === 1 ? `Renumber scene ${numbers[0]}` : `Renumber scenes ${numbers.join(', ')}`;
  }
  const overridden = overriddenPanelIds(project.db, sceneIds);
  project.edit(label, (rec) => {
    for (const id of overridden) rec.update('panels', { id }, { shot_number_override: null });
  });
}
