import type { Panel } from '../../../shared/domain/board';
import type { ChangeRecorder } from '../history/recorder';
import type { Project } from '../project';
import { storeImage, type StoredImage } from '../queries/image-queries';
import { writeLayerDiff } from '../sketch/layer-diff';
import type { LayerOp } from '../sketch/layer-ops';
import { compositeQueue } from '../sketch/composite-queue';
import { readPictureState, type PictureState } from '../sketch/picture-state';
import { newId, now } from './ids';
import { requirePanel } from './panel-commands';

export { needsComposite, readPictureState, samePictureInputs, type PictureState } from '../sketch/picture-state';
export { flattenPanel } from '../sketch/flatten-panel';

/** A change to a panel's picture: a new image, the reference layer's opacity or visibility, an edit of its stroke layers. */
export interface PictureChange {
  image?: StoredImage;
  imageOpacity?: number;
  imageVisible?: boolean;
  layers?: LayerOp;
  /** Further writes in the same edit, given the state before it (e.g. keeping the old image as a variation). */
  also?: (rec: ChangeRecorder, before: PictureState) => void;
}

/**
 * Changes a panel's picture as one edit (one undo step), committed at once; then waits for its
 * composite (the flattened picture thumbnails and exports use) to be drawn from the new layers. The
 * composite is derived data, drawn outside the transaction and outside the undo record: a slow drawing
 * (thousands of strokes) never holds back the edit, and a burst of strokes is drawn once or twice.
 */
export async function editPanelPicture(project: Project, panelId: string, label: string, change: PictureChange): Promise<Panel> {
  project.edit(label, (rec) => {
    requirePanel(project, panelId);
    const before = readPictureState(project, panelId);
    if (change.image) {
      storeImage(project.db, change.image);
      // A new picture ends the clip the old one was the poster of (picking a clip sets it again in `also`).
      rec.update('panels', { id: panelId }, { clip_sha256: null, clip_in_ms: 0 });
      if (before.imageLayerId) rec.update('panel_layers', { id: before.imageLayerId }, { image_sha256: change.image.sha256 });
      else rec.insert('panel_layers', { id: newId(), panel_id: panelId, kind: 'image', position: 0, image_sha256: change.image.sha256 });
    }
    if (before.imageLayerId && (change.imageOpacity !== undefined || change.imageVisible !== undefined)) {
      rec.update('panel_layers', { id: before.imageLayerId }, { opacity: change.imageOpacity ?? before.imageOpacity, visible: (change.imageVisible ?? before.imageVisible) ? 1 : 0 });
    }
    if (change.layers) writeLayerDiff(rec, panelId, before.layers, change.layers(before.layers));
    change.also?.(rec, before);
    if (rec.changes.length === 0) return; // nothing changed (a clear of an empty sketch): no undo step
    rec.update('panels', { id: panelId }, { updated_at: now() });
    project.db.prepare('UPDATE panels SET composite_stale = 1 WHERE id = ?').run(panelId);
  });
  await compositeQueue(project).request(panelId);
  return project.panel(panelId);
}

