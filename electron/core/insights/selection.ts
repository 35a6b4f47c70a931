/** Which scenes and panels the figures are computed for. */
import type { Board, SceneWithPanels } from '../../../shared/domain/board';
import type { InsightsQuery } from '../../../shared/domain/insights';
import { withoutOmitted } from '../board/omitted';
import { sceneLabel } from '../board/shot-numbers';
import { CoreError } from '../errors';

/** The asked-for scenes in board order (all when none are named), omitted scenes and panels left out. */
export function selectScenes(board: Board, query: InsightsQuery): SceneWithPanels[] {
  if (!query.sceneIds) return withoutOmitted(board).scenes;
  const known = new Set(board.scenes.map((s) => s.id));
  const unknown = query.sceneIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new CoreError('NOT_FOUND', `No scene with id ${unknown}.`);
  const wanted = new Set(query.sceneIds);
  return withoutOmitted({ ...board, scenes: board.scenes.filter((s) => wanted.has(s.id)) }).scenes;
}

/** The number a scene shows on the board: its script number, else its position. */
export const sceneNumberOf = (scene: SceneWithPanels): string => sceneLabel(scene, scene.number);
