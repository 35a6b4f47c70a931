/**
 * A panel's picture as depth planes for the built-in provider's parallax: the reference picture on
 * its paper at the back, then each printed sketch layer (visible, with strokes, notes never) on its
 * own transparent plane, bottom to top, every plane drawn at the frame its composite is drawn at.
 */
import sharp from 'sharp';
import { aspectValue } from '../../../shared/domain/project';
import { frameSize, renderComposite, renderSketchLayer, scaleAlpha } from '../media/sketch-render';
import type { Project } from '../project';
import { readImageBytes } from '../queries/image-queries';
import { printedLayers } from '../sketch/layer-state';
import { readPictureState } from '../sketch/picture-state';
import type { MotionPlane } from './video-provider';

/**
 * The planes of a panel whose picture has two or more that can move apart (its reference picture
 * and a sketch layer, or two sketch layers); null when it has one (it moves as one picture).
 */
export async function panelPlanes(project: Project, panelId: string): Promise<MotionPlane[] | null> {
  const state = readPictureState(project, panelId);
  const layers = printedLayers(state.layers);
  // As the composite: a hidden reference is not drawn (nor sizes the frame); a visible one at any opacity is.
  const image = state.imageSha && state.imageVisible ? (readImageBytes(project.db, state.imageSha, 'full')?.data ?? null) : null;
  const picture = image !== null && state.imageOpacity > 0;
  if ((picture ? 1 : 0) + layers.length < 2) return null;
  const aspect = aspectValue(state.aspect);
  const meta = image ? await sharp(image).metadata() : null;
  const frame = frameSize(aspect, meta ? { width: meta.autoOrient.width, height: meta.autoOrient.height } : null);
  // The back plane is opaque (paper, and the picture faded over it as the composite fades it), so no edge ever shows through.
  const back = await renderComposite({ aspect, image, imageOpacity: state.imageOpacity, layers: [] });
  const fronts = await Promise.all(
    layers.map(async (l) => {
      const raster = await renderSketchLayer(l.strokes.map((s) => s.stroke), frame);
      if (l.opacity < 1) scaleAlpha(raster, l.opacity);
      return sharp(raster, { raw: { ...frame, channels: 4 } }).png({ compressionLevel: 1 }).toBuffer();
    }),
  );
  // Depth runs evenly from the back plane that shows (the picture, else the bottom layer) to the top layer.
  const movers = (picture ? 1 : 0) + layers.length;
  const depthOf = (k: number) => (movers > 1 ? k / (movers - 1) : 1);
  const offset = picture ? 1 : 0;
  return [
    { name: picture ? 'Reference' : 'Paper', depth: 0, image: { mime: back[0] === 0x89 ? 'image/png' : 'image/jpeg', data: back } },
    ...layers.map((l, k) => ({ name: l.name, depth: depthOf(k + offset), image: { mime: 'image/png' as const, data: fronts[k] } })),
  ];
}
