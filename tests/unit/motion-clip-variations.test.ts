/** Issue 14: clips are panel variations: picking one plays it on the panel (one undo step), a still takes it off, trim and hold/loop are edits. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportDataset } from '../../electron/core/dataset/export-dataset';
import { tempDir } from './helpers';
import { clipFrameAt } from '../../shared/domain/clip';
import { frameRateOf } from '../../shared/domain/animatic';
import { composeFrame, isStillFrame } from '../../shared/domain/animatic-frame';
import { readTimeline } from '../../electron/core/animatic/timeline';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { pickVariation } from '../../electron/core/generation/pick';
import { listVariations } from '../../electron/core/generation/job-rows';
import { removePanelClip, setPanelClipTiming } from '../../electron/core/motion/clip-commands';
import { prepareClip } from '../../electron/core/motion/clip-probe';
import { importClip, readClipBytes, storeClip } from '../../electron/core/motion/clip-store';
import { writeClipVariation } from '../../electron/core/motion/clip-variation';
import { Project } from '../../electron/core/project';
import { fakeClip } from '../fakes/fake-clip';
import { fakePng } from '../fakes/fake-png';
import { newProject } from './edit-helpers';

let open: Project[] = [];
afterEach(() => {
  open.forEach((p) => p.close());
  open = [];
});

async function boardWithClip() {
  const p = newProject('Clips');
  open.push(p);
  const scene = createScene(p, { patch: { heading: 'INT. LAB - NIGHT' } });
  const [panel] = await addImagePanels(p, { sceneId: scene.id, files: [{ name: 'a.png', bytes: await fakePng(3) }] });
  const clip = await storeClip(p.db, await prepareClip(await fakeClip(), 'test clip'));
  const variationId = writeClipVariation(p.db, clip, { panelId: panel.id, motionJobId: 'job-1', promptVersionId: null, provider: 'builtin', model: 'camera-move', seed: null, params: { seconds: 1 }, elapsedMs: 10 });
  return { p, panel, clip, variationId };
}

describe('clip variations', () => {
  it('a clip variation shows its poster and clip; writing the same job again adds no second row', async () => {
    const { p, panel, clip, variationId } = await boardWithClip();
    expect(writeClipVariation(p.db, clip, { panelId: panel.id, motionJobId: 'job-1', promptVersionId: null, provider: 'builtin', model: null, seed: null, params: {}, elapsedMs: null })).toBe(variationId);
    const v = listVariations(p.db, panel.id).find((x) => x.id === variationId)!;
    expect(v.imageSha256).toBe(clip.posterSha256);
    expect(v.clip).toMatchObject({ sha256: clip.sha256, frames: 24, fpsNum: 24, fpsDen: 1, width: 128, height: 72 });
    expect(v.current).toBe(false);
  });

  it('picking a clip puts its poster and clip on the panel and logs it; undo takes both back; a still picked afterwards takes the clip off', async () => {
    const { p, panel, clip, variationId } = await boardWithClip();
    const oldImage = panel.imageSha256;
    const picked = await pickVariation(p, variationId, { why: 'the push-in sells it' });
    expect(picked.imageSha256).toBe(clip.posterSha256);
    expect(picked.clip).toMatchObject({ sha256: clip.sha256, inMs: 0, after: 'hold', durationMs: 1000 });
    expect(listVariations(p.db, panel.id).find((v) => v.id === variationId)!.current).toBe(true);
    const log = p.db.prepare("SELECT data, note FROM decisions WHERE kind = 'variation.picked'").get() as { data: string; note: string };
    expect(JSON.parse(log.data)).toMatchObject({ clipSha256: clip.sha256, clipDurationMs: 1000, params: { seconds: 1 } });
    expect(log.note).toBe('the push-in sells it');

    p.undo();
    expect(p.panel(panel.id)).toMatchObject({ imageSha256: oldImage, clip: null });
    p.redo();
    expect(p.panel(panel.id).clip?.sha256).toBe(clip.sha256);

    const still = listVariations(p.db, panel.id).find((v) => !v.clip)!; // the picture the clip replaced, kept as a variation
    await pickVariation(p, still.id);
    expect(p.panel(panel.id)).toMatchObject({ imageSha256: oldImage, clip: null });
  });

  it('trim and hold/loop are undoable edits; the in point stays inside the clip; removing the clip keeps the poster', async () => {
    const { p, panel, variationId } = await boardWithClip();
    await pickVariation(p, variationId);
    expect(setPanelClipTiming(p, panel.id, { inMs: 250, after: 'loop' }).clip).toMatchObject({ inMs: 250, after: 'loop' });
    expect(setPanelClipTiming(p, panel.id, { inMs: 99_000 }).clip!.inMs).toBe(958); // the last frame starts at 23/24 s
    p.undo();
    p.undo();
    expect(p.panel(panel.id).clip).toMatchObject({ inMs: 0, after: 'hold' });
    const poster = p.panel(panel.id).imageSha256;
    expect(removePanelClip(p, panel.id)).toMatchObject({ imageSha256: poster, clip: null });
    p.undo();
    expect(p.panel(panel.id).clip).not.toBeNull();
  });

  it('the timeline plays the clip frame by frame from the in point, then holds or loops', async () => {
    const { p, panel, variationId } = await boardWithClip();
    await pickVariation(p, variationId);
    updatePanels(p, [panel.id], { durationMs: 2000 });
    const t = readTimeline(p, 24);
    const seg = t.segments[0];
    expect(seg.clip?.frames).toBe(24);
    expect(isStillFrame(composeFrame(t, 0))).toBe(false);
    expect([0, 1, 23, 24, 47].map((f) => composeFrame(t, f)[0].clipFrame)).toEqual([0, 1, 23, 23, 23]);
    setPanelClipTiming(p, panel.id, { after: 'loop', inMs: 500 });
    const looped = readTimeline(p, 24);
    expect([0, 11, 12, 13, 24].map((f) => composeFrame(looped, f)[0].clipFrame)).toEqual([12, 23, 12, 13, 12]);
  });

  it('clipFrameAt maps across rates without drift (a 24 fps clip on a 23.976 timeline, a 30000/1001 clip on 25)', () => {
    const clip = { fpsNum: 24, fpsDen: 1, frames: 100_000, inMs: 0, after: 'hold' as const };
    expect(clipFrameAt(clip, 24_000, frameRateOf(23.976))).toBe(24_024);
    const ntsc = { fpsNum: 30000, fpsDen: 1001, frames: 1000, inMs: 0, after: 'hold' as const };
    expect([0, 1, 5, 25].map((k) => clipFrameAt(ntsc, k, frameRateOf(25)))).toEqual([0, 1, 5, 29]);
  });

  it('the decision dataset lists a clip variation as kind "clip" with its clip and the job that made it', async () => {
    const { p, panel, clip, variationId } = await boardWithClip();
    await pickVariation(p, variationId);
    const dir = path.join(tempDir('bw-clip-dataset-'), 'set');
    await exportDataset(p, dir);
    const records = fs.readFileSync(path.join(dir, 'generations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.find((r) => r.variation_id === variationId)).toMatchObject({
      kind: 'clip', clip_sha256: clip.sha256, clip_duration_ms: 1000, image_sha256: clip.posterSha256, job_id: 'job-1', panel_id: panel.id, picked: true, current: true,
    });
    expect(records.filter((r) => r.kind === 'still').every((r) => r.clip_sha256 === null)).toBe(true);
  });

  it('importClip writes the bytes while ffmpeg checks them; a clip that fails the check leaves nothing; orphan bytes go at the next open', async () => {
    const p = newProject('Import');
    const bytes = await fakeClip();
    const stored = await importClip(p.db, bytes, 'ok.mp4');
    expect(readClipBytes(p.db, stored.sha256)!.equals(bytes)).toBe(true);
    expect((await importClip(p.db, bytes, 'again.mp4')).sha256).toBe(stored.sha256);
    const broken = Buffer.concat([bytes.subarray(0, 64), Buffer.alloc(4096, 7)]); // an MP4's header, then nothing decodable
    await expect(importClip(p.db, broken, 'broken.mp4')).rejects.toThrow(/broken.mp4/);
    expect(p.db.prepare('SELECT DISTINCT sha256 FROM clip_chunks').pluck().all()).toEqual([stored.sha256]);
    p.db.prepare("INSERT INTO clip_chunks (sha256, seq, data) VALUES ('left-by-a-crash', 0, x'00'), ('left-by-a-crash', 1, x'00')").run();
    const file = p.path;
    p.close();
    const again = Project.open(file);
    open.push(again);
    expect(again.db.prepare('SELECT DISTINCT sha256 FROM clip_chunks').pluck().all()).toEqual([stored.sha256]);
  });
});

