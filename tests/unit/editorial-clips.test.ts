/** Issue 14: a panel that plays a motion clip hands the NLE the clip itself (in point and length), or a rendering when it holds or loops past the clip's end. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireFfmpeg } from '../../electron/core/animatic/ffmpeg';
import { fcpxTime, tc } from '../../electron/core/editorial/frames';
import { exportEditorial } from '../../electron/core/editorial/export-editorial';
import { MEDIA_MANIFEST, type EditorialFormat } from '../../electron/core/editorial/model';
import { readEditorialTimeline } from '../../electron/core/editorial/read/read-timeline';
import type { StoredClip } from '../../electron/core/motion/clip-store';
import type { Project } from '../../electron/core/project';
import { frameRateOf } from '../../shared/domain/animatic';
import { fakeClip } from '../fakes/fake-clip';
import { probe } from './animatic-helpers';
import { listMedia, makeEditorialProject } from './editorial-helpers';
import { sha256File, tempDir } from './helpers';
import { putClip } from './motion-helpers';

const dir = tempDir('bw-editorial-clips-');
const EXT: Record<EditorialFormat, string> = { fcpxml: 'fcpxml', xmeml: 'xml', edl: 'edl', otio: 'otio' };
const rate = frameRateOf(24);
let project: Project;
let clip: StoredClip;
let ids: Record<string, string>;

/** A 3 s 24 fps H.264 test pattern (72 frames). */
async function threeSeconds(): Promise<Buffer> {
  const file = path.join(dir, 'three.mp4');
  execFileSync(await requireFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=24:duration=3', '-pix_fmt', 'yuv420p', '-y', file]);
  return fs.readFileSync(file);
}

beforeAll(async () => {
  project = await makeEditorialProject(path.join(dir, 'film.boardwright'), { audio: false });
  ids = Object.fromEntries(project.board().scenes.flatMap((s) => s.panels.map((p) => [p.shotNumber, p.id])));
  // 1C (1500 ms, 36 frames) plays from 500 ms (frame 12) of a 72-frame clip: inside it. 2B (48 frames) holds a 24-frame clip.
  clip = await putClip(project, ids['1C'], await threeSeconds(), { inMs: 500 });
  await putClip(project, ids['2B'], await fakeClip(), { after: 'hold' });
}, 120_000);
afterAll(() => project?.close());

describe('editorial export of clip panels', { timeout: 180_000 }, () => {
  for (const format of ['otio', 'fcpxml', 'xmeml', 'edl'] as const) {
    it(`${format}: 1C's clip is in the media folder as stored, and the timeline plays it from frame 12 for 36 frames`, async () => {
      const media = path.join(dir, `media-${format}`);
      const file = path.join(dir, `film.${EXT[format]}`);
      const r = await exportEditorial(project, format, file, { mediaDir: media });
      expect(r).toMatchObject({ clips: 5, bakedClips: 1 });
      expect(listMedia(media)).toEqual(['1A.png', '1B.png', '1C.mp4', '2A.png', '2B.mp4', MEDIA_MANIFEST].sort());
      expect(sha256File(path.join(media, '1C.mp4'))).toBe(clip.sha256);
      expect(JSON.parse(fs.readFileSync(path.join(media, MEDIA_MANIFEST), 'utf8')).stills['1C.mp4'].panelId).toBe(ids['1C']);

      const text = fs.readFileSync(file, 'utf8');
      if (format === 'otio') {
        const video = JSON.parse(text).tracks.children[0].children.filter((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2');
        const c = video.find((x: { name: string }) => x.name === '1C');
        expect(c.source_range.start_time.value).toBe(12);
        expect(c.source_range.duration.value).toBe(36);
        expect(c.media_references.DEFAULT_MEDIA.target_url).toMatch(/1C\.mp4$/);
        expect(c.media_references.DEFAULT_MEDIA.available_range.duration.value).toBe(72);
      } else if (format === 'fcpxml') {
        const asset = text.match(/<asset id="(p\d+)" name="1C"[^>]*duration="([^"]+)"[^>]*>\s*<media-rep kind="original-media" src="([^"]+)"/)!;
        expect(asset[2]).toBe(fcpxTime(72, rate));
        expect(asset[3]).toMatch(/1C\.mp4$/);
        expect(text).toMatch(new RegExp(`<asset-clip ref="${asset[1]}" name="1C" offset="[^"]+" start="${fcpxTime(12, rate)}" duration="${fcpxTime(36, rate)}"`));
      } else if (format === 'xmeml') {
        const item = text.split('<clipitem').find((x) => x.includes('<name>1C</name>'))!;
        expect(item).toMatch(/<duration>72<\/duration>/);
        expect(item).toMatch(/<in>12<\/in>\s*<out>48<\/out>/);
        expect(item).not.toMatch(/stillframe/);
        expect(item).toMatch(/1C\.mp4<\/pathurl>/);
      } else {
        const line = text.split('\r\n').find((l, i, all) => / V /.test(l) && (all[i + 1] ?? '').includes('1C.mp4'))!;
        expect(line).toContain(`${tc(12, rate)} ${tc(48, rate)}`);
      }
      // Read back, the clip is 1C's, on 1C's frames.
      const back = readEditorialTimeline(text, file, { fps: 24 }).clips.find((c) => c.mediaName === '1C.mp4')!;
      expect(back).toMatchObject({ panelId: ids['1C'], frames: 36 });
    });
  }

  it('2B holds its 1 s clip for 2 s: a rendering of exactly its 48 frames, referenced from its first frame', async () => {
    const media = path.join(dir, 'media-otio');
    const { streams } = probe(path.join(media, '2B.mp4'));
    expect(streams[0]).toMatchObject({ codec_name: 'h264', nb_frames: '48', r_frame_rate: '24/1' });
    const otio = JSON.parse(fs.readFileSync(path.join(dir, 'film.otio'), 'utf8'));
    const c = otio.tracks.children[0].children.find((x: { name?: string }) => x.name === '2B');
    expect(c.source_range.start_time.value).toBe(0);
    expect(c.media_references.DEFAULT_MEDIA.available_range.duration.value).toBe(48);
  });
});
