/**
 * Storing a generated image as a variation: decode and thumbnail it (outside any transaction), then
 * write the image once by SHA-256 and its variations row. Variations are a record of what was
 * generated, not an edit: they are written directly, not through undo.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { Db } from '../db/connection';
import { unsynced } from '../db/unsynced';
import { newId, now } from '../commands/ids';
import { CoreError, classifyStorageError } from '../errors';
import { MAX_IMAGE_SIDE, THUMB_BOX, prepareImage } from '../media/image-import';
import { storeImage, storeImageData, type StoredImage } from '../queries/image-queries';
import { extractPalette } from '../insights/palette';

export interface VariationRecord {
  panelId: string;
  jobId: string | null;
  promptVersionId: string | null;
  provider: string;
  model: string | null;
  seed: number | null;
  /** Every parameter that made the image (never a key). */
  params: Record<string, unknown>;
  elapsedMs: number | null;
  usage: Record<string, unknown> | null;
  costUsd: number | null;
}

const GENERATED_FORMATS: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/**
 * Decodes, validates and thumbnails image bytes a provider returned: prepareImage's result, faster.
 * Providers send PNG, JPEG or WebP without orientation tags, so the thumbnail needs no auto-rotate,
 * and it is encoded at WebP effort 1 without smart subsampling: half the CPU of an imported image's
 * thumbnail for the same size (measured in bench/generation.bench.ts at 384 px). The SHA-256 is
 * computed while libvips works, and `whileThumbnailing` (given it) runs then too: the caller writes
 * the bytes to the project meanwhile. Anything unusual (another format, larger than 8K, an EXIF
 * orientation) takes prepareImage's general path.
 */
export async function prepareGenerated(bytes: Buffer, whileThumbnailing?: (sha256: string) => void): Promise<StoredImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw new CoreError('NOT_AN_IMAGE', 'The provider sent something that is not an image.');
  }
  const mime = meta.format ? GENERATED_FORMATS[meta.format] : undefined;
  const plain = mime && meta.width && meta.height && meta.width <= MAX_IMAGE_SIDE && meta.height <= MAX_IMAGE_SIDE && (meta.orientation ?? 1) === 1;
  if (!plain) return prepareImage(bytes, null);
  const thumbing = sharp(bytes)
    .resize(THUMB_BOX, THUMB_BOX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 55, effort: 1 })
    .toBuffer({ resolveWithObject: true });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Not awaited yet: a failed write must not leave the thumbnail's rejection unobserved.
  thumbing.catch(() => undefined);
  whileThumbnailing?.(sha256);
  let thumb: { data: Buffer; info: OutputInfo };
  let palette: Awaited<ReturnType<typeof extractPalette>>;
  try {
    thumb = await thumbing;
    palette = await extractPalette(thumb.data);
  } catch (e) {
    throw new CoreError('NOT_AN_IMAGE', `The provider sent an image that could not be decoded: ${(e as Error).message}`);
  }
  return {
    sha256,
    mime: mime!,
    width: meta.width!,
    height: meta.height!,
    byteSize: bytes.length,
    data: bytes,
    thumb: thumb.data,
    thumbMime: 'image/webp',
    thumbWidth: thumb.info.width,
    thumbHeight: thumb.info.height,
    sourceName: null,
    palette,
  };
}

/** Writes prepared images and their variations rows. Call inside a transaction. Returns the new ids. */
export function writeVariations(db: Db, items: { image: StoredImage; record: VariationRecord }[]): string[] {
  const insert = db.prepare(
    `INSERT INTO variations (id, panel_id, job_id, prompt_version_id, image_sha256, provider, model, seed, params, elapsed_ms, usage, cost_usd, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const t = now();
  return items.map(({ image, record: r }) => {
    storeImage(db, image);
    const id = newId();
    insert.run(
      id, r.panelId, r.jobId, r.promptVersionId, image.sha256, r.provider, r.model, r.seed, JSON.stringify(r.params),
      r.elapsedMs === null ? null : Math.round(r.elapsedMs), r.usage ? JSON.stringify(r.usage) : null, r.costUsd, t,
    );
    return id;
  });
}

/**
 * Writes a generated image's bytes on their own, ahead of its row (see prepareGenerated). This commit
 * is not synced to disk (synchronous=NORMAL): the row's commit that follows syncs the log, and with
 * it these earlier frames, so a store pays for one sync, not two. A power cut before that leaves at
 * worst bytes without a row, which opening the project removes; SQLite still syncs any checkpoint.
 */
export function storeGeneratedBytes(db: Db, sha256: string, bytes: Buffer): void {
  if (db.inTransaction) throw new Error('storeGeneratedBytes writes its own transaction');
  try {
    unsynced(db, () => db.transaction(() => storeImageData(db, sha256, bytes)).immediate());
  } catch (e) {
    throw classifyStorageError(e, path.basename(db.name));
  }
}

/**
 * One variation end to end, as a job stores each of its images: the bytes are written while the
 * thumbnail is made, then the image row and the variation in one transaction. What
 * bench/generation.bench.ts measures.
 */
export async function storeVariation(db: Db, bytes: Buffer, record: VariationRecord): Promise<string> {
  const image = await prepareGenerated(bytes, (sha256) => storeGeneratedBytes(db, sha256, bytes));
  return db.transaction(() => writeVariations(db, [{ image, record }])[0]).immediate();
}
