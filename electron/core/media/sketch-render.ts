import sharp, { type OverlayOptions } from 'sharp';
import type { SketchTool, Stroke } from '../../../shared/domain/sketch';
import { strokesSvg } from './stroke-svg';

/** The drawing surface under a sketch when the panel has no image (and behind a faded image). */
export const PAPER = { r: 246, g: 244, b: 238 };
/** A panel without an image is flattened at this size on its long side, at the project's aspect. */
export const BLANK_FRAME_SIDE = 1920;
/**
 * Composites never exceed this on their long side: enough for a 1080p animatic and print boards, and
 * one is stored per stroke (the undo history keeps the ones it points at), so size matters.
 */
export const COMPOSITE_MAX_SIDE = 2048;

export interface CompositeInput {
  /** Frame width over height (the project's aspect ratio). */
  aspect: number;
  /** The panel's image bytes, or null to draw on paper. */
  image: Buffer | null;
  /** Opacity of the image layer, 0..1 (over the paper). */
  imageOpacity: number;
  /** The stroke layers to print, bottom to top: each one's eraser strokes cut only its own ink. */
  layers: SketchLayerInput[];
}

export interface SketchLayerInput {
  opacity: number;
  strokes: Stroke[];
}

export interface FrameSize {
  width: number;
  height: number;
}

/**
 * The frame the strokes are normalised to: the project's aspect, big enough to hold the image at its
 * own resolution (the image is letterboxed or pillarboxed inside it, as on the board), capped at 2048 px.
 */
export function frameSize(aspect: number, image: FrameSize | null): FrameSize {
  let width: number;
  let height: number;
  if (!image) {
    [width, height] = aspect >= 1 ? [BLANK_FRAME_SIDE, BLANK_FRAME_SIDE / aspect] : [BLANK_FRAME_SIDE * aspect, BLANK_FRAME_SIDE];
  } else if (image.width / image.height >= aspect) {
    [width, height] = [image.width, image.width / aspect];
  } else {
    [width, height] = [image.height * aspect, image.height];
  }
  const scale = Math.min(1, COMPOSITE_MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Flattens a panel: paper, the image (contained in the frame) at its layer opacity, then the sketch.
 * The sketch is its own layer so the eraser removes ink only, never the image under it.
 * Returns JPEG over an image (photographic content; a PNG would be megabytes per stroke) and a
 * palette PNG on bare paper (line art stays crisp and small).
 */
export async function renderComposite(input: CompositeInput): Promise<Buffer> {
  const meta = input.image ? await sharp(input.image).metadata() : null;
  const imageSize = meta ? { width: meta.autoOrient.width, height: meta.autoOrient.height } : null;
  const frame = frameSize(input.aspect, imageSize);
  const overlays: OverlayOptions[] = [];
  if (input.image && input.imageOpacity > 0) {
    const fitted = await sharp(input.image, { animated: false })
      .autoOrient()
      .resize(frame.width, frame.height, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .ensureAlpha()
      .raw()
      .toBuffer();
    overlays.push({ input: fitted, raw: { ...frame, channels: 4 } });
    // A faded image is the image with paper laid over it at the complementary opacity.
    if (input.imageOpacity < 1) overlays.push({ input: { create: { ...frame, channels: 4, background: { ...PAPER, alpha: 1 - input.imageOpacity } } } });
  }
  let plain: Stroke[] = [];
  const flushPlain = () => {
    if (plain.length) overlays.push({ input: Buffer.from(strokesSvg(plain, frame.width, frame.height)) });
    plain = [];
  };
  for (const layer of input.layers) {
    if (layer.strokes.length === 0 || layer.opacity <= 0) continue;
    if (layer.opacity >= 1 && !layer.strokes.some((s) => isEraser(s.tool))) {
      // Opaque layers without an eraser need no raster of their own: their ink goes straight onto the picture.
      plain.push(...layer.strokes);
      continue;
    }
    flushPlain();
    const raster = await renderSketchLayer(layer.strokes, frame);
    if (layer.opacity < 1) scaleAlpha(raster, layer.opacity);
    overlays.push({ input: raster, raw: { ...frame, channels: 4 } });
  }
  flushPlain();
  const flat = sharp({ create: { ...frame, channels: 3, background: PAPER } }).composite(overlays);
  // Ink on paper quantises to a 256-colour palette without visible loss, at a quarter of the size.
  return input.image ? flat.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer() : flat.png({ palette: true, quality: 90, effort: 4 }).toBuffer();
}

/** The strokes alone on a transparent layer (raw RGBA): ink runs drawn over, eraser runs cut out (destination-out). */
export async function renderSketchLayer(strokes: Stroke[], frame: FrameSize): Promise<Buffer> {
  const overlays: OverlayOptions[] = runsOf(strokes).map((run) => ({
    input: Buffer.from(strokesSvg(run.strokes, frame.width, frame.height)),
    blend: run.eraser ? 'dest-out' : 'over',
  }));
  return sharp({ create: { ...frame, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite(overlays)
    .raw()
    .toBuffer();
}

/** Consecutive strokes of the same kind (ink or eraser), so each run is one SVG raster. */
function runsOf(strokes: Stroke[]): { eraser: boolean; strokes: Stroke[] }[] {
  const runs: { eraser: boolean; strokes: Stroke[] }[] = [];
  for (const s of strokes) {
    const eraser = isEraser(s.tool);
    const last = runs[runs.length - 1];
    if (last && last.eraser === eraser) last.strokes.push(s);
    else runs.push({ eraser, strokes: [s] });
  }
  return runs;
}

/** Fades a raw RGBA raster in place. */
export function scaleAlpha(rgba: Buffer, opacity: number): void {
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = Math.round(rgba[i] * opacity);
}

const isEraser = (tool: SketchTool) => tool === 'eraser';
