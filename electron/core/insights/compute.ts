/** The taste record's figures (issue 15) for the whole project or some of its scenes. */
import type { Insights, InsightsQuery, SceneInsights } from '../../../shared/domain/insights';
import type { Project } from '../project';
import { coverageOf } from './coverage';
import { generationFigures } from './generation-figures';
import { holdsOf, rhythmOf } from './pacing';
import { pacingHistory } from './pacing-history';
import { ensurePalettes } from './palette-store';
import { sceneNumberOf, selectScenes } from './selection';

export async function computeInsights(project: Project, query: InsightsQuery = {}): Promise<Insights> {
  const board = project.board();
  const scenes = selectScenes(board, query);
  const panels = scenes.flatMap((s) => s.panels);
  const palettes = await ensurePalettes(project, panels.flatMap((p) => (p.thumbSha256 ? [p.thumbSha256] : [])));
  const perScene: SceneInsights[] = scenes.map((s) => ({
    sceneId: s.id,
    number: sceneNumberOf(s),
    heading: s.heading,
    ...coverageOf(s.panels, palettes),
    rhythm: rhythmOf(s.panels, palettes),
  }));
  return {
    scenes: perScene,
    totals: { ...coverageOf(panels, palettes), ...holdsOf(panels) },
    pacingHistory: pacingHistory(project.db, {
      sceneIds: query.sceneIds ? new Set(scenes.map((s) => s.id)) : null,
      omittedSceneIds: new Set(board.scenes.flatMap((s) => (s.omitted ? [s.id] : []))),
    }),
    generation: generationFigures(project.db, panels.map((p) => p.id)),
  };
}
