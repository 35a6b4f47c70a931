import type { Panel } from '../../../shared/domain/board';
import { aspectValue, type AspectRatio } from '../../../shared/domain/project';
import { CoreError } from '../errors';
import type { ChangeRecorder } from '../history/recorder';
import { prepareImage } from '../media/image-import';
import { renderComposite } from '../media/sketch-render';
import type { Project } from '../project';
import { readImageBytes, storeImage, type StoredImage } from '../queries/image-queries';
import { getCompositeSha, getLayer } from '../queries/layer-queries';
import { sameLayers, writeLayerDiff } from '../sketch/layer-diff';
import type { LayerOp } from '../sketch/layer-ops';
import { printedLayers, readLayers, type LayerState } from '../sketch/layer-state';
import { readProjectRow } from '../queries/project-queries';
import { COMPOSITE_SOURCE, deleteUnusedComposites } from '../queries/composite-queries';
import { newId, now } from './ids';
import { requirePanel } from './panel-commands';

/**
 * Everything a panel's flattened composite is drawn from: the reference picture (the 'image' row of
 * panel_layers) and the stroke layers over it, bottom to top.
 */
export interface PictureState {
  imageLayerId: string | null;
  imageSha: string | null;
  imageOpacity: number;
  imageVisible: boolean;
  layers: LayerState[];
  aspect: AspectRatio;
}

export function readPictureState(project: Project, panelId: string): PictureState {
  const image = getLayer(project.db, panelId, 'image');
  return {
    imageLayerId: image?.id ?? null,
    imageSha: image?.image_sha256 ?? null,
    imageOpacity: image?.opacity ?? 1,
    imageVisible: (image?.visible ?? 1) === 1,
    layers: readLayers(project.db, panelId),
    aspect: readProjectRow(project.db).aspect_ratio as AspectRatio,
  };
}

const sameInputs = (a: PictureState, b: PictureState) =>
  a.imageSha === b.imageSha && a.imageOpacity === b.imageOpacity && a.imageVisible === b.imageVisible && a.aspect === b.aspect && sameLayers(a.layers, b.layers);

/** A change to a panel's picture: a new image, the reference layer's opacity or visibility, an edit of its stroke layers. */
export interface PictureChange {
  image?: StoredImage;
  imageOpacity?: number;
  imageVisible?: boolean;
  layers?: LayerOp;
  /** Further writes in the same edit, given the state before it (e.g. keeping the old image as a variation). */
  also?: (rec: ChangeRecorder, before: PictureState) => void;
}

const queues = new WeakMap<Project, Promise<unknown>>();

/**
 * Changes a panel's picture and refreshes its flattened composite, as one edit (one undo step).
 * The slow part (drawing and encoding the composite) runs before the transaction. Picture edits on a
 * project run one at a time; if anything else changed the panel's picture in the meantime (an undo,
 * say), the composite is drawn again from the new state, so it always matches the layers it came from.
 */
export function editPanelPicture(project: Project, panelId: string, label: string, change: PictureChange): Promise<Panel> {
  const run = (queues.get(project) ?? Promise.resolve()).catch(() => undefined).then(() => attempt(project, panelId, label, change));
  queues.set(project, run);
  return run;
}

async function attempt(project: Project, panelId: string, label: string, change: PictureChange): Promise<Panel> {
  for (let tries = 0; tries < 5; tries++) {
    requirePanel(project, panelId);
    const before = readPictureState(project, panelId);
    const after: PictureState = {
      ...before,
      imageSha: change.image?.sha256 ?? before.imageSha,
      imageOpacity: change.imageOpacity ?? before.imageOpacity,
      imageVisible: change.imageVisible ?? before.imageVisible,
      layers: change.layers ? change.layers(before.layers) : before.layers,
    };
    const composite = await flatten(project, after, change.image);
    const done = project.edit(label, (rec) => {
      requirePanel(project, panelId);
      if (!sameInputs(readPictureState(project, panelId), before)) return false;
      if (change.image) {
        storeImage(project.db, change.image);
        // A new picture ends the clip the old one was the poster of (picking a clip sets it again in `also`).
        rec.update('panels', { id: panelId }, { clip_sha256: null, clip_in_ms: 0 });
        if (before.imageLayerId) rec.update('panel_layers', { id: before.imageLayerId }, { image_sha256: change.image.sha256 });
        else rec.insert('panel_layers', { id: newId(), panel_id: panelId, kind: 'image', position: 0, image_sha256: change.image.sha256 });
      }
      if (before.imageLayerId && (change.imageOpacity !== undefined || change.imageVisible !== undefined)) {
        rec.update('panel_layers', { id: before.imageLayerId }, { opacity: after.imageOpacity, visible: after.imageVisible ? 1 : 0 });
      }
      if (change.layers) writeLayerDiff(rec, panelId, before.layers, after.layers);
      if (composite) storeImage(project.db, composite);
      const compositeSha = composite?.sha256 ?? null;
      if (compositeSha !== getCompositeSha(project.db, panelId)) rec.update('panels', { id: panelId }, { composite_sha256: compositeSha, updated_at: now() });
      change.also?.(rec, before);
      return true;
    });
    if (done) {
      collectNow(project);
      return project.panel(panelId);
    }
  }
  throw new CoreError('INTERNAL', 'The panel kept changing while its sketch was being drawn. Try again.');
}

const editsSinceCollect = new WeakMap<Project, number>();

/** Every so many picture edits, deletes the composites nothing needs any more (outside undo, like all media). */
function collectNow(project: Project): void {
  const n = (editsSinceCollect.get(project) ?? 0) + 1;
  editsSinceCollect.set(project, n % COLLECT_EVERY);
  if (n < COLLECT_EVERY) return;
  try {
    project.db.transaction(() => deleteUnusedComposites(project.db)).immediate();
  } catch {
    // Best effort: unused composites only cost space, and the edit itself is already committed.
  }
}

const COLLECT_EVERY = 25;

/** True when the panel's picture differs from its image alone, so thumbnails need a composite. */
export const needsComposite = (state: Pick<PictureState, 'imageSha' | 'imageOpacity' | 'imageVisible' | 'layers'>) =>
  printedLayers(state.layers).length > 0 || (state.imageSha !== null && (state.imageOpacity < 1 || !state.imageVisible));

/** The composite a panel's current layers call for (prepared, not stored), or null when its image alone is its picture. */
export function flattenPanel(project: Project, state: PictureState): Promise<StoredImage | null> {
  return flatten(project, state);
}

/** Draws and prepares the composite (not yet stored), or null when the image alone is the picture. */
async function flatten(project: Project, state: PictureState, newImage?: StoredImage): Promise<StoredImage | null> {
  if (!needsComposite(state)) return null;
  const bytes = !state.imageSha || !state.imageVisible ? null : (newImage?.data ?? readImageBytes(project.db, state.imageSha, 'full')?.data ?? null);
  const png = await renderComposite({
    aspect: aspectValue(state.aspect),
    image: bytes,
    imageOpacity: state.imageOpacity,
    layers: printedLayers(state.layers).map((l) => ({ opacity: l.opacity, strokes: l.strokes.map((s) => s.stroke) })),
  });
  return prepareImage(png, COMPOSITE_SOURCE);
}
