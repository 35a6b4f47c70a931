import { fillRegion, fillStroke, type FillResult } from '../../../../shared/domain/fill/fill-region';
import type { Stroke } from '../../../../shared/domain/sketch';
import { drawStrokes } from '../draw-strokes';

/** The fill raster is at most this on its long side (a 1080p frame fills in well under 150 ms). */
const MAX_SIDE = 1920;

/**
 * The visible line art as the fill sees it: the reference picture (at its layer opacity, fitted as
 * the editor shows it) and the strokes over it, on a transparent canvas of the frame's shape.
 * Earlier fills are left out, so filling again over a fill recolours the region the lines enclose.
 */
function lineArt(strokes: readonly Stroke[], picture: HTMLImageElement | null, w: number, h: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  if (picture && picture.complete && picture.naturalWidth > 0) {
    const cover = getComputedStyle(picture).objectFit === 'cover';
    const k = (cover ? Math.max : Math.min)(w / picture.naturalWidth, h / picture.naturalHeight);
    const [pw, ph] = [picture.naturalWidth * k, picture.naturalHeight * k];
    ctx.globalAlpha = Number(getComputedStyle(picture).opacity) || 1;
    ctx.drawImage(picture, (w - pw) / 2, (h - ph) / 2, pw, ph);
    ctx.globalAlpha = 1;
  }
  const layer = document.createElement('canvas');
  layer.width = w;
  layer.height = h;
  drawStrokes(layer.getContext('2d')!, strokes.filter((s) => s.tool !== 'fill'), w, h, 1);
  ctx.drawImage(layer, 0, 0);
  return ctx.getImageData(0, 0, w, h);
}

/**
 * Flood-fills at a point of the frame (normalised 0..1) over what is visible. `gapPx` is the
 * gap-closing tolerance in screen pixels of a frame `screenWidth` wide.
 */
export function fillAt(
  strokes: readonly Stroke[],
  picture: HTMLImageElement | null,
  at: readonly [number, number],
  frame: { width: number; height: number; screenWidth: number },
  gapPx: number,
  style: Pick<Stroke, 'color' | 'opacity'>,
): { stroke: Omit<Stroke, 'id'> | null; result: FillResult; ms: number } {
  const t0 = performance.now();
  const k = Math.min(1, MAX_SIDE / Math.max(frame.width, frame.height));
  const w = Math.max(1, Math.round(frame.width * k));
  const h = Math.max(1, Math.round(frame.height * k));
  const raster = lineArt(strokes, picture, w, h);
  const result = fillRegion(raster, at[0] * w, at[1] * h, { tolerance: gapPx * (w / frame.screenWidth) });
  const stroke = result.ok ? fillStroke(result.points, style) : null;
  return { stroke, result, ms: performance.now() - t0 };
}
