/**
 * The prompt a panel shows (panels.prompt_version_id) changes through undoable edits: the filmmaker's
 * typing, stored as a 'typed' version when they leave the field or pause, and Recompose, stored as a
 * 'composed' version. The versions stay in the history whatever undo does; undo moves the pointer.
 */
import type { ComposedPrompt, PromptVersion } from '../../../shared/domain/generation';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { requirePanel } from '../commands/panel-commands';
import { composePrompt } from './prompt-composer';
import { getPromptVersion, insertPromptVersion, listPromptVersions } from './prompt-versions';

export interface TypedPrompt {
  panelId: string;
  text: string;
  negative: string;
  /** The version the text was edited from (default: the one the panel shows, else its newest). */
  parentVersionId?: string | null;
  /**
   * The typed version this editing session stored before: rewritten in place (one version per edit
   * session, as undo coalesces typing) while the panel still shows it and it was never sent.
   */
  amendVersionId?: string;
}

function shownVersionId(project: Project, panelId: string): string | null {
  return project.panel(panelId).promptVersionId;
}

function amendable(project: Project, versionId: string, panelId: string): boolean {
  const v = getPromptVersion(project.db, versionId);
  if (!v || v.panelId !== panelId || v.source !== 'typed' || shownVersionId(project, panelId) !== versionId) return false;
  const used = project.db
    .prepare('SELECT (SELECT count(*) FROM generation_jobs WHERE prompt_version_id = ?) + (SELECT count(*) FROM variations WHERE prompt_version_id = ?)')
    .pluck()
    .get(versionId, versionId) as number;
  return used === 0;
}

/** Stores what the filmmaker typed as the panel's prompt; returns the version the panel now shows. */
export function saveTypedPrompt(project: Project, input: TypedPrompt): PromptVersion {
  requirePanel(project, input.panelId);
  const { db } = project;
  const shot = project.panel(input.panelId).shotNumber;
  const id = project.edit(`Edit prompt of ${shot}`, (rec) => {
    let target: string;
    if (input.amendVersionId && amendable(project, input.amendVersionId, input.panelId)) {
      db.prepare('UPDATE prompt_versions SET text = ?, negative = ? WHERE id = ?').run(input.text, input.negative, input.amendVersionId);
      target = input.amendVersionId;
    } else {
      const parentId = input.parentVersionId ?? shownVersionId(project, input.panelId) ?? listPromptVersions(db, input.panelId)[0]?.id ?? null;
      const parent = parentId ? getPromptVersion(db, parentId) : undefined;
      if (parentId && parent?.panelId !== input.panelId) throw new CoreError('NOT_FOUND', `No prompt version ${parentId} for this panel.`);
      const same = parent && parent.text === input.text && parent.negative === input.negative;
      target = same ? parent.id : insertPromptVersion(db, { panelId: input.panelId, parentId, text: input.text, negative: input.negative, params: {}, source: 'typed' });
    }
    rec.update('panels', { id: input.panelId }, { prompt_version_id: target });
    return target;
  });
  return getPromptVersion(db, id)!;
}

export interface Recomposed {
  composed: ComposedPrompt;
  /** The prompt shown before was typed by hand and said something else: the UI offers Undo. */
  replacedTyped: boolean;
}

/** Back to the prompt composed from the shot, the bible and the cast: a 'composed' version, one undo step. */
export function recomposePrompt(project: Project, panelId: string): Recomposed {
  requirePanel(project, panelId);
  const before = composePrompt(project, panelId);
  const shown = before.current;
  const differs = !shown || shown.text !== before.text || shown.negative !== before.negative;
  if (differs) {
    project.edit(`Recompose prompt of ${project.panel(panelId).shotNumber}`, (rec) => {
      const id = insertPromptVersion(project.db, {
        panelId,
        parentId: shown?.id ?? null,
        text: before.text,
        negative: before.negative,
        params: {},
        source: 'composed',
      });
      rec.update('panels', { id: panelId }, { prompt_version_id: id });
    });
  }
  return { composed: composePrompt(project, panelId), replacedTyped: differs && shown?.source === 'typed' };
}
