/**
 * What the frame composer draws for a layer that shows a clip frame: the frame as a picture source
 * (framed, moved, faded, dissolved and burned in like a still), or, when the frame is the clip alone
 * at full opacity through a framing that does not move, the whole output frame straight from ffmpeg
 * (scaled, cut and padded there to exactly the geometry the still path would draw: no work in Node).
 */
import type { ClipInfo } from '../../../shared/domain/clip';
import type { FrameLayer, OutputGeometry } from '../../../shared/domain/animatic-frame';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { ClipFrames, nativeShape, type FrameShape } from './clip-frames';
import { planRegion, type PictureSource } from './picture-source';

export class ClipPictures {
  private readonly shapes = new Map<string, FrameShape | null>();

  constructor(
    private readonly frames: ClipFrames,
    private readonly geo: OutputGeometry,
  ) {}

  /** The layer's clip frame at the clip's own size; framing fractions refer to it (the poster is its first frame). */
  async source(layer: FrameLayer): Promise<PictureSource> {
    const clip = layer.segment.clip!;
    const data = await this.frames.frame(clip, layer.clipFrame!, nativeShape(clip));
    return { data, width: clip.width, height: clip.height, fullWidth: clip.width, fullHeight: clip.height, scale: 1 };
  }

  /** The whole output frame for a layer shown alone (the caller checks there is nothing over it), or null when it needs compositing. */
  whole(layer: FrameLayer): Promise<Buffer> | null {
    const clip = layer.segment.clip;
    if (!clip || layer.clipFrame === null || layer.opacity !== 1 || hasMove(layer.segment.framing)) return null;
    const shape = this.framedShape(clip, layer);
    return shape ? this.frames.frame(clip, layer.clipFrame, shape) : null;
  }

  /** ffmpeg's filters for the region planRegion would draw, placed in the output frame over black. */
  private framedShape(clip: ClipInfo, layer: FrameLayer): FrameShape | null {
    const r = layer.rect;
    const key = `framed ${clip.width}x${clip.height} ${r.x} ${r.y} ${r.w} ${r.h}`;
    if (this.shapes.has(key)) return this.shapes.get(key)!;
    const { width, height, picture } = this.geo;
    const full = { data: Buffer.alloc(0), width: clip.width, height: clip.height, fullWidth: clip.width, fullHeight: clip.height, scale: 1 };
    const plan = planRegion(full, r, picture);
    let shape: FrameShape | null = null;
    if (plan) {
      const { extract: e, resize: s, cut: c } = plan;
      const filters: string[] = [];
      if (e.left !== 0 || e.top !== 0 || e.width !== clip.width || e.height !== clip.height) filters.push(`crop=${e.width}:${e.height}:${e.left}:${e.top}:exact=1`);
      // Scaled as YUV, then converted at the new size: swscale's unscaled YUV-to-RGB path is far cheaper than both at once.
      filters.push(`scale=${s.width}:${s.height}:flags=bicubic`, 'scale=in_color_matrix=auto', 'format=rgb24');
      if (c.left !== 0 || c.top !== 0 || c.width !== s.width || c.height !== s.height) filters.push(`crop=${c.width}:${c.height}:${c.left}:${c.top}`);
      if (c.width !== width || c.height !== height) filters.push(`pad=${width}:${height}:${picture.x + plan.x}:${picture.y + plan.y}:black`);
      shape = { key, width, height, filter: filters.join(',') };
    }
    this.shapes.set(key, shape);
    return shape;
  }
}
