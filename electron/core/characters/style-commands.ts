/** The project's style bible (medium, tone, palette, era...) and its style reference images. */
import type { StyleBible, StyleState } from '../../../shared/domain/generation';
import { newId } from '../commands/ids';
import { CoreError } from '../errors';
import { prepareImage } from '../media/image-import';
import type { Project } from '../project';
import { storeImage } from '../queries/image-queries';
import { listStyleReferences, nextPosition, readStyleBible } from './character-queries';

export function getStyle(project: Project): StyleState {
  return { bible: readStyleBible(project.db), references: listStyleReferences(project.db) };
}

export function updateStyleBible(project: Project, patch: Partial<StyleBible>): StyleState {
  const bible = { ...readStyleBible(project.db) };
  for (const [k, v] of Object.entries(patch)) if (typeof v === 'string' && k in bible) bible[k as keyof StyleBible] = v.trim();
  project.edit('Edit style bible', (rec) => rec.update('project', { id: 1 }, { style_bible: JSON.stringify(bible) }));
  return getStyle(project);
}

export async function addStyleReference(project: Project, bytes: Buffer, fileName: string | null, note: string): Promise<StyleState> {
  const image = await prepareImage(bytes, fileName);
  project.edit('Add style reference', (rec) => {
    storeImage(project.db, image);
    rec.insert('style_references', { id: newId(), image_sha256: image.sha256, note: note.trim(), position: nextPosition(project.db, 'style_references') });
  });
  return getStyle(project);
}

export function updateStyleReference(project: Project, id: string, note: string): StyleState {
  requireReference(project, id);
  project.edit('Edit style reference', (rec) => rec.update('style_references', { id }, { note: note.trim() }));
  return getStyle(project);
}

export function removeStyleReference(project: Project, id: string): StyleState {
  requireReference(project, id);
  project.edit('Remove style reference', (rec) => rec.delete('style_references', { id }));
  return getStyle(project);
}

function requireReference(project: Project, id: string): void {
  if (!listStyleReferences(project.db).some((r) => r.id === id)) throw new CoreError('NOT_FOUND', `No style reference with id ${id}.`);
}
