import type { Db } from '../db/connection';
import { prepareForLargeBlob } from '../db/blob-memory';
import { checkpointWhenIdle } from '../db/checkpoints';
import type { Swatch } from '../../../shared/domain/insights';
import { storePalette } from '../insights/palette-store';

export interface StoredImage {
  sha256: string;
  mime: string;
  width: number;
  height: number;
  byteSize: number;
  data: Buffer;
  thumb: Buffer;
  thumbMime: string;
  thumbWidth: number;
  thumbHeight: number;
  sourceName: string | null;
  /** Dominant colours of the thumbnail (insights/palette.ts); stored with the image when given. */
  palette?: Swatch[];
}

/**
 * An image's bytes alone, by SHA-256 (a no-op when they are there already). Written ahead of the
 * image's row when the thumbnail is still being made; storeImage completes it.
 */
export function storeImageData(db: Db, sha256: string, data: Buffer): void {
  // Looked up first: binding megabytes to an INSERT that is then ignored still copies them, twice.
  if (db.prepare('SELECT 1 FROM image_data WHERE sha256 = ?').get(sha256) !== undefined) return;
  prepareForLargeBlob(db, data.length);
  db.prepare('INSERT INTO image_data (sha256, data) VALUES (?, ?)').run(sha256, data);
  checkpointWhenIdle(db);
}

/** Stores an image once; a second store of the same bytes is a no-op. Images are not part of undo. */
export function storeImage(db: Db, img: StoredImage): void {
  storeImageData(db, img.sha256, img.data);
  db.prepare(
    `INSERT OR IGNORE INTO images (sha256, mime, width, height, byte_size, thumb, thumb_mime, thumb_width, thumb_height, source_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    img.sha256, img.mime, img.width, img.height, img.byteSize, img.thumb, img.thumbMime,
    img.thumbWidth, img.thumbHeight, img.sourceName, new Date().toISOString(),
  );
  if (img.palette) storePalette(db, img.sha256, img.palette);
}

export function readImageBytes(db: Db, sha256: string, kind: 'full' | 'thumb'): { mime: string; data: Buffer } | undefined {
  const sql =
    kind === 'thumb'
      ? 'SELECT thumb_mime AS mime, thumb AS data FROM images WHERE sha256 = ?'
      : 'SELECT i.mime, d.data FROM images i JOIN image_data d ON d.sha256 = i.sha256 WHERE i.sha256 = ?';
  return db.prepare(sql).get(sha256) as { mime: string; data: Buffer } | undefined;
}

/** Removes image bytes that no image row owns (a store cut short by a crash). Returns how many. */
export function deleteOrphanImageData(db: Db): number {
  return db.prepare('DELETE FROM image_data WHERE sha256 NOT IN (SELECT sha256 FROM images)').run().changes;
}

export function hasImage(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM images WHERE sha256 = ?').get(sha256) !== undefined;
}
