/**
 * The built-in clip of a panel drawn as depth planes: each plane takes its own share of the camera's
 * travel, the front one all of it (the move as framed), the back one less, so the sketch drifts a
 * little over the picture behind it (parallax). Every plane starts at the move's first framing, so the
 * first frame is the panel's picture as it is flattened.
 */
import sharp, { type OverlayOptions } from 'sharp';
import type { TimelineSegment } from '../../../../shared/domain/animatic';
import { lerpRect, type FrameLayer, type NormRect, type OutputGeometry } from '../../../../shared/domain/animatic-frame';
import { drawRegion, loadSource, planRegion, type PictureSource } from '../../animatic/picture-source';
import type { PictureComposer } from '../../animatic/video-encode';
import type { MotionPlane } from '../video-provider';

/** Share of the camera's travel the back plane makes (the front plane makes all of it): subtle, and the back plane stays within the move's framings. */
export const BACK_TRAVEL = 0.85;

/** A plane's share of the camera's travel, from its depth (0 back, 1 front). */
export const planeTravel = (depth: number): number => BACK_TRAVEL + (1 - BACK_TRAVEL) * Math.min(1, Math.max(0, depth));

/**
 * Where a plane is framed when the camera is at `rect`: the same share of the way from the move's
 * first framing. Between two framings inside the picture, so the back plane always covers the frame.
 */
export const planeRect = (start: NormRect, rect: NormRect, travel: number): NormRect => lerpRect(start, rect, travel);

interface PlaneSource {
  source: PictureSource;
  travel: number;
}

/** Draws the frames of one panel alone (cut in and out, as the move clip plays it) from its planes. */
export class ParallaxComposer implements PictureComposer {
  private loaded: Promise<PlaneSource[]> | null = null;

  constructor(
    private readonly geo: OutputGeometry,
    /** Back to front; the first one opaque. */
    private readonly planes: readonly MotionPlane[],
  ) {}

  get ppmHeader(): Buffer {
    return Buffer.from(`P6\n${this.geo.width} ${this.geo.height}\n255\n`, 'latin1');
  }

  prefetch(layers: readonly FrameLayer[]): void {
    if (layers[0]) this.sources(layers[0].segment).catch(() => undefined); // a failure surfaces when the frame renders
  }

  async render(layers: readonly FrameLayer[]): Promise<Buffer> {
    const { width, height } = this.geo;
    const layer = layers[0];
    if (!layer) return Buffer.alloc(width * height * 3);
    const start = layer.segment.framing?.start ?? layer.rect;
    const [back, ...fronts] = await this.sources(layer.segment);
    const base = await this.drawBack(back.source, planeRect(start, layer.rect, back.travel));
    const overlays = await Promise.all(fronts.map((f) => this.drawFront(f.source, planeRect(start, layer.rect, f.travel))));
    const drawn = overlays.filter((o): o is OverlayOptions => o !== null);
    if (drawn.length === 0) return base;
    return sharp(base, { raw: { width, height, channels: 3 } }).composite(drawn).removeAlpha().raw().toBuffer();
  }

  /** The back plane over black, as the whole frame (black only where a framing leaves the picture). */
  private async drawBack(src: PictureSource, rect: NormRect): Promise<Buffer> {
    const { width, height, picture } = this.geo;
    const plan = planRegion(src, rect, picture);
    if (!plan) return Buffer.alloc(width * height * 3);
    const left = picture.x + plan.x;
    const top = picture.y + plan.y;
    const bars = { left, top, right: width - left - plan.width, bottom: height - top - plan.height };
    const img = drawRegion(src, plan);
    const whole = bars.left === 0 && bars.top === 0 && bars.right === 0 && bars.bottom === 0;
    return (whole ? img : img.extend({ ...bars, background: { r: 0, g: 0, b: 0 } })).raw().toBuffer();
  }

  /** A transparent plane's part in the frame, placed; null when the framing shows none of it. */
  private async drawFront(src: PictureSource, rect: NormRect): Promise<OverlayOptions | null> {
    const { picture } = this.geo;
    const plan = planRegion(src, rect, picture);
    if (!plan) return null;
    const data = await drawRegion(src, plan).raw().toBuffer();
    return { input: data, raw: { width: plan.width, height: plan.height, channels: 4 }, left: picture.x + plan.x, top: picture.y + plan.y };
  }

  /** Each plane decoded once, at the detail the move's closest framing needs (as the animatic decodes a picture). */
  private sources(seg: TimelineSegment): Promise<PlaneSource[]> {
    this.loaded ??= Promise.all(
      this.planes.map(async (p, k) => ({ source: await loadSource(seg, p.image.data, this.geo.picture, k > 0), travel: planeTravel(p.depth) })),
    );
    return this.loaded;
  }
}
