import sharp, { type OverlayOptions } from 'sharp';
import type { SketchTool, Stroke } from '../../../shared/domain/sketch';
import { blendIntoLayer, clipRect, flattenRect, fullRect, type Rect } from './raster-blend';
import { strokeBounds } from './stroke-bounds';
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
 * Flattens a panel: paper, the image (contained in the frame) at its layer opacity, then the sketch
 * layers, each with its own raster so the eraser removes its layer's ink only, never the image under it.
 */
export async function renderComposite(input: CompositeInput): Promise<Buffer> {
  const { frame, base } = await renderBase(input.aspect, input.image, input.imageOpacity);
  const layers = await Promise.all(
    input.layers.filter((l) => l.strokes.length > 0 && l.opacity > 0).map(async (l) => ({ rgba: await renderSketchLayer(l.strokes, frame), opacity: l.opacity })),
  );
  const picture = Buffer.allocUnsafe(frame.width * frame.height * 3);
  flattenRect(picture, base, layers, frame.width, fullRect(frame));
  return encodeComposite(picture, frame, input.image !== null);
}

/** The opaque ground of a panel's picture (raw RGB): paper, and the image contained in the frame at its opacity. */
export async function renderBase(aspect: number, image: Buffer | null, imageOpacity: number): Promise<{ frame: FrameSize; base: Buffer }> {
  const meta = image ? await sharp(image).metadata() : null;
  const frame = frameSize(aspect, meta ? { width: meta.autoOrient.width, height: meta.autoOrient.height } : null);
  const overlays: OverlayOptions[] = [];
  if (image && imageOpacity > 0) {
    const fitted = await sharp(image, { animated: false })
      .autoOrient()
      .resize(frame.width, frame.height, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .ensureAlpha()
      .raw()
      .toBuffer();
    overlays.push({ input: fitted, raw: { ...frame, channels: 4 } });
    // A faded image is the image with paper laid over it at the complementary opacity.
    if (imageOpacity < 1) overlays.push({ input: { create: { ...frame, channels: 4, background: { ...PAPER, alpha: 1 - imageOpacity } } } });
  }
  const base = await sharp({ create: { ...frame, channels: 3, background: PAPER } }).composite(overlays).removeAlpha().raw().toBuffer();
  return { frame, base };
}

/**
 * Encodes a flattened picture (raw RGB): JPEG over an image (photographic content; a PNG would be
 * megabytes) and a palette PNG on bare paper (line art stays crisp and small; without dithering it
 * is smaller still and several times faster to make).
 */
export function encodeComposite(picture: Buffer, frame: FrameSize, photo: boolean): Promise<Buffer> {
  const flat = sharp(picture, { raw: { ...frame, channels: 3 } });
  // Huffman tables not optimised: a file 5% larger, made three times faster (it is made after every stroke).
  return photo ? flat.jpeg({ quality: 90, chromaSubsampling: '4:4:4', optimiseCoding: false }).toBuffer() : flat.png({ palette: true, quality: 90, effort: 2, dither: 0 }).toBuffer();
}

/** The strokes alone on a transparent layer (raw RGBA): ink drawn over, the eraser cutting out (destination-out). */
export async function renderSketchLayer(strokes: Stroke[], frame: FrameSize): Promise<Buffer> {
  const layer = Buffer.alloc(frame.width * frame.height * 4);
  await drawOntoLayer(layer, strokes, frame);
  return layer;
}

/** Strokes rendered at once while earlier ones are laid: enough to keep every core busy. */
const IN_FLIGHT = 8;

/**
 * Draws strokes onto a layer's raster (RGBA, in place) in their order, each rendered alone over the
 * pixels it can touch and then laid on the layer. Drawing a layer's strokes in one go or a few at a
 * time gives the same pixels, so a picture redrawn after an edit is exactly the one drawn afresh.
 * `onLaid` is told each stroke's rectangle and ink as it is laid.
 */
export async function drawOntoLayer(layer: Buffer, strokes: Stroke[], frame: FrameSize, onLaid?: (rect: Rect, ink: Buffer) => void): Promise<void> {
  const rects = strokes.map((s) => clipRect(strokeBounds(s, frame.width, frame.height) ?? fullRect(frame), frame));
  // A failed render is kept as its error, so one that fails while an earlier stroke is awaited is not an unhandled rejection.
  const render = (i: number): Promise<Buffer | Error> | null => {
    const rect = rects[i];
    if (!rect) return null;
    return sharp(Buffer.from(strokesSvg([strokes[i]], frame.width, frame.height, rect)))
      .ensureAlpha()
      .raw()
      .toBuffer()
      .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  };
  const pending = strokes.slice(0, IN_FLIGHT).map((_, i) => render(i));
  for (let i = 0; i < strokes.length; i++) {
    const ink = await pending[i];
    if (i + IN_FLIGHT < strokes.length) pending.push(render(i + IN_FLIGHT));
    pending[i] = null;
    const rect = rects[i];
    if (!ink || !rect) continue;
    if (ink instanceof Error) throw ink;
    if (ink.length !== rect.w * rect.h * 4) throw new Error(`A stroke drew ${ink.length} bytes over ${rect.w}x${rect.h} pixels.`);
    blendIntoLayer(layer, frame.width, ink, rect, isEraser(strokes[i].tool) ? 'out' : 'over');
    onLaid?.(rect, ink);
  }
}

/** Fades a raw RGBA raster in place. */
export function scaleAlpha(rgba: Buffer, opacity: number): void {
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = Math.round(rgba[i] * opacity);
}

const isEraser = (tool: SketchTool) => tool === 'eraser';
