/**
 * What the frame composer draws for a layer that shows a clip frame: the frame as a picture source
 * (framed, moved, faded, dissolved and burned in like a still), or, when the frame is the clip alone
 * at full opacity through a framing that does not move, the whole output frame straight from ffmpeg
 * (scaled, cut and padded there to exactly the geometry the still path would draw: no work in Node).
 */
import type { ClipInfo } from '../../../shared/domain/clip';
import type { FrameLayer, NormRect, OutputGeometry } from '../../../shared/domain/animatic-frame';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { ClipFrames, nativeShape, type FrameShape } from './clip-frames';
import { planRegion, type PictureSource } from './picture-source';

/** A layer ffmpeg can draw alone: its clip frame, whole, through a framing that does not move. */
export function drawnByFfmpeg(layer: FrameLayer): layer is FrameLayer & { clipFrame: number; segment: { clip: ClipInfo } } {
  return !!layer.segment.clip && layer.clipFrame !== null && layer.opacity === 1 && !hasMove(layer.segment.framing);
}

/**
 * ffmpeg filters drawing a clip through a framing into the output frame, over black: the region
 * planRegion gives the still, scaled as YUV, then converted to `pixFmt` at the new size (swscale's
 * unscaled conversion is far cheaper than both at once). Null when the framing shows none of it.
 */
export function framingFilter(clip: Pick<ClipInfo, 'width' | 'height'>, rect: NormRect, geo: OutputGeometry, pixFmt: 'rgb24' | 'yuv420p'): string | null {
  const { width, height, picture } = geo;
  const full = { data: Buffer.alloc(0), width: clip.width, height: clip.height, fullWidth: clip.width, fullHeight: clip.height, scale: 1 };
  const plan = planRegion(full, rect, picture);
  if (!plan) return null;
  const { extract: e, resize: s, cut: c } = plan;
  const filters: string[] = [];
  if (e.left !== 0 || e.top !== 0 || e.width !== clip.width || e.height !== clip.height) filters.push(`crop=${e.width}:${e.height}:${e.left}:${e.top}:exact=1`);
  filters.push(`scale=${s.width}:${s.height}:flags=bicubic`);
  filters.push(...(pixFmt === 'rgb24' ? ['scale=in_color_matrix=auto', 'format=rgb24'] : ['format=yuv420p']));
  if (c.left !== 0 || c.top !== 0 || c.width !== s.width || c.height !== s.height) filters.push(`crop=${c.width}:${c.height}:${c.left}:${c.top}`);
  if (c.width !== width || c.height !== height) filters.push(`pad=${width}:${height}:${picture.x + plan.x}:${picture.y + plan.y}:black`);
  return filters.join(',');
}

export class ClipPictures {
  private readonly shapes = new Map<string, FrameShape | null>();

  constructor(
    readonly frames: ClipFrames,
    readonly geo: OutputGeometry,
  ) {}

  /** The layer's clip frame at the clip's own size; framing fractions refer to it (the poster is its first frame). */
  async source(layer: FrameLayer): Promise<PictureSource> {
    const clip = layer.segment.clip!;
    const data = await this.frames.frame(clip, layer.clipFrame!, nativeShape(clip));
    return { data, width: clip.width, height: clip.height, fullWidth: clip.width, fullHeight: clip.height, scale: 1 };
  }

  /** The whole output frame for a layer shown alone (the caller checks there is nothing over it), or null when it needs compositing. */
  whole(layer: FrameLayer): Promise<Buffer> | null {
    if (!drawnByFfmpeg(layer)) return null;
    const clip = layer.segment.clip;
    const r = layer.rect;
    const key = `framed ${clip.width}x${clip.height} ${r.x} ${r.y} ${r.w} ${r.h}`;
    if (!this.shapes.has(key)) {
      const filter = framingFilter(clip, r, this.geo, 'rgb24');
      this.shapes.set(key, filter ? { key, width: this.geo.width, height: this.geo.height, filter } : null);
    }
    const shape = this.shapes.get(key);
    return shape ? this.frames.frame(clip, layer.clipFrame, shape) : null;
  }
}
