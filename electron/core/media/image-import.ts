import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { CoreError } from '../errors';
import type { StoredImage } from '../queries/image-queries';
import { extractPalette } from '../insights/palette';

/** Images wider or taller than this are downscaled on import ("8K"). Smaller ones are kept byte for byte. */
export const MAX_IMAGE_SIDE = 8192;
/**
 * Board thumbnails fit in this box: a little more than a card's picture at the default card size on
 * a standard screen (224 px). Cards drawn larger (zoomed in, large cards, HiDPI screens) ask for a
 * display-size preview, made from the original and kept outside the project (media/preview.ts). Small
 * thumbnails keep the project file within its overhead budget (bench/project-file.bench.ts: 384 px
 * thumbnails alone were 5% of typical 1280 px JPEG originals).
 */
export const THUMB_BOX = 256;

/**
 * The largest picture decoded, in pixels: sharp's own default (16383 x 16383, about 268 MP). A larger
 * one needs gigabytes of memory to decode; it is refused by name and size, not as unreadable.
 */
export const MAX_INPUT_PIXELS = 16383 * 16383;

const ACCEPTED: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  avif: 'image/avif',
  heif: 'image/heif',
};

/**
 * Validates image bytes and prepares them for storage: the original bytes (metadata, colour profile
 * and all) unless the image is larger than 8K, plus a small WebP thumbnail.
 */
export async function prepareImage(bytes: Buffer, sourceName: string | null): Promise<StoredImage> {
  const label = sourceName ?? 'The file';
  let meta: Metadata;
  try {
    // The header alone: the pixel limit is checked below, with a message that gives the size.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new CoreError('NOT_AN_IMAGE', `${label} is not an image Boardwright can read (use PNG, JPEG, WebP, GIF, TIFF or AVIF).`);
  }
  const mime = meta.format ? ACCEPTED[meta.format] : undefined;
  if (!mime || !meta.width || !meta.height) {
    throw new CoreError('NOT_AN_IMAGE', `${label} is not a supported image (${meta.format ?? 'unknown format'}). Use PNG, JPEG, WebP, GIF, TIFF or AVIF.`);
  }
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw tooLarge(label, meta.width, meta.height);
  try {
    let data = bytes;
    let storedMime = mime;
    if (meta.width > MAX_IMAGE_SIDE || meta.height > MAX_IMAGE_SIDE) {
      const resized = sharp(bytes).resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: 'inside' }).keepMetadata();
      data = meta.format === 'jpeg' ? await resized.jpeg({ quality: 92 }).toBuffer() : await resized.png().toBuffer();
      storedMime = meta.format === 'jpeg' ? 'image/jpeg' : 'image/png';
    }
    const finalMeta = data === bytes ? meta : await sharp(data).metadata();
    const thumb = await thumbnail(sharp(data).rotate());
    return await storedImage(data, storedMime, { width: finalMeta.width!, height: finalMeta.height! }, thumb, sourceName);
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('NOT_AN_IMAGE', `${label} could not be decoded: ${(e as Error).message}`);
  }
}

/** A picture as the project stores it: its bytes, their hash, its thumbnail and the thumbnail's dominant colours. */
export async function storedImage(data: Buffer, mime: string, size: { width: number; height: number }, thumb: { data: Buffer; info: OutputInfo }, sourceName: string | null): Promise<StoredImage> {
  return {
    sha256: createHash('sha256').update(data).digest('hex'),
    mime,
    ...size,
    byteSize: data.length,
    data,
    thumb: thumb.data,
    thumbMime: 'image/webp',
    thumbWidth: thumb.info.width,
    thumbHeight: thumb.info.height,
    sourceName,
    palette: await extractPalette(thumb.data),
  };
}

/** The board's thumbnail of a picture (a WebP fitting THUMB_BOX). */
export function thumbnail(picture: Sharp): Promise<{ data: Buffer; info: OutputInfo }> {
  return picture.resize(THUMB_BOX, THUMB_BOX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 55, smartSubsample: true, effort: 4 }).toBuffer({ resolveWithObject: true });
}

function tooLarge(label: string, width: number, height: number): CoreError {
  const mp = (n: number) => Math.round(n / 1e6).toLocaleString('en-US');
  return new CoreError(
    'TOO_LARGE',
    `${label} is too large: ${width.toLocaleString('en-US')} × ${height.toLocaleString('en-US')} pixels (${mp(width * height)} megapixels). ` +
      `Boardwright reads pictures up to ${mp(MAX_INPUT_PIXELS)} megapixels (16,383 × 16,383); scale it down and try again.`,
  );
}
