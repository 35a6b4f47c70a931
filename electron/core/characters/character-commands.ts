/** The project's characters: who they are, what they look like (reference images), which shots they are in. */
import type { Character } from '../../../shared/domain/generation';
import { newId, now } from '../commands/ids';
import { requirePanel } from '../commands/panel-commands';
import { CoreError } from '../errors';
import { prepareImage } from '../media/image-import';
import type { Project } from '../project';
import { storeImage } from '../queries/image-queries';
import { characterExists, listCharacterRows, nextPosition, panelCastIds } from './character-queries';

export function listCharacters(project: Project): Character[] {
  return listCharacterRows(project.db);
}

function requireCharacter(project: Project, id: string): Character {
  const c = listCharacterRows(project.db).find((x) => x.id === id);
  if (!c) throw new CoreError('NOT_FOUND', `No character with id ${id}.`);
  return c;
}

function checkName(project: Project, name: string, exceptId?: string): string {
  const clean = name.trim();
  if (!clean) throw new CoreError('BAD_INPUT', 'A character needs a name.');
  const taken = listCharacterRows(project.db).some((c) => c.id !== exceptId && c.name.toLowerCase() === clean.toLowerCase());
  if (taken) throw new CoreError('BAD_INPUT', `There is already a character named ${clean}. Give each one its own name, so prompts can tell them apart.`);
  return clean;
}

export function createCharacter(project: Project, input: { name: string; description?: string }): Character {
  const name = checkName(project, input.name);
  const id = newId();
  project.edit(`Add character ${name}`, (rec) => {
    rec.insert('characters', { id, position: nextPosition(project.db, 'characters'), name, description: input.description?.trim() ?? '', created_at: now() });
  });
  return requireCharacter(project, id);
}

export function updateCharacter(project: Project, id: string, patch: { name?: string; description?: string }): Character {
  const current = requireCharacter(project, id);
  const row: Record<string, string> = {};
  if (patch.name !== undefined) row.name = checkName(project, patch.name, id);
  if (patch.description !== undefined) row.description = patch.description.trim();
  project.edit(`Edit character ${current.name}`, (rec) => rec.update('characters', { id }, row));
  return requireCharacter(project, id);
}

/** Removes a character with its reference images and its place in every shot; undo brings all back. */
export function deleteCharacter(project: Project, id: string): void {
  const current = requireCharacter(project, id);
  project.edit(`Delete character ${current.name}`, (rec) => rec.delete('characters', { id }));
}

export async function addCharacterImage(project: Project, characterId: string, bytes: Buffer, fileName: string | null): Promise<Character> {
  requireCharacter(project, characterId);
  const image = await prepareImage(bytes, fileName);
  const current = requireCharacter(project, characterId);
  project.edit(`Add reference image of ${current.name}`, (rec) => {
    storeImage(project.db, image);
    rec.insert('character_images', {
      id: newId(),
      character_id: characterId,
      image_sha256: image.sha256,
      position: nextPosition(project.db, 'character_images', 'WHERE character_id = ?', characterId),
    });
  });
  return requireCharacter(project, characterId);
}

export function removeCharacterImage(project: Project, imageId: string): Character {
  const owner = project.db.prepare('SELECT character_id FROM character_images WHERE id = ?').pluck().get(imageId) as string | undefined;
  if (!owner) throw new CoreError('NOT_FOUND', `No character reference image with id ${imageId}.`);
  const current = requireCharacter(project, owner);
  project.edit(`Remove reference image of ${current.name}`, (rec) => rec.delete('character_images', { id: imageId }));
  return requireCharacter(project, owner);
}

export function panelCast(project: Project, panelId: string): string[] {
  requirePanel(project, panelId);
  return panelCastIds(project.db, panelId);
}

/** Sets who is in a shot (one undo step). */
export function setPanelCast(project: Project, panelId: string, characterIds: string[]): string[] {
  requirePanel(project, panelId);
  const wanted = new Set(characterIds);
  for (const id of wanted) if (!characterExists(project.db, id)) throw new CoreError('NOT_FOUND', `No character with id ${id}.`);
  const current = new Set(panelCastIds(project.db, panelId));
  project.edit(`Set cast of panel ${project.panel(panelId).shotNumber}`, (rec) => {
    for (const id of current) if (!wanted.has(id)) rec.delete('panel_characters', { panel_id: panelId, character_id: id });
    for (const id of wanted) if (!current.has(id)) rec.insert('panel_characters', { panel_id: panelId, character_id: id });
  });
  return panelCastIds(project.db, panelId);
}
