import type { Panel } from '../../../shared/domain/board';
import type { Project } from '../project';
import { prepareImage } from '../media/image-import';
import { storeImage, type StoredImage } from '../queries/image-queries';
import { imageLayerId } from '../queries/panel-queries';
import { newId, now } from './ids';
import { panelPositionsAt, requirePanel } from './panel-commands';
import { readProjectRow } from '../queries/project-queries';

/**
 * Sets a panel's image. Decoding and thumbnailing happen before the transaction; the image row is
 * stored once by its SHA-256 and the panel's image layer points at it (undo restores the old pointer).
 */
export async function setPanelImage(project: Project, panelId: string, bytes: Buffer, sourceName: string | null): Promise<Panel> {
  requirePanel(project, panelId);
  const image = await prepareImage(bytes, sourceName);
  requirePanel(project, panelId);
  project.edit(`Set image of panel ${project.panel(panelId).shotNumber}`, (rec) => {
    storeImage(project.db, image);
    const layer = imageLayerId(project.db, panelId);
    if (layer) rec.update('panel_layers', { id: layer }, { image_sha256: image.sha256 });
    else rec.insert('panel_layers', { id: newId(), panel_id: panelId, kind: 'image', position: 0, image_sha256: image.sha256 });
  });
  return project.panel(panelId);
}

/**
 * Adds one new panel per image, in order, at `index` of a scene (default: its end), as one undo step.
 * Every image is decoded before anything is written, so one bad file changes nothing.
 */
export async function addImagePanels(
  project: Project,
  input: { sceneId: string; index?: number; files: { bytes: Buffer; name: string | null }[]; durationMs?: number },
): Promise<Panel[]> {
  project.requireScene(input.sceneId);
  const images: StoredImage[] = [];
  for (const f of input.files) images.push(await prepareImage(f.bytes, f.name));
  const ids = images.map(() => newId());
  project.edit(images.length === 1 ? 'Add panel' : `Add ${images.length} panels`, (rec) => {
    const positions = panelPositionsAt(rec, project, input.sceneId, input.index ?? Number.MAX_SAFE_INTEGER, images.length, new Set());
    const defaults = readProjectRow(project.db);
    const t = now();
    images.forEach((image, n) => {
      storeImage(project.db, image);
      rec.insert('panels', {
        id: ids[n], scene_id: input.sceneId, position: positions[n], duration_ms: input.durationMs ?? defaults.default_duration_ms,
        status: 'draft', tags: '[]', created_at: t, updated_at: t,
      });
      rec.insert('panel_layers', { id: newId(), panel_id: ids[n], kind: 'image', position: 0, image_sha256: image.sha256 });
    });
  });
  return ids.map((id) => project.panel(id));
}
