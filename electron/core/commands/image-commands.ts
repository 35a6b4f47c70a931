import type { Panel } from '../../../shared/domain/board';
import type { Project } from '../project';
import { prepareImage } from '../media/image-import';
import { storeImage } from '../queries/image-queries';
import { imageLayerId } from '../queries/panel-queries';
import { newId } from './ids';
import { requirePanel } from './panel-commands';

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
