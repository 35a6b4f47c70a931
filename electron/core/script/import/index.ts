/**
 * Script import, start to end: parse the screenplay, plan what changes on the board, and (unless only
 * previewing) apply it as one undoable edit.
 */
import type { ScriptImportSummary } from '../../../../shared/domain/script';
import type { Project } from '../../project';
import { parseScript } from '../parse';
import type { Screenplay } from '../parse/model';
import { applyPlan } from './apply';
import { readLinkedScenes } from './board-state';
import type { PanelMode } from './breakdown';
import { planImport, type ImportPlan } from './plan';
import { latestScript } from './script-store';
import { summarise } from './summary';

export { PANEL_MODES, type PanelMode } from './breakdown';

export interface PreparedImport {
  fileName: string;
  source: Buffer;
  screenplay: Screenplay;
  plan: ImportPlan;
  summary: ScriptImportSummary;
}

/** Parses and plans without writing anything. */
export function prepareImport(project: Project, source: Buffer, fileName: string, mode: PanelMode): PreparedImport {
  const screenplay = parseScript(source, fileName);
  return planFor(project, { fileName, source, screenplay }, mode);
}

/** Plans (again) a screenplay already parsed, e.g. when the preview's panel mode changes. */
export function planFor(project: Project, input: { fileName: string; source: Buffer; screenplay: Screenplay }, mode: PanelMode): PreparedImport {
  const plan = planImport(readLinkedScenes(project.db, latestScript(project.db)), input.screenplay, mode);
  const summary = { fileName: input.fileName, format: input.screenplay.format, ...summarise(project, plan, input.screenplay) };
  return { ...input, plan, summary };
}

/** Imports (or re-imports) a screenplay: one edit. */
export function importScript(project: Project, source: Buffer, fileName: string, mode: PanelMode): ScriptImportSummary {
  return commitImport(project, prepareImport(project, source, fileName, mode));
}

/** Applies a prepared import, planned again against the board as it is now (it may have changed since the preview). */
export function commitImport(project: Project, prepared: PreparedImport): ScriptImportSummary {
  const fresh = planFor(project, prepared, prepared.plan.mode);
  const { fileName, format, ...summary } = fresh.summary;
  applyPlan(project, fresh.plan, fresh, summary);
  return fresh.summary;
}
