import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { prepareGenerated, storeGeneratedBytes, storeVariation } from '../../electron/core/generation/store-variation';
import { listVariations } from '../../electron/core/generation/job-rows';
import { readImageBytes, storeImageData } from '../../electron/core/queries/image-queries';
import { IDLE_CHECKPOINT_MS } from '../../electron/core/db/checkpoints';
import { makePng, tempDir } from './helpers';

const open: Project[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const p of open.splice(0)) if (p.db.open) p.close();
});

function project() {
  const file = path.join(tempDir('bw-store-'), 'store.boardwright');
  const p = Project.create(file, { title: 'Store' });
  open.push(p);
  const panel = createPanel(p, { sceneId: createScene(p, {}).id });
  return { p, file, panelId: panel.id };
}

const record = (panelId: string) => ({ panelId, jobId: null, promptVersionId: null, provider: 'builtin', model: 'm', seed: 7, params: { prompt: 'x' }, elapsedMs: 5, usage: null, costUsd: null });

describe('storing a generated image', () => {
  it('writes the bytes while the thumbnail is made, then the image row and the variation; both read back whole', async () => {
    const { p, panelId } = project();
    const png = await makePng(320, 180, [30, 90, 200]);
    const id = await storeVariation(p.db, png, record(panelId));
    const [v] = listVariations(p.db, panelId);
    expect(v.id).toBe(id);
    expect(readImageBytes(p.db, v.imageSha256, 'full')!.data.equals(png)).toBe(true);
    expect(readImageBytes(p.db, v.imageSha256, 'thumb')!.mime).toBe('image/webp');
  });

  it('bytes written without their image row (a store cut short) are removed when the project opens again', async () => {
    const { p, file } = project();
    const png = await makePng(64, 64, [200, 10, 10]);
    const image = await prepareGenerated(png);
    storeGeneratedBytes(p.db, image.sha256, png); // the row and the variation never follow
    expect(p.db.prepare('SELECT count(*) FROM image_data').pluck().get()).toBe(1);
    p.close();
    const again = Project.open(file);
    open.push(again);
    expect(again.db.prepare('SELECT count(*) FROM image_data').pluck().get()).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('something that is not an image is refused before anything is written', async () => {
    const { p, panelId } = project();
    await expect(storeVariation(p.db, Buffer.from('not a picture'), record(panelId))).rejects.toMatchObject({ code: 'NOT_AN_IMAGE' });
    expect(p.db.prepare('SELECT count(*) FROM image_data').pluck().get()).toBe(0);
    expect(listVariations(p.db, panelId)).toEqual([]);
  });

  it('the bytes commit unsynced but the connection is back to synchronous=FULL afterwards, even when the write fails', async () => {
    const { p } = project();
    const png = await makePng(64, 64, [10, 200, 10]);
    const FULL = 2;
    storeGeneratedBytes(p.db, 'a'.repeat(64), png);
    expect(p.db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() => storeGeneratedBytes(p.db, 'b'.repeat(64), null as unknown as Buffer)).toThrow();
    expect(p.db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(p.db.prepare('SELECT count(*) FROM image_data').pluck().get()).toBe(1);
  });

  it('binding the same bytes twice writes them once', () => {
    const { p } = project();
    const bytes = randomBytes(4096);
    storeImageData(p.db, 'c'.repeat(64), bytes);
    storeImageData(p.db, 'c'.repeat(64), randomBytes(16));
    expect((p.db.prepare('SELECT data FROM image_data').pluck().get() as Buffer).equals(bytes)).toBe(true);
  });
});

describe('checkpointing after large writes', () => {
  it('copies the log into the project file once the project has been idle for a second', () => {
    vi.useFakeTimers();
    const { p, file } = project();
    const bytes = randomBytes(2 * 1024 * 1024);
    const inFile = () => fs.readFileSync(file).includes(bytes.subarray(1_000_000, 1_000_064));
    storeImageData(p.db, 'd'.repeat(64), bytes);
    // Committed to the log; not yet in the project file itself.
    expect(inFile()).toBe(false);
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS - 10);
    expect(inFile()).toBe(false);
    vi.advanceTimersByTime(20);
    expect(inFile()).toBe(true);
  });

  it('a project closed before the idle checkpoint is left alone by it', () => {
    vi.useFakeTimers();
    const { p, file } = project();
    storeImageData(p.db, 'e'.repeat(64), randomBytes(1024 * 1024));
    p.close();
    const closed = fs.statSync(file).size;
    expect(() => vi.advanceTimersByTime(IDLE_CHECKPOINT_MS * 2)).not.toThrow();
    expect(fs.statSync(file).size).toBe(closed);
  });
});
