/**
 * The built-in clip of a panel drawn as depth planes: each plane takes its own share of the camera's
 * travel, the front one all of it (the move as framed), the back one less, so the sketch drifts a
 * little over the picture behind it (parallax). Every plane starts at the move's first framing, so the
 * first frame is the panel's picture as it is flattened.
 */
import type { TimelineSegment } from '../../../../shared/domain/animatic';
import { lerpRect, type FrameLayer, type NormRect, type OutputGeometry } from '../../../../shared/domain/animatic-frame';
import { drawRegion, loadSource, planRegion, type PictureSource } from '../../animatic/picture-source';
import type { PictureComposer } from '../../animatic/video-encode';
import type { MotionPlane } from '../video-provider';
import { drawInk, inkBands, over, type PlanePart, type Span } from './sparse-plane';

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
  /** Where a transparent plane has ink (decoded pixels); null for the opaque back plane. */
  ink: Span[] | null;
}

/**
 * Draws the frames of one panel alone from its planes, as the move clip plays it: cut in and out,
 * so its one layer is always at full opacity (no dissolve, no fade), and no burn-ins.
 */
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
    const [frame, ...parts] = await Promise.all([
      this.drawBack(back.source, planeRect(start, layer.rect, back.travel)),
      ...fronts.map((f) => this.drawFront(f, planeRect(start, layer.rect, f.travel))),
    ]);
    for (const part of (parts as PlanePart[][]).flat()) over(frame as Buffer, width, part);
    return frame as Buffer;
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

  /** A transparent plane's inked parts, placed in the frame. */
  private async drawFront(plane: PlaneSource, rect: NormRect): Promise<PlanePart[]> {
    const { picture } = this.geo;
    const plan = planRegion(plane.source, rect, picture);
    if (!plan) return [];
    const parts = await drawInk(plane.source, plan, plane.ink ?? []);
    return parts.map((p) => ({ ...p, left: picture.x + plan.x + p.left, top: picture.y + plan.y + p.top }));
  }

  /** Each plane decoded once, at the detail the move's closest framing needs (as the animatic decodes a picture). */
  private sources(seg: TimelineSegment): Promise<PlaneSource[]> {
    this.loaded ??= Promise.all(
      this.planes.map(async (p, k) => {
        const source = await loadSource(seg, p.image.data, this.geo.picture, k > 0);
        return { source, travel: planeTravel(p.depth), ink: k > 0 ? inkBands(source.data, source.width, source.height) : null };
      }),
    );
    return this.loaded;
  }
}
