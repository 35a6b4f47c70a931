import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { colourDistance, COLOURS, frameColours, makeAnimaticProject, meanColourAt, nearest, probe, type PanelSpec } from './animatic-helpers';

const dir = tempDir('bw-animatic ünï ');
const projects: Project[] = [];
afterAll(() => projects.forEach((p) => p.close()));

async function project(name: string, panels: PanelSpec[], opts: Parameters<typeof makeAnimaticProject>[2] = {}): Promise<Project> {
  const p = await makeAnimaticProject(path.join(dir, `${name}.boardwright`), panels, opts);
  projects.push(p);
  return p;
}

const ctx = () => ({ signal: new AbortController().signal, progress: () => {} });

describe('MP4 export: timing, format and pictures', { timeout: 240_000 }, () => {
  it('cuts only: H.264 yuv420p at 23.976 fps, the sum of the durations, every frame on the right panel', async () => {
    const durations = [1130, 870, 2045, 610, 1500];
    const p = await project('cuts', durations.map((d, i) => ({ rgb: COLOURS[i], durationMs: d })));
    const out = path.join(dir, 'cuts.mp4');
    const result = await exportVideo(p, 'mp4', out, resolveOptions(p, { fps: 23.976, height: 720 }), ctx());
    const info = probe(out);
    const video = info.streams.find((s) => s.codec_type === 'video')!;
    expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 1280, height: 720, r_frame_rate: '24000/1001', avg_frame_rate: '24000/1001' });
    expect(info.streams.some((s) => s.codec_type === 'audio')).toBe(false);
    const sumMs = durations.reduce((a, b) => a + b, 0);
    const frameMs = 1001 / 24;
    expect(Math.abs(Number(info.format.duration) * 1000 - sumMs)).toBeLessThanOrEqual(frameMs);
    expect(Number(video.nb_frames)).toBe(result.frames);

    // Every frame shows the panel the timeline puts there: the cuts are exact to the frame.
    const t = readTimeline(p, 23.976);
    const expected = t.segments.flatMap((s) => Array<number>(s.frames).fill(s.index));
    expect(frameColours(out).map((c) => nearest(c, COLOURS))).toEqual(expected);
    // And the middle of each panel is that panel's colour.
    for (const s of t.segments) {
      const mid = (s.startMs + s.durationMs / 2) / 1000;
      expect(colourDistance(meanColourAt(out, mid), COLOURS[s.index])).toBeLessThan(20);
    }
  });

  it('stills already the size of the frame go to ffmpeg as they are, with the same exact cuts', async () => {
    const durations = [700, 1300, 900];
    const p = await project('exact', durations.map((d, i) => ({ rgb: COLOURS[i + 3], durationMs: d, size: [1280, 720] as [number, number] })));
    const out = path.join(dir, 'exact.mp4');
    await exportVideo(p, 'mp4', out, resolveOptions(p, { fps: 25, height: 720 }), ctx());
    const t = readTimeline(p, 25);
    expect(frameColours(out).map((c) => nearest(c, COLOURS))).toEqual(t.segments.flatMap((s) => Array<number>(s.frames).fill(s.index + 3)));
  });

  it('each frame rate and size as asked; native size keeps the project aspect without bars', async () => {
    const p = await project('scope', [{ rgb: COLOURS[0], durationMs: 500 }, { rgb: COLOURS[1], durationMs: 500 }], { aspect: '2.39' });
    const cases = [
      { fps: 24 as const, height: 1080 as const, frame: 'native' as const, size: [1920, 804], rate: '24/1' },
      { fps: 25 as const, height: 720 as const, frame: 'letterbox' as const, size: [1280, 720], rate: '25/1' },
      { fps: 30 as const, height: 2160 as const, frame: 'letterbox' as const, size: [3840, 2160], rate: '30/1' },
    ];
    for (const c of cases) {
      const out = path.join(dir, `scope-${c.fps}-${c.height}.mp4`);
      await exportVideo(p, 'mp4', out, resolveOptions(p, c), ctx());
      const v = probe(out).streams[0];
      expect([v.width, v.height]).toEqual(c.size);
      expect(v.r_frame_rate).toBe(c.rate);
      expect(Number(v.nb_frames)).toBe(Math.round(c.fps));
      if (c.frame === 'letterbox' && c.height === 720) {
        // 2.39 in 16:9: black bars above and below, the panel in the middle.
        const frame = await sharp(await grab(out, 0.2)).raw().toBuffer({ resolveWithObject: true });
        const at = (x: number, y: number) => [...frame.data.subarray((y * 1280 + x) * 3, (y * 1280 + x) * 3 + 3)];
        expect(Math.max(...at(640, 20))).toBeLessThan(25);
        expect(Math.max(...at(640, 700))).toBeLessThan(25);
        expect(colourDistance(at(640, 360) as never, COLOURS[0])).toBeLessThan(25);
      }
    }
  });

  it('a dissolve and fades keep the total; the dissolve blends, fades start and end on black', async () => {
    const p = await project('transitions', [
      { rgb: COLOURS[0], durationMs: 1000, transition: 'fade in', transitionMs: 500 },
      { rgb: COLOURS[2], durationMs: 1000, transition: 'dissolve', transitionMs: 500 },
      { rgb: COLOURS[1], durationMs: 1000, transition: 'fade out', transitionMs: 500 },
    ]);
    const out = path.join(dir, 'transitions.mp4');
    await exportVideo(p, 'mp4', out, resolveOptions(p, { fps: 24, height: 720 }), ctx());
    const frames = frameColours(out);
    expect(frames).toHaveLength(72);
    expect(Math.max(...frames[0])).toBeLessThan(20); // first frame black
    expect(Math.max(...frames[71])).toBeLessThan(20); // last frame black
    expect(colourDistance(frames[12], COLOURS[0])).toBeLessThan(20); // faded up
    // The dissolve is centred on the cut at frame 24: frames 18..29, half red half blue in the middle.
    expect(colourDistance(frames[17], COLOURS[0])).toBeLessThan(20);
    const mid = frames[23];
    expect(mid[0]).toBeGreaterThan(90);
    expect(mid[2]).toBeGreaterThan(90);
    expect(colourDistance(frames[30], COLOURS[2])).toBeLessThan(20);
  });

  it('a camera move pans across the panel image, from the start framing to the end framing', async () => {
    const p = await project('move', [{ rgb: COLOURS[0], durationMs: 1000 }]);
    // A two-colour image: left half red, right half blue; pan from the left half to the right half.
    const half = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 220, g: 40, b: 40 } } })
      .composite([{ input: await sharp({ create: { width: 320, height: 360, channels: 3, background: { r: 40, g: 70, b: 220 } } }).png().toBuffer(), left: 320, top: 0 }])
      .png()
      .toBuffer();
    const { setPanelImage } = await import('../../electron/core/commands/image-commands');
    const { setPanelFraming } = await import('../../electron/core/animatic/framing-commands');
    const panelId = p.board().scenes[0].panels[0].id;
    await setPanelImage(p, panelId, half, 'halves.png');
    setPanelFraming(p, panelId, { start: { x: 0, y: 0.25, w: 0.5, h: 0.5 }, end: { x: 0.5, y: 0.25, w: 0.5, h: 0.5 } });
    const out = path.join(dir, 'move.mp4');
    await exportVideo(p, 'mp4', out, resolveOptions(p, { fps: 24, height: 720 }), ctx());
    const frames = frameColours(out);
    expect(colourDistance(frames[0], COLOURS[0])).toBeLessThan(20);
    expect(colourDistance(frames[23], COLOURS[2])).toBeLessThan(20);
    expect(frames[12][0]).toBeGreaterThan(80); // half way: both halves in view
    expect(frames[12][2]).toBeGreaterThan(80);
  });

  it('burns in the shot number, the dialogue, the sound and the timecode without touching the middle of the picture', async () => {
    const p = await project('burn', [{ rgb: COLOURS[3], durationMs: 500, dialogue: 'Who left the kettle on?', sound: 'SFX: kettle whistles' }]);
    const plain = path.join(dir, 'plain.mp4');
    const burnt = path.join(dir, 'burnt.mp4');
    await exportVideo(p, 'mp4', plain, resolveOptions(p, { height: 720 }), ctx());
    const r = await exportVideo(p, 'mp4', burnt, resolveOptions(p, { height: 720, burnIns: ['shot', 'dialogue', 'sound', 'timecode'] }), ctx());
    expect(r.warnings).toEqual([]);
    const a = await sharp(await grab(plain, 0.25)).raw().toBuffer();
    const b = await sharp(await grab(burnt, 0.25)).raw().toBuffer();
    const region = (buf: Buffer, x0: number, y0: number, w: number, h: number) => {
      let sum = 0;
      for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) sum += buf[(y * 1280 + x) * 3];
      return sum / (w * h);
    };
    expect(region(b, 25, 25, 50, 40)).toBeLessThan(region(a, 25, 25, 50, 40) - 40); // shot number box, top left
    expect(region(b, 1100, 25, 150, 30)).toBeLessThan(region(a, 1100, 25, 150, 30) - 40); // timecode, top right
    expect(region(b, 500, 650, 280, 40)).toBeLessThan(region(a, 500, 650, 280, 40) - 40); // caption, bottom
    expect(region(b, 560, 575, 160, 40)).toBeLessThan(region(a, 560, 575, 160, 40) - 40); // sound, above the caption
    expect(Math.abs(region(b, 500, 300, 280, 100) - region(a, 500, 300, 280, 100))).toBeLessThan(3);
    fs.copyFileSync(await writeGrab(burnt, 0.25), path.join(artifactsDir(), 'burn-ins.png'));
  });
});

/** One decoded frame as PNG bytes (the system ffmpeg). */
async function grab(file: string, seconds: number): Promise<Buffer> {
  return fs.readFileSync(await writeGrab(file, seconds));
}

async function writeGrab(file: string, seconds: number): Promise<string> {
  const { execFileSync } = await import('node:child_process');
  const png = path.join(dir, `grab-${path.basename(file)}-${seconds}.png`);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', String(seconds), '-i', file, '-frames:v', '1', png]);
  return png;
}

function artifactsDir(): string {
  const d = path.resolve(__dirname, '../../artifacts/animatic');
  fs.mkdirSync(d, { recursive: true });
  return d;
}

