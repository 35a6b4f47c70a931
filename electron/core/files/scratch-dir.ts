import fs from 'node:fs';
import os from 'node:os';

/**
 * Where short-lived working copies go (a picture for a scaled decode, a clip for ffmpeg to read):
 * Linux's shared-memory folder when it can be written, so they never reach a disk (nor delay the
 * project file's next sync, which on Linux may flush other files' dirty pages with it), else the
 * temp folder.
 */
export function scratchRoot(): string {
  try {
    if (process.platform === 'linux') {
      fs.accessSync('/dev/shm', fs.constants.W_OK);
      return '/dev/shm';
    }
  } catch {
    // No /dev/shm here (a container without it): the temp folder it is.
  }
  return os.tmpdir();
}
