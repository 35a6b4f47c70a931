/** The import preview: what will change on the board, in words a filmmaker reads. */
import type { ScriptImportCounts, ScriptImportSummary, ScriptPreviewScene } from '../../../../shared/domain/script';
import type { Project } from '../../project';
import type { Screenplay } from '../parse/model';
import { missingCharacters } from './characters';
import type { ImportPlan, SceneStep } from './plan';

export type ImportSummary = Omit<ScriptImportSummary, 'fileName' | 'format'>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summarise(project: Project, plan: ImportPlan, script: Screenplay): ImportSummary {
  const board = project.board();
  const shot = new Map(board.scenes.flatMap((s) => s.panels.map((p) => [p.id, p.shotNumber] as const)));
  const counts: ScriptImportCounts = {
    scenesAdded: 0, scenesChanged: 0, scenesOmitted: 0, scenesRestored: 0,
    panelsAdded: 0, panelsChanged: 0, panelsOmitted: 0, panelsRestored: 0, charactersAdded: 0,
  };
  const changes: string[] = [];
  const scenes: ScriptPreviewScene[] = [];
  const omittedScenes: ScriptImportSummary['omittedScenes'] = [];
  for (const step of plan.steps) {
    if (step.kind === 'omit') {
      counts.scenesOmitted++;
      omittedScenes.push({ number: step.number, heading: step.heading, panels: step.panelIds.length });
      changes.push(`${name(step.number, step.heading)}: cut from the script; marked omitted, its ${plural(step.panelIds.length, 'panel')} kept`);
      continue;
    }
    scenes.push(previewScene(step, counts, changes, shot));
  }
  const charactersAdded = missingCharacters(project.db, script.characters);
  counts.charactersAdded = charactersAdded.length;
  if (charactersAdded.length) changes.push(`${plural(charactersAdded.length, 'new character')}: ${charactersAdded.join(', ')}`);
  const hasPanels = board.scenes.some((s) => s.panels.length > 0);
  const setsTitle = !!script.title && (!hasPanels || /^untitled\b/i.test(board.project.title.trim()) || board.project.title.trim() === '');
  if (setsTitle) changes.push(`Project title: ${script.title}`);
  if (plan.reimport && changes.length === 0) changes.push('No change: the board already matches this script.');
  return { mode: plan.mode, reimport: plan.reimport, title: script.title, setsTitle, scenes, omittedScenes, charactersAdded, counts, changes, warnings: script.warnings };
}

function name(number: string | null, heading: string): string {
  return `Scene ${number ?? '–'} ${heading || '(no heading)'}`.replace(/\s+/g, ' ').trim();
}

function previewScene(step: Exclude<SceneStep, { kind: 'omit' }>, counts: ScriptImportCounts, changes: string[], shot: Map<string, string>): ScriptPreviewScene {
  const s = step.scene;
  const base = { number: s.number, heading: s.heading, synopsis: s.synopsis, pageEighths: s.pageEighths, lineCount: s.lineCount, characters: s.characters };
  if (step.kind === 'create') {
    counts.scenesAdded++;
    counts.panelsAdded += s.beats.length;
    changes.push(`${name(s.number, s.heading)}: new scene, ${plural(s.beats.length, 'panel')}`);
    return { ...base, panels: s.beats.length, status: 'new' };
  }
  const lines: string[] = [];
  if (step.restore) lines.push('back in the script (no longer omitted)');
  if (step.headingChanged) lines.push('heading changed');
  if (step.numberChanged) lines.push(`number ${step.scene.number ?? 'removed'}`);
  if (step.synopsisChanged) lines.push('synopsis changed');
  let panels = 0;
  for (const b of step.beats) {
    if (b.kind === 'create') {
      counts.panelsAdded++;
      panels++;
      lines.push('new panel');
    } else if (b.kind === 'keep') {
      panels += b.panelIds.length;
      const shots = b.panelIds.map((id) => shot.get(id)).join(', ');
      if (b.textChanged) {
        counts.panelsChanged += b.panelIds.length;
        lines.push(`${shots}: text changed`);
      }
      if (b.restore) {
        counts.panelsRestored += b.panelIds.length;
        lines.push(`${shots}: back in the script`);
      }
    } else {
      counts.panelsOmitted += b.panelIds.length;
      lines.push(`${b.panelIds.map((id) => shot.get(id)).join(', ')}: cut from the script, marked omitted`);
    }
  }
  const status = step.restore ? 'restored' : lines.length ? 'changed' : 'unchanged';
  if (step.restore) counts.scenesRestored++;
  else if (lines.length) counts.scenesChanged++;
  if (lines.length) changes.push(`${name(s.number, s.heading)}: ${collapse(lines).join('; ')}`);
  return { ...base, panels, status };
}

/** "new panel; new panel; new panel" reads as "3 new panels". */
function collapse(lines: string[]): string[] {
  const news = lines.filter((l) => l === 'new panel').length;
  const rest = lines.filter((l) => l !== 'new panel');
  return news ? [...rest, plural(news, 'new panel')] : rest;
}
