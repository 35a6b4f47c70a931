import fs from 'node:fs';
import path from 'node:path';
import { scratchRoot } from '../../../files/scratch-dir';

/** How a picture is decoded for a print copy whose long side is at least `px`. */
export interface DecodePlan {
  /** libjpeg's decode-time scale: the JPEG decodes at 1/shrink of its size (1: full size, then resized). */
  shrink: 1 | 2 | 4 | 8;
  /** The print copy's long side, the size to resize to. */
  size: number;
  /** Decoded at `shrink`, the picture is already `size` (libjpeg may round up a pixel): no resize. */
  asDecoded: boolean;
}

/**
 * A JPEG decodes at 1/2, 1/4 or 1/8 of its size for much less work (libjpeg scales in the DCT: fewer
 * pixels to transform, upsample and convert). The print copy is the smallest of those sizes still at
 * least the print size when it is not much more (<= 1.3x), else the print size. A JPEG is decoded at
 * the largest scale still at least the print size, and resized from there by less than 2x (or not at
 * all when that scale is the print copy's size). Other formats, and JPEGs more than 16x the print
 * size (sharp shrinks those on load itself), decode whole: the print copy is the same size either way.
 */
export function planDecode(longSide: number | null, px: number, jpeg: boolean): DecodePlan {
  const shrink = longSide ? ([8, 4, 2] as const).find((k) => Math.floor(longSide / k) >= px) : undefined;
  if (!longSide || !shrink) return { shrink: 1, size: px, asDecoded: false };
  const decoded = Math.floor(longSide / shrink);
  const size = decoded <= px * 1.3 ? decoded : px;
  if (!jpeg || decoded >= px * 2) return { shrink: 1, size, asDecoded: false };
  return { shrink, size, asDecoded: size === decoded };
}

export function isJpeg(data: Buffer): boolean {
  return data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
}

/**
 * sharp has no option to decode a Buffer at a smaller scale, and its own shrink-on-load skips exactly
 * the common case: a shrink factor from 2 up to 3 (a 1280 px frame printed at ~640 px) decodes whole
 * (sharp's guard against libjpeg rounding). libvips takes load options in a file name
 * (`file.jpg[shrink=2]`), so the original is written to a scratch file for the decode.
 * Each picture gets its own file name: libvips caches loads by name.
 */
export class ShrinkOnLoad {
  private dir: string | null | undefined;
  private next = 0;

  /**
   * Writes `data` where libvips can load it at 1/shrink. Returns sharp's input and a function that
   * removes the file, or null when no scratch folder can be had (decode the Buffer instead).
   */
  async write(data: Buffer, shrink: number): Promise<{ input: string; done(): void } | null> {
    const dir = this.folder();
    if (!dir) return null;
    const file = path.join(dir, `${this.next++}.jpg`);
    try {
      // A small write to the page cache: done in place, cheaper than a round trip through the thread pool.
      fs.writeFileSync(file, data);
    } catch {
      return null;
    }
    // unlink, not rm: fs.rm checks the path with lstat on the calling thread first (0.2 ms a picture).
    return { input: `${file}[shrink=${shrink}]`, done: () => fs.unlink(file, () => undefined) };
  }

  /** Removes the scratch folder; pictures decoded after this read their Buffer. */
  close(): void {
    try {
      if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // A file still held open (Windows) stays in the temp folder for the OS to clear.
    }
    this.dir = null;
  }

  private folder(): string | null {
    if (this.dir === undefined) {
      try {
        this.dir = fs.mkdtempSync(path.join(scratchRoot(), 'boardwright-decode-'));
      } catch {
        this.dir = null;
      }
    }
    return this.dir;
  }
}

