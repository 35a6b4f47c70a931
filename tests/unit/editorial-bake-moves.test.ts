/** `--bake-moves`: a panel's camera move goes to the editor as a short MP4 instead of a still. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createDispatch, createHandlers, Session, type Shell } from '../../electron/core/index';
import { UploadStore } from '../../electron/core/uploads/upload-store';
import { readTimeline } from '../../electron/core/animatic/timeline';
import { setPanelFraming } from '../../electron/core/animatic/framing-commands';
import { exportVideo, resolveOptions } from '../../electron/core/animatic/video-export';
import { planConform } from '../../electron/core/editorial/conform-plan';
import { exportEditorial } from '../../electron/core/editorial/export-editorial';
import { EDITORIAL_FORMATS, MEDIA_MANIFEST, type EditorialFormat } from '../../electron/core/editorial/model';
import { readEditorialTimeline } from '../../electron/core/editorial/read/read-timeline';
import type { Project } from '../../electron/core/project';
import { probe } from './animatic-helpers';
import { tempDir } from './helpers';
import { conformPanels, listMedia, makeEditorialProject, urlPath, xmllint } from './editorial-helpers';

const dir = tempDir('bw-bake-moves é ');
const EXT: Record<EditorialFormat, string> = { fcpxml: 'fcpxml', xmeml: 'xml', edl: 'edl', otio: 'otio' };
let project: Project;
let ids: Record<string, string>;

beforeAll(async () => {
  project = await makeEditorialProject(path.join(dir, 'film.boardwright'));
  ids = Object.fromEntries(project.board().scenes.flatMap((s) => s.panels.map((p) => [p.shotNumber, p.id])));
});
afterAll(() => project?.close());

const framesOf = (fps: number) => Object.fromEntries(readTimeline(project, fps).segments.map((s) => [s.shotNumber, s.frames]));
const manifestOf = (media: string) => JSON.parse(fs.readFileSync(path.join(media, MEDIA_MANIFEST), 'utf8'));

/** Every frame of a video scaled to 192x108 RGB (the system ffmpeg decodes it). */
function decodeSmall(file: string): Buffer[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', 'scale=192:108:flags=area', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 28 });
  const size = 192 * 108 * 3;
  return Array.from({ length: raw.length / size }, (_, k) => raw.subarray(k * size, (k + 1) * size));
}

/** Fraction of the middle row that shows the picture (not black): grows as the camera pushes in on a pillarboxed image. */
function litFraction(frame: Buffer): number {
  let lit = 0;
  for (let x = 0; x < 192; x++) {
    const i = (54 * 192 + x) * 3;
    if (frame[i] + frame[i + 1] + frame[i + 2] > 60) lit++;
  }
  return lit / 192;
}

describe('editorial export with bakeMoves', { timeout: 180_000 }, () => {
  it('2B (the panel with a camera move) is an H.264 MP4 of exactly its frames at the frame size and the exact rate; the others stay stills', async () => {
    for (const fps of [24, 29.97]) {
      const media = path.join(dir, `media ${fps}`);
      const r = await exportEditorial(project, 'otio', path.join(dir, `moves ${fps}.otio`), { mediaDir: media, fps, bakeMoves: true });
      expect(r).toMatchObject({ clips: 5, bakedClips: 1 });
      expect(listMedia(media)).toEqual(['1A.png', '1B.png', '1C.png', '2A.png', '2B.mp4', MEDIA_MANIFEST, 'line.wav', 'theme_music.wav'].sort());
      const { streams, format } = probe(path.join(media, '2B.mp4'));
      expect(streams).toHaveLength(1);
      expect(format.format_name).toContain('mp4');
      const v = streams[0] as unknown as Record<string, string | number>;
      expect([v.codec_name, v.width, v.height, v.pix_fmt]).toEqual(['h264', 1920, 1080, 'yuv420p']);
      expect(v.r_frame_rate).toBe(fps === 24 ? '24/1' : '30000/1001');
      expect(Number(v.nb_frames)).toBe(framesOf(fps)['2B']);
      expect(decodeSmall(path.join(media, '2B.mp4'))).toHaveLength(framesOf(fps)['2B']);
      // The manifest lists the clip with its panel, so a conform through the file name still matches.
      const manifest = manifestOf(media);
      expect(manifest.stills['2B.mp4']).toMatchObject({ panelId: ids['2B'], shotNumber: '2B' });
      expect(Object.keys(manifest.stills).sort()).toEqual(['1A.png', '1B.png', '1C.png', '2A.png', '2B.mp4']);
    }
  });

  it('the clip moves the way the framing says: the pillarboxed first frame, pushed in to fill the picture by the last', () => {
    const frames = decodeSmall(path.join(dir, 'media 24', '2B.mp4'));
    const lit = frames.map(litFraction);
    // Start: the whole 16:9 image inside the 2.39:1 picture (about 74% of the width); end: the middle 60%, wider than the picture is tall.
    expect(lit[0]).toBeGreaterThan(0.68);
    expect(lit[0]).toBeLessThan(0.8);
    expect(lit[lit.length - 1]).toBeGreaterThan(0.97);
    for (let k = 1; k < lit.length; k++) expect(lit[k]).toBeGreaterThanOrEqual(lit[k - 1] - 0.011);
    expect(lit[Math.floor(lit.length / 2)]).toBeGreaterThan(lit[0] + 0.05);
    expect(lit[Math.floor(lit.length / 2)]).toBeLessThan(lit[lit.length - 1] - 0.05);
    // Letterboxed as the stills are: black above and below the picture on every frame.
    for (const f of [frames[0], frames[frames.length - 1]]) expect(f[(3 * 192 + 96) * 3]).toBeLessThan(20);
  });

  it("is the animatic's own rendering of the move: frame for frame what the MP4 export shows of 2B", async () => {
    const film = path.join(dir, 'animatic.mp4');
    await exportVideo(project, 'mp4', film, resolveOptions(project, { fps: 24 }), { signal: new AbortController().signal, progress: () => undefined });
    const animatic = decodeSmall(film);
    const clip = decodeSmall(path.join(dir, 'media 24', '2B.mp4'));
    const start = readTimeline(project, 24).segments.find((s) => s.shotNumber === '2B')!.startFrame;
    const meanDiff = (a: Buffer, b: Buffer) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0) / a.length;
    clip.forEach((frame, k) => expect(meanDiff(frame, animatic[start + k])).toBeLessThan(2));
    // ...and not merely close to any frame: a frame a quarter of the move away differs clearly.
    expect(meanDiff(clip[0], animatic[start + 12])).toBeGreaterThan(4);
  });

  for (const format of EDITORIAL_FORMATS) {
    it(`${format}: references the MP4 as a movie, and reads back with 2B's panel id and frames; an untouched export conforms to no change`, async () => {
      const media = path.join(dir, 'shared media');
      const out = path.join(dir, `baked.${EXT[format]}`);
      await exportEditorial(project, format, out, { mediaDir: media, bakeMoves: true });
      const text = fs.readFileSync(out, 'utf8');
      const frames = framesOf(24);
      if (format !== 'edl' && format !== 'otio') expect(xmllint(out)).toBe('ok');
      if (format === 'fcpxml') {
        const asset = /<asset id="(p\d+)" name="2B" ([^>]*)>\s*<media-rep kind="original-media" src="([^"]+)"/.exec(text)!;
        expect(asset[2]).toContain(`duration="${frames['2B'] * 100}/2400s"`);
        expect(asset[2]).toContain('format="r1"');
        expect(urlPath(asset[3])).toBe(path.join(media, '2B.mp4'));
        expect(text).toMatch(new RegExp(`<asset-clip ref="${asset[1]}" name="2B" offset="[^"]+" start="0s" duration="${frames['2B'] * 100}/2400s"`));
        expect(text.match(/<asset-clip ref="p/g)).toHaveLength(1);
        expect(text.match(/<video ref="p/g)).toHaveLength(4);
      } else if (format === 'xmeml') {
        const item = text.slice(text.lastIndexOf('<clipitem', text.indexOf('<name>2B.mp4</name>')), text.indexOf('</clipitem>', text.indexOf('<name>2B.mp4</name>')));
        expect(item).not.toContain('stillframe');
        expect(item).toContain(`<in>0</in><out>${frames['2B']}</out>`);
        expect(item).toMatch(new RegExp(`<file id="[^"]+"><name>2B.mp4</name><pathurl>[^<]+</pathurl><rate>.*?</rate><duration>${frames['2B']}</duration>`));
        expect(text.match(/<stillframe>TRUE<\/stillframe>/g)).toHaveLength(4);
      } else if (format === 'otio') {
        const clip = JSON.parse(text).tracks.children[0].children.find((c: { name: string }) => c.name === '2B');
        expect(clip.media_references.DEFAULT_MEDIA).toMatchObject({
          target_url: expect.stringMatching(/2B\.mp4$/), available_range: { start_time: { value: 0, rate: 24 }, duration: { value: frames['2B'], rate: 24 } },
        });
      } else {
        expect(text).toMatch(/^\d{3} {2}2B {7}V {5}C {8}00:00:00:00 00:00:02:00 /m);
        expect(text).toContain('* FROM CLIP NAME:  2B.mp4');
        expect(text).not.toContain('2B.png');
      }
      const parsed = readEditorialTimeline(Buffer.from(text), `baked.${EXT[format]}`, { fps: 24 });
      const clip = parsed.clips.find((c) => c.name === '2B')!;
      expect(clip).toMatchObject({ panelId: ids['2B'], mediaName: '2B.mp4', frames: frames['2B'] });
      expect(parsed.clips.map((c) => c.frames)).toEqual(Object.values(frames));
      const plan = planConform(conformPanels(project), parsed, { media: manifestOf(media).stills });
      expect(plan).toMatchObject({ matched: 5, durations: [], orderChanged: false, moves: [], dropped: [], unmatched: [], duplicates: [] });
    });
  }

  it('a timeline that lost the panel ids still matches the clip by its file name (manifest or shot-number name)', async () => {
    const out = path.join(dir, 'no ids.edl');
    const media = path.join(dir, 'no ids media');
    await exportEditorial(project, 'edl', out, { mediaDir: media, bakeMoves: true });
    const text = fs.readFileSync(out, 'utf8').replace(/^\* COMMENT:.*\r\n/gm, '');
    const parsed = readEditorialTimeline(Buffer.from(text), 'no ids.edl', { fps: 24 });
    expect(parsed.clips.every((c) => c.panelId === null)).toBe(true);
    expect(parsed.clips.find((c) => c.mediaName === '2B.mp4')).toBeTruthy();
    for (const opts of [{ media: manifestOf(media).stills }, {}]) {
      const plan = planConform(conformPanels(project), parsed, opts);
      expect(plan).toMatchObject({ matched: 5, durations: [], orderChanged: false, unmatched: [] });
    }
  });

  it('a re-export keeps the unchanged clip as it is; a changed move re-renders it; without the flag 2B is a still again', async () => {
    const media = path.join(dir, 'again media');
    const out = path.join(dir, 'again.fcpxml');
    await exportEditorial(project, 'fcpxml', out, { mediaDir: media, bakeMoves: true });
    const clip = path.join(media, '2B.mp4');
    const first = fs.statSync(clip);
    const bytes = fs.readFileSync(clip);
    await exportEditorial(project, 'fcpxml', out, { mediaDir: media, bakeMoves: true });
    expect(fs.statSync(clip).mtimeMs).toBe(first.mtimeMs);
    expect(fs.statSync(clip).ino).toBe(first.ino);

    setPanelFraming(project, ids['2B'], { start: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 }, end: { x: 0, y: 0, w: 1, h: 1 } });
    try {
      await exportEditorial(project, 'fcpxml', out, { mediaDir: media, bakeMoves: true });
      expect(fs.readFileSync(clip).equals(bytes)).toBe(false);
      const lit = decodeSmall(clip).map(litFraction);
      expect(lit[0]).toBeGreaterThan(lit[lit.length - 1] + 0.15); // now it pulls out
    } finally {
      project.undo();
    }
    await exportEditorial(project, 'fcpxml', out, { mediaDir: media });
    expect(listMedia(media)).toEqual(['1A.png', '1B.png', '1C.png', '2A.png', '2B.png', MEDIA_MANIFEST, 'line.wav', 'theme_music.wav'].sort());
    expect(fs.readFileSync(out, 'utf8')).not.toContain('asset-clip ref="p');
    expect(Object.keys(manifestOf(media).stills)).toContain('2B.png');
  });

  it('cancelled while rendering: CANCELLED, and no half-written file is left in the media folder', async () => {
    const media = path.join(dir, 'cancelled media');
    const abort = new AbortController();
    // Scene 2: 2A's still and 2B's clip start together; the still is done first, and the cancel comes while the clip renders.
    const done = exportEditorial(project, 'otio', path.join(dir, 'cancelled.otio'), { mediaDir: media, bakeMoves: true, scenes: '2' }, {
      signal: abort.signal, progress: (n) => n >= 1 && abort.abort(),
    });
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.readdirSync(media).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'cancelled.otio'))).toBe(false);
  });

  it('boardwright export ... --bake-moves says what it wrote; --help explains it', async () => {
    let out = '';
    const cli = (...argv: string[]) => runCli(argv, { write: (s: string) => ((out += s), true) } as never, { write: () => true } as never);
    expect(await cli('export', 'xmeml', path.join(dir, 'film.boardwright'), path.join(dir, 'cli.xml'), '--bake-moves')).toBe(0);
    expect(out).toContain(`Media: ${path.join(dir, 'cli_media')} (4 stills, 1 camera move as MP4, 2 audio files)`);
    expect(listMedia(path.join(dir, 'cli_media'))).toContain('2B.mp4');
    out = '';
    expect(await cli('export', 'edl', '--help')).toBe(0);
    expect(out).toContain('--bake-moves');
  });
});

describe('export.editorial with options.bakeMoves (the API)', { timeout: 120_000 }, () => {
  it('bakes the move in the task it starts; a bakeMoves that is not a boolean is refused', async () => {
    const file = path.join(dir, 'api.boardwright');
    (await makeEditorialProject(file)).close();
    const shell: Shell = {
      kind: 'electron', projectsDir: null, chooseNewProjectPath: async () => null, chooseProjectToOpen: async () => null,
      chooseCopyPath: async () => null, chooseSavePath: async () => null, projectChanged: () => undefined,
    };
    const session = new Session(shell, path.join(dir, 'api settings'));
    try {
      const dispatch = createDispatch(createHandlers(session, new UploadStore()), () => {});
      expect(await dispatch('project.open', { path: file })).toMatchObject({ ok: true });
      const finished = new Promise((resolve) => session.events.subscribe((e) => (e.kind === 'task.finished' || e.kind === 'task.failed') && resolve(e)));
      const out = path.join(dir, 'api.fcpxml');
      expect(await dispatch('export.editorial', { format: 'fcpxml', path: out, options: { bakeMoves: true } })).toMatchObject({ ok: true });
      expect(await finished).toMatchObject({ kind: 'task.finished' });
      expect(listMedia(path.join(dir, 'api_media'))).toContain('2B.mp4');
      expect(fs.readFileSync(out, 'utf8')).toContain('<asset-clip ref="p5" name="2B"');
      expect(await dispatch('export.editorial', { format: 'fcpxml', path: out, options: { bakeMoves: 'yes' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    } finally {
      session.close();
    }
  });
});
