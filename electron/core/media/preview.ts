/**
 * Display-size previews: a card shown larger than its thumbnail (zoomed in, a large card size, a
 * HiDPI screen) asks for one. Made from the original on first request and kept in the OS cache folder,
 * never in the project file, which holds only the originals and small thumbnails (see THUMB_BOX).
 */
import sharp from 'sharp';
import type { Db } from '../db/connection';
import { PrintCache, defaultPrintCacheDir } from '../export/pdf/images/print-cache';
import { readImageBytes } from '../queries/image-queries';
import { previewWidth } from '../../../shared/domain/preview';

const QUALITY = 82;
/** The preview cache is pruned (least recently used first) after this many new previews. */
const PRUNE_EVERY = 200;
const PREVIEW_BUDGET_BYTES = 512 * 1024 * 1024;

export interface Preview {
  type: string;
  body: Buffer;
  /** 'no-store' for a body that changes under the same URL (a panel's layers); else cached for good (content-addressed). */
  cache?: 'no-store';
  /** An answer that is not the media: a refusal with its reason as the body (200 otherwise). */
  status?: number;
}

let shared: PrintCache | null = null;
let madeSincePrune = 0;

function previewCache(): PrintCache {
  shared ??= new PrintCache(defaultPrintCacheDir(process.env, process.platform, 'preview'));
  return shared;
}

/**
 * The picture `sha256` fitted inside `width` x `width` pixels, as JPEG; the original itself when it is
 * no larger. Null when the project has no such image.
 */
export async function previewImage(db: Db, sha256: string, width: number, cache: PrintCache = previewCache()): Promise<Preview | null> {
  const size = previewWidth(width);
  const meta = db.prepare('SELECT width, height FROM images WHERE sha256 = ?').get(sha256) as { width: number; height: number } | undefined;
  if (!meta) return null;
  if (Math.max(meta.width, meta.height) <= size) {
    const original = readImageBytes(db, sha256, 'full');
    return original ? { type: original.mime, body: original.data } : null;
  }
  const key = `${sha256}@${size}q${QUALITY}`;
  const cached = cache.read(key);
  if (cached && isWholeJpeg(cached)) return { type: 'image/jpeg', body: cached };
  const original = readImageBytes(db, sha256, 'full');
  if (!original) return null;
  const body = await sharp(original.data).rotate().resize(size, size, { fit: 'inside' }).flatten({ background: '#ffffff' }).jpeg({ quality: QUALITY }).toBuffer();
  cache.write(key, body);
  if (++madeSincePrune >= PRUNE_EVERY) {
    madeSincePrune = 0;
    cache.prune(PREVIEW_BUDGET_BYTES);
  }
  return { type: 'image/jpeg', body };
}

/** A damaged cache file is made again rather than served (previews are never rewritten otherwise). */
function isWholeJpeg(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0xff && data[1] === 0xd8 && data[data.length - 2] === 0xff && data[data.length - 1] === 0xd9;
}
