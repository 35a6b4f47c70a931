/** Issue 14: storing a large clip writes its bytes once while the user waits; the copy into the project file comes when idle. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IDLE_CHECKPOINT_MS, WAL_AUTOCHECKPOINT_PAGES } from '../../electron/core/db/checkpoints';
import { importClip, readClipBytes } from '../../electron/core/motion/clip-store';
import { Project } from '../../electron/core/project';
import { fakeClip } from '../fakes/fake-clip';
import { tempDir } from './helpers';

const dir = tempDir('bw-clip-store-');
const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) if (p.db.open) p.close();
});

/** A real clip followed by a 10 MB `free` box (ignored by players and ffmpeg): past the log's automatic checkpoint limit of 8 MB. */
async function bigClip(): Promise<{ bytes: Buffer; marker: Buffer }> {
  const filler = randomBytes(10 * 1024 * 1024);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(filler.length + 8, 0);
  header.write('free', 4, 'latin1');
  return { bytes: Buffer.concat([await fakeClip(), header, filler]), marker: filler.subarray(5_000_000, 5_000_064) };
}

describe('storing a large clip', () => {
  it('commits it to the log without a checkpoint inside the import, then copies it into the project file once idle', async () => {
    const file = path.join(dir, 'Big.boardwright');
    const p = Project.create(file, { title: 'Big', aspectRatio: '16:9', fps: 24 });
    open.push(p);
    const { bytes, marker } = await bigClip();
    const inProjectFile = () => fs.readFileSync(file).includes(marker);

    const clip = await importClip(p.db, bytes, 'big.mp4');
    expect(clip).toMatchObject({ frames: 24, width: 128, height: 72 });
    expect(readClipBytes(p.db, clip.sha256)!.equals(bytes)).toBe(true);
    // Durable in the log, not yet copied: a checkpoint inside the commit would have written 10 MB twice.
    expect(inProjectFile()).toBe(false);
    expect(p.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);

    await new Promise((r) => setTimeout(r, IDLE_CHECKPOINT_MS + 400));
    expect(inProjectFile()).toBe(true);
  });

  it('a refused clip leaves automatic checkpoints on and no bytes behind', async () => {
    const p = Project.create(path.join(dir, 'Refused.boardwright'), { title: 'Refused', aspectRatio: '16:9', fps: 24 });
    open.push(p);
    const { bytes } = await bigClip();
    await expect(importClip(p.db, bytes.subarray(0, 3000), 'cut.mp4')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(p.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(p.db.prepare('SELECT count(*) FROM clip_data').pluck().get()).toBe(0);
  });
});
