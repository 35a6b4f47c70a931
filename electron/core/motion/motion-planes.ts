/**
 * A panel's picture as two depth planes for the built-in provider's parallax: at the back the
 * reference picture on its paper with the layers that colour it (fill, tone), at the front the line
 * layers (pencil, ink) on a transparent plane. Only printed layers (visible, with strokes, notes
 * never); both planes drawn at the frame the panel's composite is drawn at.
 */
import sharp from 'sharp';
import { aspectValue } from '../../../shared/domain/project';
import { frameSize, renderComposite, renderSketchLayer, scaleAlpha, type FrameSize } from '../media/sketch-render';
import type { Project } from '../project';
import { readImageBytes } from '../queries/image-queries';
import { printedLayers, type LayerState } from '../sketch/layer-state';
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
  const split = frontFrom(layers, picture);
  const [under, lines] = [layers.slice(0, split), layers.slice(split)];
  // The back plane is drawn as the composite is (paper, the picture faded over it, the layers under the lines), so it is opaque.
  const [back, front] = await Promise.all([
    renderComposite({ aspect, image, imageOpacity: state.imageOpacity, layers: under.map((l) => ({ opacity: l.opacity, strokes: l.strokes.map((s) => s.stroke) })) }),
    linesPng(lines, frame),
  ]);
  const names = (ls: readonly LayerState[]) => ls.map((l) => l.name);
  return [
    { name: [picture ? 'Reference' : 'Paper', ...names(under)].join(' + '), depth: 0, image: { mime: back[0] === 0x89 ? 'image/png' : 'image/jpeg', data: back } },
    { name: names(lines).join(' + '), depth: 1, image: { mime: 'image/png', data: front } },
  ];
}

/**
 * Where the front plane starts among the printed layers: at the first line layer (pencil or ink;
 * the fill and tone under them stay with the picture), else at the upper half. The front plane
 * holds at least one layer, and the back plane one too when there is no picture (paper alone does not move).
 */
export function frontFrom(layers: readonly Pick<LayerState, 'role'>[], picture: boolean): number {
  const firstLine = layers.findIndex((l) => l.role === 'pencil' || l.role === 'ink');
  const split = Math.min(firstLine >= 0 ? firstLine : Math.floor(layers.length / 2), layers.length - 1);
  return picture ? split : Math.max(1, split);
}

/** The front layers drawn bottom to top at their opacities on one transparent plane, as a PNG. */
async function linesPng(group: readonly LayerState[], frame: FrameSize): Promise<Buffer> {
  const rasters = await Promise.all(
    group.map(async (l) => {
      const raster = await renderSketchLayer(l.strokes.map((s) => s.stroke), frame);
      if (l.opacity < 1) scaleAlpha(raster, l.opacity);
      return raster;
    }),
  );
  const raw = { ...frame, channels: 4 as const };
  return sharp(rasters[0], { raw })
    .composite(rasters.slice(1).map((input) => ({ input, raw })))
    .png({ compressionLevel: 1 })
    .toBuffer();
}
