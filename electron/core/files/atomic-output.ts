import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { classifyStorageError } from '../errors';
import { checkTargetPath } from './target-path';

/**
 * An output file that appears whole or not at all: writers write to a hidden temporary file beside
 * the target, then `commit` renames it into place; `discard` (on failure or cancel) removes it.
 * Paths with spaces and non-ASCII characters are fine: nothing here goes through a shell.
 */
export class AtomicOutput {
  readonly tempPath: string;

  constructor(readonly targetPath: string) {
    const dir = path.dirname(checkTargetPath(targetPath));
    this.tempPath = path.join(dir, `.${path.basename(targetPath)}.${randomBytes(4).toString('hex')}.partial`);
  }

  commit(): string {
    try {
      fs.renameSync(this.tempPath, this.targetPath);
    } catch (e) {
      this.discardQuietly();
      throw classifyStorageError(e, path.basename(this.targetPath));
    }
    return path.resolve(this.targetPath);
  }

  discard(): void {
    this.discardQuietly();
  }

  /** Runs `write` against the temporary path, committing on success and discarding on any failure. */
  static async write(targetPath: string, write: (tempPath: string) => Promise<void>): Promise<string> {
    const out = new AtomicOutput(targetPath);
    try {
      await write(out.tempPath);
    } catch (e) {
      out.discard();
      throw classifyStorageError(e, path.basename(targetPath));
    }
    return out.commit();
  }

  private discardQuietly(): void {
    fs.rmSync(this.tempPath, { force: true, recursive: true });
  }
}
