import type { AspectRatio } from '../../../shared/domain/project';
import type { Project } from '../project';
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
