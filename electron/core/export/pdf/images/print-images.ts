import os from 'node:os';
import sharp from 'sharp';
import type { Db } from '../../../db/connection';
import { BlobReader } from './blob-reader';
import { ByteLru } from './lru';
import { PrintCache } from './print-cache';
import { ShrinkOnLoad, isJpeg, planDecode } from './shrink-on-load';

/** A picture ready to embed: a JPEG downscaled to print size. */
export interface PreparedImage {
  data: Buffer;
  width: number;
  height: number;
  bytes: number;
}

/** Downscaled pictures are kept across exports (a second export or preview of the same board is instant). */
const cache = new ByteLru<PreparedImage>(40 * 1024 * 1024);

/** Drops the in-memory copies (as a new process starts): the next request reads the disk cache. */
export function forgetPreparedImages(): void {
  cache.clear();
}
/**
 * Pictures downscaled at once: one per core and one more to cover the reads, at most libuv's four
 * threads (sharp works on them). On two cores, four at once were 3-4% slower than three (more
 * threads than cores, each switch costly under a hypervisor; bench/pdf-export.bench.ts).
 */
const PARALLEL = Math.min(4, os.availableParallelism() + 1);

export interface ImageSourceOptions {
  /** Use the stored thumbnail when it is big enough (the preview): much faster, slightly softer. */
  allowThumbnails?: boolean;
  quality?: number;
  /** Print-size copies kept on disk between exports (default: the user's cache folder). */
  cache?: PrintCache;
  /** false: leave JPEG decoding to sharp, as before shrink-on-load (the benchmark's baseline). */
  shrinkOnLoad?: boolean;
}

/**
 * Each picture is read from the project once, downscaled to the size it prints at (about 200 dpi)
 * with sharp, and encoded as JPEG: the PDF embeds a few tens of kilobytes per panel, not the original.
 * A picture that cannot be decoded comes back as null (the panel prints "No picture"), never an error.
 */
export class PrintImages {
  private readonly pending = new Map<string, Promise<PreparedImage | null>>();
  private readonly queue: (() => void)[] = [];
  private active = 0;
  private closed = false;
  private readonly blobs: BlobReader;

  /** `file` is the project's path, for a second read-only connection (null: read through `db`). */
  constructor(
    db: Db,
    file: string | null,
    private readonly extra: Map<string, Buffer> = new Map(),
    private readonly opts: ImageSourceOptions = {},
  ) {
    this.blobs = new BlobReader(file, db);
    this.disk = opts.cache ?? new PrintCache();
  }

  private readonly disk: PrintCache;
  private readonly scratch = new ShrinkOnLoad();

  /**
   * Releases the read-only connection (call when the export is done) and writes the print copies made
   * meanwhile to the disk cache in the background: the returned promise (also settlePrintCaches) ends then.
   */
  close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    this.blobs.close();
    this.scratch.close();
    return this.disk.flushLater();
  }

  /** `key` is "sha:<sha256>" for project pictures or a name given in `extra` (the cover logo). */
  get(key: string, px: number): Promise<PreparedImage | null> {
    const id = `${key}@${px}${this.opts.allowThumbnails ? 't' : ''}`;
    const hit = cache.get(id);
    if (hit) return Promise.resolve(hit);
    let p = this.pending.get(id);
    if (!p) {
      p = this.limited(() => this.prepare(key, px)).then((img) => {
        if (img) cache.set(id, img);
        this.pending.delete(id);
        return img;
      });
      this.pending.set(id, p);
    }
    return p;
  }

  private limited<T>(fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        this.active++;
        fn().then(resolve, reject).finally(() => {
          this.active--;
          this.queue.shift()?.();
        });
      };
      if (this.active < PARALLEL) run();
      else this.queue.push(run);
    });
  }

  private read(key: string, px: number): { data: Buffer; longSide: number | null } | null {
    if (!key.startsWith('sha:')) {
      const data = this.extra.get(key);
      return data ? { data, longSide: null } : null;
    }
    const sha = key.slice(4);
    if (this.opts.allowThumbnails) {
      const thumb = this.blobs.thumb(sha);
      if (thumb && Math.max(thumb.width, thumb.height) >= px * 0.9) return { data: thumb.data, longSide: Math.max(thumb.width, thumb.height) };
    }
    const full = this.blobs.full(sha);
    return full ? { data: full.data, longSide: Math.max(full.width, full.height) } : null;
  }

  private async prepare(key: string, px: number): Promise<PreparedImage | null> {
    if (this.closed) return null;
    const quality = this.opts.quality ?? 84;
    // Full-resolution prints of project pictures are cached on disk (previews come from thumbnails).
    const diskKey = key.startsWith('sha:') && !this.opts.allowThumbnails ? `${key.slice(4)}@${px}q${quality}` : null;
    const cached = diskKey ? this.disk.read(diskKey) : null;
    if (cached) {
      const meta = await sharp(cached).metadata().catch(() => null);
      if (meta?.width && meta.height) return { data: cached, width: meta.width, height: meta.height, bytes: cached.length };
    }
    const source = this.read(key, px);
    if (!source) return null;
    const plan = planDecode(source.longSide, px, this.opts.shrinkOnLoad !== false && isJpeg(source.data));
    const scaled = plan.shrink > 1 ? await this.scratch.write(source.data, plan.shrink) : null;
    try {
      // A scaled decode that fails (a JPEG kind libjpeg cannot scale) is tried again whole.
      const img =
        (scaled && (await this.downscale(scaled.input, plan.asDecoded ? null : plan.size, quality).catch(() => null))) ??
        (await this.downscale(source.data, plan.size, quality));
      if (diskKey) this.disk.keep(diskKey, img.data);
      return img;
    } catch {
      return null;
    } finally {
      scaled?.done();
    }
  }

  /** Decodes `input`, resizes it to fit `size` (null: as decoded, since resampling by ~1x only softens) and encodes the print JPEG. */
  private async downscale(input: Buffer | string, size: number | null, quality: number): Promise<PreparedImage> {
    let pipeline = sharp(input, { failOn: 'none', autoOrient: true });
    if (size) pipeline = pipeline.resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, optimiseCoding: false }).toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, bytes: data.length };
  }
}
