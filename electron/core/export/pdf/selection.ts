import type { Board, Panel, SceneWithPanels } from '../../../../shared/domain/board';
import type { PanelSelection } from '../../../../shared/domain/export';
import { CoreError } from '../../errors';
import { withoutOmitted } from '../../board/omitted';

/** A scene with the panels chosen from it, in board order. */
export interface SelectedScene {
  number: number;
  heading: string;
  panels: Panel[];
}

/** Splits "a, b,\"c, d\"" on commas outside double quotes; quoted items come back with quoted=true. */
export function splitList(list: string): { text: string; quoted: boolean }[] {
  const items: { text: string; quoted: boolean }[] = [];
  let cur = '';
  let quoted = false;
  let inQuotes = false;
  const flush = () => {
    const text = quoted ? cur : cur.trim();
    if (text) items.push({ text, quoted });
    cur = '';
    quoted = false;
  };
  for (const ch of list) {
    if (ch === '"') {
      inQuotes = !inQuotes;
      if (inQuotes) {
        cur = '';
        quoted = true;
      }
    } else if (ch === ',' && !inQuotes) flush();
    else if (inQuotes || !quoted) cur += ch;
  }
  if (inQuotes) throw new CoreError('BAD_INPUT', `The list "${list}" has an unclosed quote.`);
  flush();
  return items;
}

function selectScenes(scenes: SceneWithPanels[], list: string, chosen: Set<string>): void {
  for (const item of splitList(list)) {
    const range = item.quoted ? null : /^(\d+)\s*(?:-\s*(\d+))?$/.exec(item.text);
    let matched: SceneWithPanels[];
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      if (to < from) throw new CoreError('BAD_INPUT', `The scene range ${item.text} runs backwards; write ${to}-${from}.`);
      matched = scenes.filter((s) => s.number >= from && s.number <= to);
      if (matched.length === 0) throw new CoreError('BAD_INPUT', `There is no scene ${item.text}: the project has ${scenes.length} scene${scenes.length === 1 ? '' : 's'}.`);
    } else {
      const needle = item.text.toLowerCase();
      matched = scenes.filter((s) => s.heading.toLowerCase().includes(needle));
      if (matched.length === 0) throw new CoreError('BAD_INPUT', `No scene heading contains "${item.text}".`);
    }
    for (const s of matched) for (const p of s.panels) chosen.add(p.id);
  }
}

function selectPanelList(ordered: Panel[], list: string, chosen: Set<string>): void {
  const find = (shot: string) => {
    const key = shot.trim().toLowerCase();
    const index = ordered.findIndex((p) => p.shotNumber.toLowerCase() === key);
    if (index < 0) throw new CoreError('BAD_INPUT', `There is no shot ${shot.trim()} in this project.`);
    return index;
  };
  for (const item of splitList(list)) {
    const exact = ordered.filter((p) => p.shotNumber.toLowerCase() === item.text.toLowerCase());
    if (exact.length > 0 || item.quoted || !item.text.includes('-')) {
      if (exact.length === 0) find(item.text);
      for (const p of exact) chosen.add(p.id);
      continue;
    }
    const dash = item.text.indexOf('-');
    const from = find(item.text.slice(0, dash));
    const to = find(item.text.slice(dash + 1));
    if (to < from) throw new CoreError('BAD_INPUT', `The shot range ${item.text} runs backwards: ${ordered[to].shotNumber} comes before ${ordered[from].shotNumber}.`);
    for (let i = from; i <= to; i++) chosen.add(ordered[i].id);
  }
}

/**
 * The panels to export, grouped by scene, in board order (syntax in shared/domain/export.ts).
 * Throws a clear BAD_INPUT error when a name matches nothing or nothing is left to export.
 */
export function selectPanels(fullBoard: Board, selection: PanelSelection): SelectedScene[] {
  const board = selection.includeOmitted ? fullBoard : withoutOmitted(fullBoard);
  const all = board.scenes.flatMap((s) => s.panels);
  if (all.length === 0) throw new CoreError('BAD_INPUT', 'Nothing to export: the project has no panels yet.');
  const scenes = selection.scenes?.trim() ?? '';
  const panels = selection.panels?.trim() ?? '';
  let chosen: Set<string> | null = null;
  if (scenes || panels) {
    chosen = new Set();
    if (scenes) selectScenes(board.scenes, scenes, chosen);
    if (panels) selectPanelList(all, panels, chosen);
  }
  const result = board.scenes
    .map((s) => ({ number: s.number, heading: s.heading, panels: chosen ? s.panels.filter((p) => chosen.has(p.id)) : s.panels }))
    .filter((s) => s.panels.length > 0);
  if (result.length === 0) throw new CoreError('BAD_INPUT', 'Nothing to export: the selected scenes have no panels.');
  return result;
}
