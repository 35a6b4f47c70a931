import { randomBytes } from 'node:crypto';
import { UPLOAD_LIMITS, type UploadKind, type UploadReceipt } from '../../../shared/api/uploads';
import { CoreError } from '../errors';

export interface UploadStoreOptions {
  /** How long an upload waits for the API call that uses it. */
  ttlMs?: number;
  /** Bytes held at once across all waiting uploads; more is refused until some are used or expire. */
  maxTotalBytes?: number;
  now?: () => number;
}

interface Held {
  kind: UploadKind;
  bytes: Buffer;
  expires: number;
}

const DEFAULT_TTL_MS = 10 * 60_000;
const DEFAULT_MAX_TOTAL = 1024 * 1024 * 1024;

/**
 * Bytes that arrived on the upload channel (web: POST /upload/<kind>; Electron: IPC), held under an
 * opaque random id until an API method takes them, once, or until they expire. One store per session
 * host (web server or Electron main). Expired uploads are dropped whenever the store is used.
 */
export class UploadStore {
  private readonly held = new Map<string, Held>();
  private total = 0;
  /** Bytes of uploads still arriving, set aside so concurrent uploads cannot together pass the cap. */
  private pending = 0;
  private readonly ttlMs: number;
  private readonly maxTotal: number;
  private readonly now: () => number;

  constructor(opts: UploadStoreOptions = {}) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_TTL_MS;
    this.maxTotal = opts.maxTotalBytes ?? DEFAULT_MAX_TOTAL;
    this.now = opts.now ?? Date.now;
  }

  /** Bytes held right now (after dropping expired uploads). */
  get heldBytes(): number {
    this.sweep();
    return this.total;
  }

  /** Whether `size` more bytes would fit beside those held and those still arriving. */
  hasRoom(size: number): boolean {
    this.sweep();
    return this.total + this.pending + size <= this.maxTotal;
  }

  /**
   * Sets `size` bytes aside for an upload about to be read (its announced length, or its kind's limit),
   * or answers false when they would not fit. The caller hands them back with release() before put().
   */
  reserve(size: number): boolean {
    if (!this.hasRoom(size)) return false;
    this.pending += size;
    return true;
  }

  release(size: number): void {
    this.pending = Math.max(0, this.pending - size);
  }

  /** Keeps bytes of one kind (size-checked against the kind's limit) and answers their id. */
  put(kind: UploadKind, bytes: Buffer): UploadReceipt {
    if (bytes.length === 0) throw new CoreError('BAD_INPUT', 'The file is empty.');
    checkSize(kind, bytes.length);
    if (!this.hasRoom(bytes.length)) {
      throw new CoreError('BAD_INPUT', 'Too many files are waiting to be added; add fewer at once.');
    }
    const uploadId = randomBytes(18).toString('base64url');
    this.held.set(uploadId, { kind, bytes, expires: this.now() + this.ttlMs });
    this.total += bytes.length;
    return { uploadId, bytes: bytes.length };
  }

  /** The bytes of one upload, which is then forgotten. */
  take(uploadId: string, kind: UploadKind): Buffer {
    return this.takeAll([uploadId], kind)[0];
  }

  /** The bytes of several uploads, in order; none is used up unless all of them are there. */
  takeAll(uploadIds: readonly string[], kind: UploadKind): Buffer[] {
    this.sweep();
    if (new Set(uploadIds).size !== uploadIds.length) throw new CoreError('BAD_INPUT', 'The same upload was given twice.');
    for (const id of uploadIds) {
      const item = this.held.get(id);
      if (!item) throw new CoreError('NOT_FOUND', 'The file sent for this change is no longer waiting (used or expired): add it again.');
      if (item.kind !== kind) throw new CoreError('BAD_INPUT', `That upload was sent as ${item.kind}, not ${kind}.`);
    }
    return uploadIds.map((id) => {
      const item = this.held.get(id)!;
      this.held.delete(id);
      this.total -= item.bytes.length;
      return item.bytes;
    });
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, item] of this.held) {
      if (item.expires <= now) {
        this.held.delete(id);
        this.total -= item.bytes.length;
      }
    }
  }
}

/** Refuses a size over the kind's limit, with the limit in the message. */
export function checkSize(kind: UploadKind, size: number): void {
  const limit = UPLOAD_LIMITS[kind];
  if (size > limit) {
    throw new CoreError('BAD_INPUT', `The file is ${(size / 1048576).toFixed(0)} MB; ${kind} files up to ${limit / 1048576} MB can be added.`);
  }
}
