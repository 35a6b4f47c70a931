/** Issue 14: the animatic export shows a clip panel's own frames, frame-exact (in point, hold, loop, other rates), framed like its still. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { frameRateOf } from '../../shared/domain/animatic';
import { clipFrameAt } from '../../shared/domain/clip';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { CLIP_PALETTE, colourClip, type Rgb } from '../fakes/colour-clip';
import { frameColours, makeAnimaticProject, nearest, type PanelSpec } from './animatic-helpers';
import { tempDir } from './helpers';
import { putClip } from './motion-helpers';

const dir = tempDir('bw-motion-export-');
const projects: Project[] = [];
afterAll(() => {
  projects.forEach((p) => p.close());
  fs.rmSync(dir, { recursive: true, force: true });
});
const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });

// Stills half-way between the clip palette's levels, so no still is taken for a clip frame.
const STILL_A: Rgb = [75, 180, 75];
const STILL_B: Rgb = [180, 75, 180];
const PALETTE = [...CLIP_PALETTE, STILL_A, STILL_B];
const A = 27;
const B = 28;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

async function project(name: string, panels: PanelSpec[]): Promise<Project> {
  const p = await makeAnimaticProject(path.join(dir, `${name}.boardwright`), panels, { fps: 24 });
  projects.push(p);
  return p;
}
const panelIds = (p: Project) => p.board().scenes.flatMap((s) => s.panels.map((x) => x.id));

/** One frame decoded at full size (the system ffmpeg), as RGB rows. */
function frameAt(file: string, n: number, width: number, height: number): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${n})`, '-vsync', '0', '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: width * height * 4 });
}
/** The first column of the middle row brighter than the bars. */
function firstLitColumn(rgb: Buffer, width: number, height: number): number {
  const row = Math.floor(height / 2) * width * 3;
  for (let x = 0; x < width; x++) if (rgb[row + x * 3] + rgb[row + x * 3 + 1] + rgb[row + x * 3 + 2] > 60) return x;
  return -1;
}

describe('animatic export of clip panels', { timeout: 240_000 }, () => {
  it('plays the clip frames at the right output frames (hold after the end, loop from the in point), stills around them untouched; MP4 and PNG', async () => {
    const p = await project('hold-loop', [
      { rgb: STILL_A, durationMs: 500 }, { rgb: STILL_A, durationMs: 1500 }, { rgb: STILL_B, durationMs: 500 }, { rgb: STILL_A, durationMs: 1500 }, { rgb: STILL_A, durationMs: 500 },
    ]);
    const ids = panelIds(p);
    const clip = await colourClip(24, '24');
    await putClip(p, ids[1], clip, { after: 'hold' });
    await putClip(p, ids[3], clip, { inMs: 250, after: 'loop' });
    const expected = [
      ...Array(12).fill(A),
      ...range(0, 24), ...Array(12).fill(23), // the whole clip, then its last frame held
      ...Array(12).fill(B),
      ...range(6, 24), ...range(6, 24), // from the in point (frame 6 at 250 ms), looped back to it
      ...Array(12).fill(A),
    ];
    const mp4 = path.join(dir, 'hold-loop.mp4');
    const result = await exportVideo(p, 'mp4', mp4, resolveOptions(p, { fps: 24, height: 720 }), ctx());
    expect(result.frames).toBe(expected.length);
    expect(frameColours(mp4).map((c) => nearest(c, PALETTE))).toEqual(expected);

    const folder = path.join(dir, 'hold-loop-frames');
    await exportVideo(p, 'png', folder, resolveOptions(p, { fps: 24, height: 720 }), ctx());
    const files = fs.readdirSync(folder).sort();
    expect(files).toHaveLength(expected.length);
    for (const n of [0, 12, 35, 40, 47, 48, 60, 66, 83, 96]) {
      const { channels } = await sharp(path.join(folder, files[n])).extract({ left: 600, top: 320, width: 80, height: 80 }).stats();
      expect(nearest(channels.slice(0, 3).map((c) => Math.round(c.mean)) as Rgb, PALETTE), `frame ${n}`).toBe(expected[n]);
    }
  });

  it('a 29.97 fps clip on a 24 fps timeline shows the clip frame clipFrameAt names at every frame', async () => {
    const p = await project('rates', [{ rgb: STILL_A, durationMs: 250 }, { rgb: STILL_B, durationMs: 1000 }]);
    const stored = await putClip(p, panelIds(p)[1], await colourClip(27, '30000/1001'));
    expect(stored).toMatchObject({ fpsNum: 30000, fpsDen: 1001, frames: 27 });
    const out = path.join(dir, 'rates.mp4');
    await exportVideo(p, 'mp4', out, resolveOptions(p, { fps: 24, height: 720 }), ctx());
    const panel = readTimeline(p, 24).segments[1];
    const wanted = range(0, 24).map((k) => clipFrameAt(panel.clip!, k, frameRateOf(24)));
    // Frame k starts at k/24 s: clip frame floor(k * 30000 / (24 * 1001)); 1 -> 1, 4 -> 4, 5 -> 6 (one skipped), the last ones held.
    expect(wanted.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(wanted[23]).toBe(26);
    expect(frameColours(out).map((c) => nearest(c, PALETTE))).toEqual([...Array(6).fill(A), ...wanted]);
  });

  it('a 4:3 clip is pillarboxed like its still, whether ffmpeg frames it (plain frames) or the composer does (fade, burn-ins)', async () => {
    const p = await project('framing', [{ rgb: STILL_A, durationMs: 500, transition: 'fade in', transitionMs: 250 }]);
    await putClip(p, panelIds(p)[0], await colourClip(12, '24', 120, 90));
    const plain = path.join(dir, 'framing.mp4');
    await exportVideo(p, 'mp4', plain, resolveOptions(p, { fps: 24, height: 720 }), ctx());
    const burned = path.join(dir, 'framing-burned.mp4');
    await exportVideo(p, 'mp4', burned, resolveOptions(p, { fps: 24, height: 720, burnIns: ['shot'] }), ctx());
    // 120x90 in a 1280x720 frame: 960 px wide, 160 px bars either side.
    for (const file of [plain, burned]) {
      const frame = frameAt(file, 8, 1280, 720);
      expect(Math.abs(firstLitColumn(frame, 1280, 720) - 160)).toBeLessThanOrEqual(2);
    }
    const colours = frameColours(plain);
    expect(colours.slice(6).map((c) => nearest(c, PALETTE))).toEqual(range(6, 12)); // after the fade, the clip's own frames
    const faded = colours[3]; // half way up from black, on clip frame 3
    const full = CLIP_PALETTE[3];
    for (let ch = 0; ch < 3; ch++) expect(Math.abs(faded[ch] - full[ch] * 0.5)).toBeLessThan(20);
  });
});
