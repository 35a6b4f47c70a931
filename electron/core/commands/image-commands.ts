import type { Panel } from '../../../shared/domain/board';
import type { ChangeRecorder } from '../history/recorder';
import type { Project } from '../project';
import { prepareImage } from '../media/image-import';
import { storeImage, type StoredImage } from '../queries/image-queries';
import { hasVariation } from '../queries/layer-queries';
import { editPanelPicture } from './panel-picture';
import { newId, now } from './ids';
import { panelPositionsAt, requirePanel } from './panel-commands';
import { readProjectRow } from '../queries/project-queries';
import { recordFieldChange } from '../decisions/decision-log';

/**
 * Sets a panel's image. Decoding and thumbnailing happen before the transaction; the image row is
 * stored once by its SHA-256 and the panel's image layer points at it (undo restores the old pointer).
 * The image it replaces is kept as one of the panel's variations (provider 'import'), in the same
 * edit; a sketched panel's flattened composite is redrawn over the new image.
 */
export async function setPanelImage(project: Project, panelId: string, bytes: Buffer, sourceName: string | null): Promise<Panel> {
  requirePanel(project, panelId);
  const image = await prepareImage(bytes, sourceName);
  return editPanelPicture(project, panelId, `Set image of panel ${project.panel(panelId).shotNumber}`, {
    image,
    also: (rec, before) => {
      const old = before.imageSha;
      recordFieldChange(rec, project, project.panel(panelId), { kind: 'image.replaced', field: 'image', before: old, after: image.sha256 });
      keepReplacedPicture(rec, project, panelId, old, image.sha256);
    },
  });
}

/** The picture a new one replaces stays one of the panel's variations (provider 'import'), unless it already is one. */
export function keepReplacedPicture(rec: ChangeRecorder, project: Project, panelId: string, old: string | null, replacement: string): void {
  if (!old || old === replacement || hasVariation(project.db, panelId, old)) return;
  rec.insert('variations', { id: newId(), panel_id: panelId, image_sha256: old, provider: 'import', created_at: now() });
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
