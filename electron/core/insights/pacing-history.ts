import type { SceneWithPanels } from '../../../shared/domain/board';
import type { PacingPoint } from '../../../shared/domain/insights';
import type { Project } from '../project';

export function pacingHistory(_project: Project, _scenes: SceneWithPanels[]): PacingPoint[] {
  return [];
}
