import { parseArgs } from 'node:util';
import type { SceneInsights } from '../../../shared/domain/insights';
import { sceneLabel } from '../../core/board/shot-numbers';
import { CoreError } from '../../core/errors';
import { computeInsights } from '../../core/insights/compute';
import { splitList } from '../../core/export/pdf/selection';
import type { Project } from '../../core/project';
import { openToRead } from '../open-project';
import { requireArg } from '../usage';
import { insightsText } from './insights-text';

/** The Insights view's figures, as JSON (`--json`) or a readable summary. */
export async function runInsights(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, scenes: { type: 'string' } } });
  const project = openToRead(requireArg(positionals[0], 'FILE'));
  try {
    const sceneIds = values.scenes === undefined ? undefined : scenesByNumber(project, values.scenes);
    const insights = await computeInsights(project, { sceneIds });
    if (!values.json) return insightsText(project.info().title, insights);
    return JSON.stringify({ ...insights, scenes: insights.scenes.map(numberFirst) }, null, 2);
  } finally {
    project.close();
  }
}

/** Scene ids for a list of scene numbers as the board shows them (the script's, else the position). */
function scenesByNumber(project: Project, list: string): string[] {
  const scenes = project.board().scenes.map((s) => ({ id: s.id, label: sceneLabel(s, s.number).toLowerCase() }));
  const items = splitList(list);
  if (items.length === 0) throw new CoreError('BAD_INPUT', '--scenes needs at least one scene number.');
  return items.map(({ text }) => {
    const scene = scenes.find((s) => s.label === text.toLowerCase());
    if (!scene) throw new CoreError('BAD_INPUT', `There is no scene ${text} in this project (scenes: ${scenes.map((s) => s.label.toUpperCase()).join(', ') || 'none'}).`);
    return scene.id;
  });
}

/** A scene's figures with the ones a reader looks for first at the top. */
function numberFirst(s: SceneInsights): SceneInsights {
  const { number, heading, panels, screenTimeMs, averageShotMs, shotSizes, lensesMm, palette, ...rest } = s;
  return { number, heading, panels, screenTimeMs, averageShotMs, shotSizes, lensesMm, palette, ...rest };
}
