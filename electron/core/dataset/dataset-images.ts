import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { readImageBytes } from '../queries/image-queries';
import { imageFile } from './dataset-format';

const WRITES_IN_FLIGHT = 8;

/**
 * The pictures a dataset refers to: every file named in a JSON Lines record is registered here, and
 * each one is written once into images/, named by its SHA-256.
 */
export class DatasetImages {
  private readonly mimes: Map<string, string>;
  private readonly used = new Map<string, string>();

  constructor(private readonly db: Db) {
    const rows = db.prepare('SELECT sha256, mime FROM images').all() as { sha256: string; mime: string }[];
    this.mimes = new Map(rows.map((r) => [r.sha256, r.mime]));
  }

  /** The dataset-relative file for an image, or null when there is none (or it is not in the project). */
  ref(sha256: string | null | undefined): string | null {
    if (!sha256) return null;
    const known = this.used.get(sha256);
    if (known) return known;
    const mime = this.mimes.get(sha256);
    if (!mime) return null;
    const file = imageFile(sha256, mime);
    this.used.set(sha256, file);
    return file;
  }

  get count(): number {
    return this.used.size;
  }

  /**
   * Writes each registered image into `dir`; returns the bytes written. Reading a picture from the
   * project is synchronous: a few writes stay in flight meanwhile, so the disk is never idle.
   */
  async write(dir: string, progress: (done: number, total: number) => void, signal?: AbortSignal): Promise<number> {
    fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
    const inFlight = new Set<Promise<void>>();
    let bytes = 0;
    let done = 0;
    for (const [sha256, file] of this.used) {
      signal?.throwIfAborted();
      const image = readImageBytes(this.db, sha256, 'full');
      const written = (image ? fs.promises.writeFile(path.join(dir, file), image.data) : Promise.resolve()).then(() => {
        bytes += image?.data.length ?? 0;
        progress(++done, this.used.size);
      });
      inFlight.add(written);
      void written.then(() => inFlight.delete(written), () => inFlight.delete(written));
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return bytes;
  }
}
