/**
 * Every prompt sent, typed or recomposed is kept, per panel, with its lineage: a version's parent is
 * the version it was edited from. Sending the same text again reuses its version. Not part of undo:
 * it is a record (which version the panel shows is an undoable edit: prompt-edits.ts).
 */
import type { PromptSource, PromptVersion } from '../../../shared/domain/generation';
import { newId, now } from '../commands/ids';
import type { Db } from '../db/connection';
import { CoreError } from '../errors';
import { parseObject } from '../decisions/decision-rows';

interface PromptVersionRow {
  id: string;
  panel_id: string | null;
  parent_id: string | null;
  text: string;
  negative: string;
  params: string;
  source: PromptSource;
  created_at: string;
}

const toVersion = (r: PromptVersionRow): PromptVersion => ({
  id: r.id,
  panelId: r.panel_id,
  parentId: r.parent_id,
  text: r.text,
  negative: r.negative,
  params: parseObject(r.params),
  source: r.source,
  createdAt: r.created_at,
});

/** Newest first. */
export function listPromptVersions(db: Db, panelId: string): PromptVersion[] {
  return (db.prepare('SELECT * FROM prompt_versions WHERE panel_id = ? ORDER BY created_at DESC, rowid DESC').all(panelId) as PromptVersionRow[]).map(toVersion);
}

export function getPromptVersion(db: Db, id: string): PromptVersion | undefined {
  const row = db.prepare('SELECT * FROM prompt_versions WHERE id = ?').get(id) as PromptVersionRow | undefined;
  return row ? toVersion(row) : undefined;
}

/**
 * The version for a prompt about to be sent: the parent itself when the text is unchanged, else a new
 * version whose parent is `parentId` (or the panel's latest version). Must run inside a transaction.
 */
export function promptVersionFor(db: Db, input: { panelId: string; text: string; negative: string; parentId?: string; params: Record<string, unknown> }): string {
  let parent: PromptVersion | undefined;
  if (input.parentId) {
    parent = getPromptVersion(db, input.parentId);
    if (!parent || parent.panelId !== input.panelId) throw new CoreError('NOT_FOUND', `No prompt version ${input.parentId} for this panel.`);
  } else {
    parent = listPromptVersions(db, input.panelId)[0];
  }
  if (parent && parent.text === input.text && parent.negative === input.negative) return parent.id;
  return insertPromptVersion(db, { ...input, parentId: parent?.id ?? null, source: 'sent' });
}

export function insertPromptVersion(
  db: Db,
  v: { panelId: string; parentId: string | null; text: string; negative: string; params: Record<string, unknown>; source: PromptSource },
): string {
  const id = newId();
  db.prepare('INSERT INTO prompt_versions (id, panel_id, parent_id, text, negative, params, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    v.panelId,
    v.parentId,
    v.text,
    v.negative,
    JSON.stringify(v.params),
    v.source,
    now(),
  );
  return id;
}
