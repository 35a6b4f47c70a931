import { aspectValue } from '../../../shared/domain/project';
import type { RawPicture } from '../media/composite-image';
import { flattenRect, fullRect, unionRect, type Rect } from '../media/raster-blend';
import { drawOntoLayer, renderBase, renderSketchLayer, type FrameSize } from '../media/sketch-render';
import { printedLayers, type StoredStroke } from './layer-state';
import type { PictureState } from './picture-state';

interface LayerRaster {
  /** The strokes the raster shows (the bytes as stored), to tell what an edit added. */
  strokes: readonly StoredStroke[];
  rgba: Buffer;
}

interface PanelCache {
  panelId: string;
  groundKey: string;
  frame: FrameSize;
  photo: boolean;
  ground: Buffer;
  layers: Map<string, LayerRaster>;
  printedKey: string;
  picture: Buffer;
}

/** A drawn picture, and the part of it laid again since the last drawing (null: none; the whole frame for a new panel). */
export interface DrawnPicture extends RawPicture {
  changed: Rect | null;
}

/** A stroke laid on a kept raster: where, and its ink (RGBA over that rectangle). */
interface Laid {
  rect: Rect;
  ink: Buffer;
}

/** Up to this many strokes added, the picture is laid again under their ink only, not over their whole rectangle. */
const MASKED_STROKES = 16;

/** Rasters of layers no longer printed (hidden, say) are kept up to this much memory, for when they come back. */
const SPARE_BYTES = 64 * 1024 * 1024;
/** The rasters are let go when the panel has not been drawn for this long. */
const IDLE_MS = 2 * 60 * 1000;

/**
 * Draws a panel's flattened picture from rasters kept between drawings: its ground (paper and
 * reference picture) and each layer's strokes. After an edit that adds strokes to a layer, as almost
 * every edit while drawing does, only those strokes are rendered and only the pixels they cover are
 * laid again; any other change renders the layers it touched. The rasters of one panel are kept
 * (the one being drawn on), about 10 MB a layer at 2048 x 1152.
 */
export class PanelRasters {
  private cache: PanelCache | null = null;
  private idle: NodeJS.Timeout | null = null;

  /**
   * The picture for this state of the panel. The buffer is reused by the next drawing: encode it
   * before asking for another.
   */
  async draw(panelId: string, state: PictureState, imageBytes: () => Buffer | null): Promise<DrawnPicture> {
    this.keepForAWhile();
    try {
      return await this.drawCached(panelId, state, imageBytes);
    } catch (e) {
      // A drawing that failed half-way may have left a raster changed: start afresh next time.
      this.cache = null;
      throw e;
    }
  }

  /** Lets the rasters go. */
  release(): void {
    this.cache = null;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }

  private async drawCached(panelId: string, state: PictureState, imageBytes: () => Buffer | null): Promise<DrawnPicture> {
    const groundKey = `${state.imageVisible ? state.imageSha : '-'}|${state.imageOpacity}|${state.aspect}`;
    let cache = this.cache;
    let whole = false;
    if (!cache || cache.panelId !== panelId || cache.groundKey !== groundKey) {
      const image = state.imageSha && state.imageVisible ? imageBytes() : null;
      const { frame, base } = await renderBase(aspectValue(state.aspect), image, state.imageOpacity);
      const sameFrame = cache?.panelId === panelId && cache.frame.width === frame.width && cache.frame.height === frame.height;
      cache = {
        panelId,
        groundKey,
        frame,
        photo: image !== null,
        ground: base,
        layers: sameFrame && cache ? cache.layers : new Map(),
        printedKey: '',
        picture: Buffer.allocUnsafe(base.length),
      };
      this.cache = cache;
      whole = true;
    }
    const printed = printedLayers(state.layers);
    const laid: Laid[] = [];
    for (const layer of printed) if (!(await this.bringUpToDate(cache, layer.id, layer.strokes, laid))) whole = true;
    const printedKey = printed.map((l) => `${l.id}@${l.opacity}`).join(' ');
    if (printedKey !== cache.printedKey) whole = true;
    cache.printedKey = printedKey;
    this.forgetSpares(cache, state, new Set(printed.map((l) => l.id)));
    const changed = whole ? fullRect(cache.frame) : laid.reduce<Rect | null>((all, l) => unionRect(all, l.rect), null);
    if (changed) {
      const rasters = printed.map((l) => ({ rgba: cache.layers.get(l.id)!.rgba, opacity: l.opacity }));
      const flatten = (rect: Rect, mask?: Buffer) => flattenRect(cache.picture, cache.ground, rasters, cache.frame.width, rect, mask);
      // A few strokes added and nothing else changed: the picture changes only under their ink.
      if (!whole && laid.length <= MASKED_STROKES) for (const l of laid) flatten(l.rect, l.ink);
      else flatten(changed);
    }
    return { picture: cache.picture, frame: cache.frame, photo: cache.photo, changed };
  }

  /**
   * Makes a layer's raster show these strokes: false when it was drawn anew (every pixel may have
   * changed), true when it was kept, with the strokes added to it listed in `laid`.
   */
  private async bringUpToDate(cache: PanelCache, layerId: string, strokes: readonly StoredStroke[], laid: Laid[]): Promise<boolean> {
    const kept = cache.layers.get(layerId);
    if (kept && startsWith(strokes, kept.strokes)) {
      const added = strokes.slice(kept.strokes.length);
      kept.strokes = strokes;
      if (added.length > 0) await drawOntoLayer(kept.rgba, added.map((s) => s.stroke), cache.frame, (rect, ink) => laid.push({ rect, ink }));
      return true;
    }
    cache.layers.set(layerId, { strokes, rgba: await renderSketchLayer(strokes.map((s) => s.stroke), cache.frame) });
    return false;
  }

  /** Drops the rasters of layers gone from the panel, and of unprinted ones past the spare allowance. */
  private forgetSpares(cache: PanelCache, state: PictureState, printed: Set<string>): void {
    const present = new Set(state.layers.map((l) => l.id));
    let spare = 0;
    for (const [id, raster] of cache.layers) {
      if (printed.has(id)) continue;
      spare += raster.rgba.length;
      if (!present.has(id) || spare > SPARE_BYTES) cache.layers.delete(id);
    }
  }

  private keepForAWhile(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.release(), IDLE_MS);
    this.idle.unref();
  }
}

/** True when `strokes` begins with exactly the strokes of `prefix` (same places, same bytes). */
function startsWith(strokes: readonly StoredStroke[], prefix: readonly StoredStroke[]): boolean {
  if (prefix.length > strokes.length) return false;
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (strokes[i] !== prefix[i] && (strokes[i].seq !== prefix[i].seq || !strokes[i].data.equals(prefix[i].data))) return false;
  }
  return true;
}
