/** Clips stored once by SHA-256 in the project file, each with its poster frame stored as an image. */
import type { Db } from '../db/connection';
import { deferCheckpoint } from '../db/checkpoints';
import { prepareImage } from '../media/image-import';
import { storeImage } from '../queries/image-queries';
import { now } from '../commands/ids';
import path from 'node:path';
import { unsynced } from '../db/unsynced';
import { presyncLog } from '../db/presync';
import { classifyStorageError } from '../errors';
import { prepareClip, type PreparedClip } from './clip-probe';
import { deleteClipChunks, hasClipBytes, insertClipChunks, readClipChunks, withWriteCache } from './clip-chunks';

/** A stored clip's measures (as prepareClip read them) and its poster image. */
export type StoredClip = Pick<PreparedClip, 'sha256' | 'mime' | 'width' | 'height' | 'fpsNum' | 'fpsDen' | 'frames' | 'durationMs'> & { posterSha256: string };

/**
 * Checks and stores a clip, writing its bytes into the project while ffmpeg checks them, then flushing
 * them to disk while ffmpeg finishes, so the row's durable commit has little left to sync. Bytes of a
 * clip that fails the check are taken out again; a crash in between leaves bytes without a clip row,
 * which opening the project removes.
 */
export async function importClip(db: Db, bytes: Buffer, sourceName: string | null): Promise<StoredClip> {
  let wrote: string | null = null;
  return deferCheckpoint(db, async () => {
    try {
      const clip = await prepareClip(bytes, sourceName, (sha256) => {
        wrote = writeClipBytes(db, sha256, bytes) ? sha256 : null;
      });
      return await storeClip(db, clip);
    } catch (e) {
      if (wrote && !readClip(db, wrote)) deleteClipChunks(db, wrote);
      throw e;
    }
  });
}

/**
 * The clip's bytes alone, ahead of its row; false when they are already stored. Not synced by their
 * commit: the flush starts here in the background, and the row's commit syncs the log (see
 * storeGeneratedBytes).
 */
function writeClipBytes(db: Db, sha256: string, data: Buffer): boolean {
  if (hasClipBytes(db, sha256)) return false;
  try {
    withWriteCache(db, () => unsynced(db, () => db.transaction(() => insertClipChunks(db, sha256, data)).immediate()));
  } catch (e) {
    throw classifyStorageError(e, path.basename(db.name));
  }
  void presyncLog(db);
  return true;
}

/** Stores a checked clip (prepareClip) and its poster; a clip already stored is not written again. */
export async function storeClip(db: Db, clip: PreparedClip): Promise<StoredClip> {
  const poster = await prepareImage(clip.poster, clip.sourceName ? `${clip.sourceName} (poster)` : null);
  db.transaction(() => {
    storeImage(db, poster);
    if (db.prepare('SELECT 1 FROM clips WHERE sha256 = ?').get(clip.sha256) !== undefined) return;
    if (!hasClipBytes(db, clip.sha256)) insertClipChunks(db, clip.sha256, clip.data);
    db.prepare(
      `INSERT INTO clips (sha256, mime, byte_size, width, height, fps_num, fps_den, frames, duration_ms, poster_sha256, source_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(clip.sha256, clip.mime, clip.byteSize, clip.width, clip.height, clip.fpsNum, clip.fpsDen, clip.frames, clip.durationMs, poster.sha256, clip.sourceName, now());
  })();
  return readClip(db, clip.sha256)!;
}

export function readClip(db: Db, sha256: string): StoredClip | undefined {
  const row = db
    .prepare(
      `SELECT sha256, mime, width, height, fps_num AS fpsNum, fps_den AS fpsDen, frames, duration_ms AS durationMs, poster_sha256 AS posterSha256
       FROM clips WHERE sha256 = ?`,
    )
    .get(sha256) as StoredClip | undefined;
  return row;
}

/** A stored clip's bytes; undefined for an unknown clip, CORRUPT when some are missing from the file. */
export function readClipBytes(db: Db, sha256: string): Buffer | undefined {
  const size = db.prepare('SELECT byte_size FROM clips WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
  return readClipChunks(db, sha256, size);
}
