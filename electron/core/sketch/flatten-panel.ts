import { compositeImage } from '../media/composite-image';
import type { Project } from '../project';
import { COMPOSITE_SOURCE } from '../queries/composite-queries';
import { readImageBytes, type StoredImage } from '../queries/image-queries';
import type { PanelRasters } from './panel-rasters';
import { needsComposite, type PictureState } from './picture-state';

/**
 * The composite a panel's current layers call for (prepared, not stored), or null when its image
 * alone is its picture. Drawn with the rasters kept from the panel's last drawing.
 */
export async function flattenPanel(project: Project, panelId: string, state: PictureState, rasters: PanelRasters): Promise<StoredImage | null> {
  if (!needsComposite(state)) return null;
  const raw = await rasters.draw(panelId, state, () => (state.imageSha ? (readImageBytes(project.db, state.imageSha, 'full')?.data ?? null) : null));
  return compositeImage(raw, COMPOSITE_SOURCE);
}
