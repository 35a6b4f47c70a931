import Database from 'better-sqlite3';
import type { Db } from '../../../db/connection';
import { currentNativeBinding } from '../../../db/native-binding';

/** Bytes of mapped pages a reader touches before it is reopened: keeps resident memory bounded. */
const RECYCLE_BYTES = 8 * 1024 * 1024;

/**
 * Reads picture blobs for an export through its own read-only, memory-mapped connection: SQLite
 * walks a blob's overflow pages several times faster through a mapping than with one read() per
 * page, and the app's connection is left alone. The mapping is dropped every ~8 MB read (the kernel
 * maps neighbouring pages too), so a 2,000-panel export never keeps the file resident. Falls back to
 * the project's connection when the file cannot be opened a second time.
 */
type Statement = ReturnType<Db['prepare']>;

export class BlobReader {
  private reader: Db | null = null;
  /** Statements prepared once per connection (preparing costs about 0.1 ms a picture). */
  private statements = new Map<string, Statement>();
  private sinceOpen = 0;
  private failed = false;

  constructor(
    private readonly file: string | null,
    private readonly fallback: Db,
  ) {}

  /** The stored image and its pixel size (from the image's row; the bytes from image_data). */
  full(sha: string): { data: Buffer; width: number; height: number } | null {
    const row = this.statement('SELECT i.width, i.height, d.data FROM images i JOIN image_data d ON d.sha256 = i.sha256 WHERE i.sha256 = ?').get(sha) as
      | { data: Buffer; width: number; height: number }
      | undefined;
    if (row) this.sinceOpen += row.data.length;
    return row ?? null;
  }

  /** The stored thumbnail and its size, or null. */
  thumb(sha: string): { data: Buffer; width: number; height: number } | null {
    const row = this.statement('SELECT thumb AS data, thumb_width AS width, thumb_height AS height FROM images WHERE sha256 = ?').get(sha) as
      | { data: Buffer; width: number; height: number }
      | undefined;
    return row ?? null;
  }

  close(): void {
    this.reader?.close();
    this.reader = null;
    this.statements.clear();
  }

  private statement(sql: string): Statement {
    const db = this.connection();
    let st = this.statements.get(sql);
    if (!st || st.database !== db) {
      st = db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private connection(): Db {
    if (this.failed || !this.file) return this.fallback;
    if (this.reader && this.sinceOpen > RECYCLE_BYTES) this.close();
    if (!this.reader) {
      try {
        const nativeBinding = currentNativeBinding();
        const db = new Database(this.file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
        db.pragma('mmap_size = 2147418112');
        this.reader = db;
        this.sinceOpen = 0;
      } catch {
        this.failed = true;
        return this.fallback;
      }
    }
    return this.reader;
  }
}
