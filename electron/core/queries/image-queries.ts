import type { Db } from '../db/connection';

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
}

/** Stores an image once; a second store of the same bytes is a no-op. Images are not part of undo. */
export function storeImage(db: Db, img: StoredImage): void {
  db.prepare(
    `INSERT OR IGNORE INTO images (sha256, mime, width, height, byte_size, data, thumb, thumb_mime, thumb_width, thumb_height, source_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    img.sha256, img.mime, img.width, img.height, img.byteSize, img.data, img.thumb, img.thumbMime,
    img.thumbWidth, img.thumbHeight, img.sourceName, new Date().toISOString(),
  );
}

export function readImageBytes(db: Db, sha256: string, kind: 'full' | 'thumb'): { mime: string; data: Buffer } | undefined {
  const sql =
    kind === 'thumb'
      ? 'SELECT thumb_mime AS mime, thumb AS data FROM images WHERE sha256 = ?'
      : 'SELECT mime, data FROM images WHERE sha256 = ?';
  return db.prepare(sql).get(sha256) as { mime: string; data: Buffer } | undefined;
}

export function hasImage(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM images WHERE sha256 = ?').get(sha256) !== undefined;
}
