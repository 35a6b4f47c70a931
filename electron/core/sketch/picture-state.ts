import { aspectValue, type AspectRatio } from '../../../shared/domain/project';
import { prepareImage } from '../media/image-import';
import { renderComposite } from '../media/sketch-render';
import type { Project } from '../project';
import { readImageBytes, type StoredImage } from '../queries/image-queries';
import { COMPOSITE_SOURCE } from '../queries/composite-queries';
import { getLayer } from '../queries/layer-queries';
import { readProjectRow } from '../queries/project-queries';
import { sameLayers } from './layer-diff';
import { printedLayers, readLayers, type LayerState } from './layer-state';

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

/** True when two reads of a panel's picture would draw the same composite. */
export const samePictureInputs = (a: PictureState, b: PictureState): boolean =>
  a.imageSha === b.imageSha && a.imageOpacity === b.imageOpacity && a.imageVisible === b.imageVisible && a.aspect === b.aspect && sameLayers(a.layers, b.layers);

/** True when the panel's picture differs from its image alone, so thumbnails need a composite. */
export const needsComposite = (state: Pick<PictureState, 'imageSha' | 'imageOpacity' | 'imageVisible' | 'layers'>) =>
  printedLayers(state.layers).length > 0 || (state.imageSha !== null && (state.imageOpacity < 1 || !state.imageVisible));

/** The composite a panel's current layers call for (prepared, not stored), or null when its image alone is its picture. */
export function flattenPanel(project: Project, state: PictureState): Promise<StoredImage | null> {
  return flatten(project, state);
}

/** Draws and prepares the composite (not yet stored), or null when the image alone is the picture. */
async function flatten(project: Project, state: PictureState): Promise<StoredImage | null> {
  if (!needsComposite(state)) return null;
  const bytes = !state.imageSha || !state.imageVisible ? null : (readImageBytes(project.db, state.imageSha, 'full')?.data ?? null);
  const png = await renderComposite({
    aspect: aspectValue(state.aspect),
    image: bytes,
    imageOpacity: state.imageOpacity,
    layers: printedLayers(state.layers).map((l) => ({ opacity: l.opacity, strokes: l.strokes.map((s) => s.stroke) })),
  });
  return prepareImage(png, COMPOSITE_SOURCE);
}
