import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEditorial } from '../../electron/core/editorial/export-editorial';
import { EDITORIAL_FORMATS, MEDIA_MANIFEST, type EditorialFormat } from '../../electron/core/editorial/model';
import { readTimeline } from '../../electron/core/animatic/timeline';
import { deletePanels } from '../../electron/core/commands/panel-commands';
import { setPanelImage } from '../../electron/core/commands/image-commands';
import { COLOURS, flatPng } from './animatic-helpers';
import type { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { listMedia, makeEditorialProject, urlPath } from './editorial-helpers';

const dir = tempDir('bw-editorial é ');
let project: Project;
const ext: Record<EditorialFormat, string> = { fcpxml: 'fcpxml', xmeml: 'xml', edl: 'edl', otio: 'otio' };

beforeAll(async () => {
  project = await makeEditorialProject(path.join(dir, 'film.boardwright'));
});
afterAll(() => project?.close());

describe('editorial export: the media folder', { timeout: 120_000 }, () => {
  it('holds one still per panel at the animatic frame size, named by shot number, plus the audio files unchanged', async () => {
    const r = await exportEditorial(project, 'otio', path.join(dir, 'cut one.otio'));
    expect(r.mediaDir).toBe(path.join(dir, 'cut one_media'));
    expect(listMedia(r.mediaDir)).toEqual(['1A.png', '1B.png', '1C.png', '2A.png', '2B.png', MEDIA_MANIFEST, 'line.wav', 'theme_music.wav'].sort());
    for (const f of ['1A.png', '2B.png']) {
      const m = await sharp(path.join(r.mediaDir, f)).metadata();
      expect([m.format, m.width, m.height]).toEqual(['png', 1920, 1080]);
    }
    // 2.39:1 letterboxed in 16:9 as the animatic draws it: black bars above and below, the picture's colour in the middle.
    const { data, info } = await sharp(path.join(r.mediaDir, '1A.png')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(at(960, 20)).toEqual([0, 0, 0]);
    expect(at(960, 540)).toEqual([220, 40, 40]);
    // Audio bytes unchanged.
    const stored = project.db.prepare("SELECT data FROM audio_blobs WHERE source_name = 'theme music.wav'").pluck().get() as Buffer;
    expect(fs.readFileSync(path.join(r.mediaDir, 'theme_music.wav')).equals(stored)).toBe(true);
    // The manifest maps each still to its panel.
    const manifest = JSON.parse(fs.readFileSync(path.join(r.mediaDir, MEDIA_MANIFEST), 'utf8'));
    const panels = project.board().scenes.flatMap((s) => s.panels);
    expect(manifest.stills['1A.png']).toMatchObject({ panelId: panels[0].id, shotNumber: '1A' });
    expect(Object.keys(manifest.stills)).toHaveLength(5);
  });

  it('every format points at files that exist, and a re-export keeps the same names (no relink)', async () => {
    const media = path.join(dir, 'shared media');
    for (const format of EDITORIAL_FORMATS) {
      const out = path.join(dir, `all.${ext[format]}`);
      const first = await exportEditorial(project, format, out, { mediaDir: media });
      const names = listMedia(media);
      const again = await exportEditorial(project, format, out, { mediaDir: media });
      expect(listMedia(media)).toEqual(names);
      expect(again.path).toBe(first.path);
      const text = fs.readFileSync(out, 'utf8');
      const refs = format === 'edl'
        ? [...text.matchAll(/^\* (?:FROM|TO) CLIP NAME:\s+(.+)$/gm)].map((m) => path.join(media, m[1].trim()))
        : [...text.matchAll(/(?:src="|"target_url": "|<pathurl>)([^"<]+)/g)].map((m) => urlPath(m[1].replace(/&amp;/g, '&')));
      expect(refs.length).toBeGreaterThanOrEqual(5);
      for (const ref of refs) expect(fs.existsSync(ref), `${format}: ${ref}`).toBe(true);
    }
  });

  it('a panel deleted since the last export loses its still; panels of scenes not exported keep theirs', async () => {
    const other = await makeEditorialProject(path.join(dir, 'deleting.boardwright'), { audio: false });
    const media = path.join(dir, 'scoped');
    await exportEditorial(other, 'otio', path.join(dir, 'scoped.otio'), { mediaDir: media });
    deletePanels(other, [other.board().scenes[1].panels[1].id]); // 2B
    await exportEditorial(other, 'otio', path.join(dir, 'scoped.otio'), { mediaDir: media, scenes: '2' });
    const manifest = JSON.parse(fs.readFileSync(path.join(media, MEDIA_MANIFEST), 'utf8'));
    expect(Object.keys(manifest.stills).sort()).toEqual(['1A.png', '1B.png', '1C.png', '2A.png']);
    expect(listMedia(media)).toEqual(['1A.png', '1B.png', '1C.png', '2A.png', MEDIA_MANIFEST].sort());
    other.close();
  });

  it('a re-export redraws only the stills whose picture changed (or that were changed on disk)', async () => {
    const other = await makeEditorialProject(path.join(dir, 'redraw.boardwright'), { audio: false });
    const media = path.join(dir, 'redraw');
    await exportEditorial(other, 'fcpxml', path.join(dir, 'redraw.fcpxml'), { mediaDir: media });
    const bytes = (f: string) => fs.readFileSync(path.join(media, f));
    const inode = (f: string) => fs.statSync(path.join(media, f)).ino;
    const before = Object.fromEntries(['1A.png', '1B.png', '1C.png'].map((f) => [f, { ino: inode(f), bytes: bytes(f) }]));
    await setPanelImage(other, other.board().scenes[0].panels[0].id, await flatPng(COLOURS[6], 640, 360), 'new.png'); // 1A
    fs.writeFileSync(path.join(media, '1B.png'), 'scribbled over');
    await exportEditorial(other, 'fcpxml', path.join(dir, 'redraw.fcpxml'), { mediaDir: media });
    expect(bytes('1A.png').equals(before['1A.png'].bytes)).toBe(false);
    expect(bytes('1B.png').equals(before['1B.png'].bytes)).toBe(true); // redrawn the same
    expect(inode('1C.png')).toBe(before['1C.png'].ino); // untouched: not rewritten
    expect(bytes('1C.png').equals(before['1C.png'].bytes)).toBe(true);
    other.close();
  });

  it('--relative writes paths relative to the timeline file', async () => {
    const out = path.join(dir, 'rel.otio');
    await exportEditorial(project, 'otio', out, { relative: true });
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    const url = json.tracks.children[0].children.find((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2').media_references.DEFAULT_MEDIA.target_url;
    expect(url).toBe('rel_media/1A.png');
    expect(fs.existsSync(path.join(dir, decodeURIComponent(url)))).toBe(true);
  });

  it('durations are whole frames summing to the animatic length, with --scenes picking scenes', async () => {
    const total = readTimeline(project, 24).totalFrames;
    const out = path.join(dir, 'frames.otio');
    const r = await exportEditorial(project, 'otio', out, { mediaDir: path.join(dir, 'm2') });
    expect(r.totalFrames).toBe(total);
    const scene2 = await exportEditorial(project, 'otio', path.join(dir, 'scene2.otio'), { scenes: '2', mediaDir: path.join(dir, 'm2') });
    const segs = readTimeline(project, 24).segments;
    expect(scene2.clips).toBe(2);
    expect(scene2.totalFrames).toBe(segs[3].frames + segs[4].frames);
  });

  it('refuses an empty board, a wrong extension and an unsupported rate, writing nothing', async () => {
    const empty = await makeEditorialProject(path.join(dir, 'empty-src.boardwright'), { audio: false });
    deletePanels(empty, empty.board().scenes.flatMap((s) => s.panels.map((p) => p.id)));
    await expect(exportEditorial(empty, 'fcpxml', path.join(dir, 'empty.fcpxml'))).rejects.toThrow(/no panels/);
    empty.close();
    await expect(exportEditorial(project, 'fcpxml', path.join(dir, 'wrong.xml'))).rejects.toThrow(/\.fcpxml file/);
    await expect(exportEditorial(project, 'edl', path.join(dir, 'rate.edl'), { fps: 50 })).rejects.toThrow(/23\.976, 24, 25, 29\.97, 30/);
    expect(fs.existsSync(path.join(dir, 'empty_media'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'rate_media'))).toBe(false);
  });
});
