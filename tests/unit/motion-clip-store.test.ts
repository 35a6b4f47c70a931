/** Issue 14: storing a large clip writes its bytes once while the user waits; the copy into the project file comes when idle. */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IDLE_CHECKPOINT_MS, WAL_AUTOCHECKPOINT_PAGES } from '../../electron/core/db/checkpoints';
import Database from 'better-sqlite3';
import { importClip, readClipBytes } from '../../electron/core/motion/clip-store';
import { CLIP_CHUNK_BYTES } from '../../electron/core/motion/clip-chunks';
import { presyncLog } from '../../electron/core/db/presync';
import { mediaResponse } from '../../electron/core/serve/media';
import type { Session } from '../../electron/core/session';
import { Project } from '../../electron/core/project';
import { fakeClip } from '../fakes/fake-clip';
import { snapshot, tempDir } from './helpers';

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
    expect(p.db.prepare('SELECT count(*) FROM clip_chunks').pluck().get()).toBe(0);
  });

  it('stores the bytes as megabyte chunks in order, reads them back byte for byte, and gives the page cache back its size', async () => {
    const p = Project.create(path.join(dir, 'Chunks.boardwright'), { title: 'Chunks', aspectRatio: '16:9', fps: 24 });
    open.push(p);
    const cache = p.db.pragma('cache_size', { simple: true });
    const { bytes } = await bigClip();
    const clip = await importClip(p.db, bytes, 'big.mp4');
    const rows = p.db.prepare('SELECT seq, length(data) AS n FROM clip_chunks WHERE sha256 = ? ORDER BY rowid').all(clip.sha256) as { seq: number; n: number }[];
    const count = Math.ceil(bytes.length / CLIP_CHUNK_BYTES);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(rows.slice(0, -1).every((r) => r.n === CLIP_CHUNK_BYTES)).toBe(true);
    expect(rows.at(-1)!.n).toBe(bytes.length - (count - 1) * CLIP_CHUNK_BYTES);
    expect(readClipBytes(p.db, clip.sha256)!.equals(bytes)).toBe(true);
    expect(p.db.pragma('cache_size', { simple: true })).toBe(cache);
  });

  it('a clip with a chunk missing is refused as damaged, by the store and by the media route (422), never served cut short', async () => {
    const p = Project.create(path.join(dir, 'Damaged.boardwright'), { title: 'Damaged', aspectRatio: '16:9', fps: 24 });
    open.push(p);
    const { bytes } = await bigClip();
    const clip = await importClip(p.db, bytes, 'big.mp4');
    const session = { project: p } as unknown as Session;
    expect((await mediaResponse(session, `/media/clip/${clip.sha256}`))!.body.equals(bytes)).toBe(true);
    p.db.prepare('DELETE FROM clip_chunks WHERE sha256 = ? AND seq = 3').run(clip.sha256);
    expect(() => readClipBytes(p.db, clip.sha256)).toThrow(expect.objectContaining({ code: 'CORRUPT', message: expect.stringMatching(/damaged/) }));
    const refused = await mediaResponse(session, `/media/clip/${clip.sha256}`);
    expect(refused).toMatchObject({ status: 422, cache: 'no-store' });
    expect(refused!.body.toString()).toMatch(/damaged/);
    // The last chunk cut short is caught by the clip's recorded size.
    p.db.prepare('DELETE FROM clip_chunks WHERE sha256 = ? AND seq > 3').run(clip.sha256);
    expect(() => readClipBytes(p.db, clip.sha256)).toThrow(/damaged/);
    expect(await mediaResponse(session, `/media/clip/${'0'.repeat(64)}`)).toBeNull();
  });

  it('migration 012 moves a schema-11 file\'s clip blobs into chunks byte for byte', async () => {
    const file = path.join(dir, 'Old-clips.boardwright');
    const p = Project.create(file, { title: 'Old clips', aspectRatio: '16:9', fps: 24 });
    const { bytes } = await bigClip();
    const small = await fakeClip();
    const big = await importClip(p.db, bytes, 'big.mp4');
    const little = await importClip(p.db, small, 'small.mp4');
    p.close();
    // Turn the file back into what version 11 wrote: one blob per clip.
    const db = new Database(file);
    db.exec('CREATE TABLE clip_data (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL)');
    for (const [sha, data] of [[big.sha256, bytes], [little.sha256, small]] as const) db.prepare('INSERT INTO clip_data VALUES (?, ?)').run(sha, data);
    db.exec('DROP TABLE clip_chunks; PRAGMA user_version = 11');
    db.close();
    const q = Project.open(file);
    open.push(q);
    expect(readClipBytes(q.db, big.sha256)!.equals(bytes)).toBe(true);
    expect(readClipBytes(q.db, little.sha256)!.equals(small)).toBe(true);
    expect(q.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'clip_data'").pluck().get()).toBe(0);
    expect(q.db.prepare('SELECT count(*) FROM clip_chunks WHERE sha256 = ?').pluck().get(big.sha256)).toBe(Math.ceil(bytes.length / CLIP_CHUNK_BYTES));
  });

  it('flushing the log in the background keeps the project\'s write lock (SQLite locks the -shm file, not the log)', async () => {
    const file = path.join(dir, 'Lock.boardwright');
    const p = Project.create(file, { title: 'Lock', aspectRatio: '16:9', fps: 24 });
    open.push(p);
    p.db.exec('BEGIN IMMEDIATE');
    p.db.prepare("UPDATE project SET title = 'Mine'").run();
    await presyncLog(p.db);
    // Another process: connections of one process share their locks in memory, so only another process sees the file's locks.
    const tryWrite = `const D = require('better-sqlite3'); const d = new D(process.argv[1], { timeout: 0 });
      try { d.exec('BEGIN IMMEDIATE'); console.log('got the lock'); } catch (e) { console.log(e.code); }`;
    expect(execFileSync(process.execPath, ['-e', tryWrite, file], { encoding: 'utf8' }).trim()).toBe('SQLITE_BUSY');
    p.db.exec('COMMIT');
  });

  it('a full disk refuses the clip with a clear message, leaves the project as it was, and the next import works', async () => {
    const p = Project.create(path.join(dir, 'Full.boardwright'), { title: 'Full', aspectRatio: '16:9', fps: 24 });
    open.push(p);
    const { bytes } = await bigClip();
    const before = snapshot(p.db);
    const cache = p.db.pragma('cache_size', { simple: true });
    const pages = p.db.pragma('page_count', { simple: true }) as number;
    p.db.pragma(`max_page_count = ${pages + 100}`); // room for 400 KB, not for 10 MB
    await expect(importClip(p.db, bytes, 'big.mp4')).rejects.toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/disk is full/) });
    expect(snapshot(p.db)).toEqual(before);
    expect(p.db.pragma('cache_size', { simple: true })).toBe(cache);
    expect(p.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    p.db.pragma('max_page_count = 4294967294');
    const clip = await importClip(p.db, bytes, 'big.mp4');
    expect(readClipBytes(p.db, clip.sha256)!.equals(bytes)).toBe(true);
  });
});
