import sharp, { type Sharp } from 'sharp';
import type { BurnIn, TimelineSegment } from '../../../shared/domain/animatic';
import type { FrameLayer, OutputGeometry } from '../../../shared/domain/animatic-frame';
import { hasMove } from '../../../shared/domain/animatic-frame';
import { panelOverlays, type Overlay } from './burn-ins';
import { drawRegion, loadSource, planRegion, type PictureSource } from './picture-source';
import type { ClipPictures } from './clip-pictures';

const BLACK = { r: 0, g: 0, b: 0 };

/**
 * Draws frames of the timeline as RGB pixels (sent to ffmpeg as binary PPM): black, then each layer
 * over it at its opacity, then the panel's burn-ins; all of it in libvips. Keeps the few decoded
 * pictures a dissolve needs.
 */
export class FrameComposer {
  private readonly sources = new Map<number, Promise<PictureSource>>();
  private readonly overlays = new Map<number, Promise<Overlay[]>>();

  constructor(
    private readonly geo: OutputGeometry,
    private readonly burnIns: readonly BurnIn[],
    private readonly readImage: (sha256: string) => Buffer | undefined,
    /** Draws clip frames; without it a clip panel shows its still (the poster). */
    private readonly clips: ClipPictures | null = null,
  ) {}

  get geometry(): OutputGeometry {
    return this.geo;
  }

  /**
   * The stored image bytes when drawing the layer would reproduce them exactly: an opaque sRGB PNG of
   * exactly the frame's size, shown whole (no bars, no move, no fade, no burn-ins). Else null.
   */
  async unchangedOriginal(layer: FrameLayer, current: TimelineSegment): Promise<Buffer | null> {
    const { width, height, picture } = this.geo;
    const seg = layer.segment;
    const r = layer.rect;
    if (!seg.imageSha256 || layer.opacity !== 1 || hasMove(seg.framing) || r.x !== 0 || r.y !== 0 || r.w !== 1 || r.h !== 1) return null;
    if (picture.width !== width || picture.height !== height || (await this.panelOverlays(current)).length > 0) return null;
    const bytes = this.readImage(seg.imageSha256);
    if (!bytes) return null;
    const m = await sharp(bytes).metadata();
    const plain = m.format === 'png' && m.width === width && m.height === height && !m.hasAlpha && !m.icc && (m.orientation ?? 1) === 1;
    return plain ? bytes : null;
  }

  /** The PPM header that precedes each frame's pixels on ffmpeg's stdin. */
  get ppmHeader(): Buffer {
    return Buffer.from(`P6\n${this.geo.width} ${this.geo.height}\n255\n`, 'latin1');
  }

  /** The frame's RGB pixels; `current` is the panel whose burn-ins show (the one at the cut). */
  async render(layers: readonly FrameLayer[], current: TimelineSegment): Promise<Buffer> {
    const { width, height } = this.geo;
    const visible = layers.filter((l) => l.opacity > 0);
    const whole = visible.length === 1 && this.clips && (await this.panelOverlays(current)).length === 0 ? this.clips.whole(visible[0]) : null;
    if (whole) return whole;
    const [overlays, base, above] = await Promise.all([
      this.panelOverlays(current),
      visible[0] ? this.baseLayer(visible[0]) : Promise.resolve(Buffer.alloc(width * height * 3)),
      Promise.all(visible.slice(1).map((l) => this.upperLayer(l))),
    ]);
    this.forgetFarFrom(current.index);
    if (above.length === 0 && overlays.length === 0) return base;
    const inputs = [...above, ...overlays].map((o) => ({ input: o.data, raw: { width: o.width, height: o.height, channels: 4 as const }, left: o.x, top: o.y }));
    return sharp(base, { raw: { width, height, channels: 3 } }).composite(inputs).removeAlpha().raw().toBuffer();
  }

  /** The bottom layer over black, as the whole frame (letterbox bars included). */
  private async baseLayer(layer: FrameLayer): Promise<Buffer> {
    const { width, height, picture } = this.geo;
    const src = await this.layerSource(layer);
    const plan = planRegion(src, layer.rect, picture);
    if (!plan) return Buffer.alloc(width * height * 3);
    let img = drawRegion(src, plan);
    if (layer.opacity < 1) img = img.linear(layer.opacity, 0);
    const left = picture.x + plan.x;
    const top = picture.y + plan.y;
    return withBars(img, { left, top, right: width - left - plan.width, bottom: height - top - plan.height }).raw().toBuffer();
  }

  /** A layer over others: the whole picture area (black where its image does not reach) at its opacity. */
  private async upperLayer(layer: FrameLayer): Promise<Overlay> {
    const { picture } = this.geo;
    const src = await this.layerSource(layer);
    const plan = planRegion(src, layer.rect, picture);
    const at = { x: picture.x, y: picture.y, width: picture.width, height: picture.height };
    if (!plan) {
      const data = Buffer.alloc(picture.width * picture.height * 4);
      for (let i = 3; i < data.length; i += 4) data[i] = Math.round(layer.opacity * 255);
      return { ...at, data };
    }
    const bars = { left: plan.x, top: plan.y, right: picture.width - plan.x - plan.width, bottom: picture.height - plan.y - plan.height };
    const data = await withBars(drawRegion(src, plan), bars)
      .ensureAlpha(layer.opacity)
      .raw()
      .toBuffer();
    return { ...at, data };
  }

  private layerSource(layer: FrameLayer): Promise<PictureSource> {
    return layer.clipFrame !== null && this.clips ? this.clips.source(layer) : this.source(layer.segment);
  }

  /** Starts decoding the pictures of a later frame, so the first frame of a panel does not stall the encoder. */
  prefetch(layers: readonly FrameLayer[]): void {
    // Clip frames are not prefetched: their decoder reads forward, in the order frames are rendered.
    for (const l of layers) if (l.clipFrame === null || !this.clips) this.source(l.segment).catch(() => undefined); // a failure surfaces when that frame renders
  }

  private source(seg: TimelineSegment): Promise<PictureSource> {
    let p = this.sources.get(seg.index);
    if (!p) {
      p = loadSource(seg, seg.imageSha256 ? this.readImage(seg.imageSha256) : undefined, this.geo.picture);
      this.sources.set(seg.index, p);
    }
    return p;
  }

  private panelOverlays(seg: TimelineSegment): Promise<Overlay[]> {
    if (this.burnIns.length === 0) return Promise.resolve([]);
    let p = this.overlays.get(seg.index);
    if (!p) {
      p = panelOverlays(seg, this.geo, this.burnIns);
      this.overlays.set(seg.index, p);
    }
    return p;
  }

  /** Frames are rendered in order: pictures two panels back are not needed again. */
  private forgetFarFrom(index: number): void {
    for (const k of this.sources.keys()) if (k < index - 1) this.sources.delete(k);
    for (const k of this.overlays.keys()) if (k < index - 1) this.overlays.delete(k);
  }
}

/** Black bars around a drawn region; none at all (not even an empty extend, a full copy) when it fills the area. */
function withBars(img: Sharp, bars: { left: number; top: number; right: number; bottom: number }): Sharp {
  const none = bars.left === 0 && bars.top === 0 && bars.right === 0 && bars.bottom === 0;
  return none ? img : img.extend({ ...bars, background: BLACK });
}
