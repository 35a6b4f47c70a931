/**
 * Conform: export, change the timeline as an editor would (trim, reorder across scenes, delete,
 * duplicate, add new material), read it back and plan; the plan shows exactly that change. Then the
 * inputs a conform must refuse, each with a clear one-line message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEditorial, renderTimeline } from '../../electron/core/editorial/export-editorial';
import { readEditorialTimeline } from '../../electron/core/editorial/read/read-timeline';
import { planConform } from '../../electron/core/editorial/conform-plan';
import { MEDIA_MANIFEST, type EditorialFormat } from '../../electron/core/editorial/model';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { readTimeline } from '../../electron/core/animatic/timeline';
import { isCoreError } from '../../electron/core/errors';
import type { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { conformPanels, makeEditorialProject } from './editorial-helpers';

const dir = tempDir('bw-editorial-conform ');
let project: Project;
let ids: Record<string, string>;
let sceneIds: string[];
beforeAll(async () => {
  project = await makeEditorialProject(path.join(dir, 'conform.boardwright'));
  ids = Object.fromEntries(project.board().scenes.flatMap((s) => s.panels.map((p) => [p.shotNumber, p.id])));
  sceneIds = project.board().scenes.map((s) => s.id);
});
afterAll(() => project?.close());

const EXT: Record<EditorialFormat, string> = { fcpxml: 'fcpxml', xmeml: 'xml', edl: 'edl', otio: 'otio' };
async function exported(format: EditorialFormat, name: string): Promise<string> {
  const out = path.join(dir, `${name}.${EXT[format]}`);
  await exportEditorial(project, format, out, { mediaDir: path.join(dir, 'media') });
  return fs.readFileSync(out, 'utf8');
}

/** The editor's cut: 1B deleted, 1A moved to the end and trimmed to 30 frames, 2A used twice, a title card added after 2B. */
const EDIT = ['1C', '2A', '2A', '2B', 'TITLE', '1A'];
const TRIM: Record<string, number> = { '1A': 30, TITLE: 24 };

/** Each format changed by hand the way its NLE would write the new cut. */
const EDITORS: Record<EditorialFormat, (text: string, frames: Record<string, number>) => string> = {
  otio(text, frames) {
    const json = JSON.parse(text);
    const video = json.tracks.children[0];
    const byName = new Map(video.children.filter((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2').map((c: { name: string }) => [c.name, c]));
    video.children = EDIT.map((name) => {
      const c = structuredClone(byName.get(name === 'TITLE' ? '1C' : name)) as { source_range: { duration: { value: number } } };
      c.source_range.duration.value = TRIM[name] ?? frames[name];
      if (name !== 'TITLE') return c;
      return { ...c, name: 'Title card', metadata: {}, markers: [], media_references: { DEFAULT_MEDIA: { OTIO_SCHEMA: 'ExternalReference.1', target_url: 'file:///elsewhere/titlecard.png' } } };
    });
    return JSON.stringify(json);
  },
  fcpxml(text, frames) {
    const items = [...text.matchAll(/<video ref="(p\d+)" name="([^"]+)"[^>]*?(?:\/>|>[\s\S]*?<\/video>)/g)];
    const byName = new Map(items.map((m) => [m[2], m[0]]));
    const fd = /frameDuration="(\d+)\/(\d+)s"/.exec(text)!;
    const t = (f: number) => (f === 0 ? '0s' : `${f * Number(fd[1])}/${fd[2]}s`);
    let at = 0;
    const spine = EDIT.map((name) => {
      const f = TRIM[name] ?? frames[name];
      const src = name === 'TITLE' ? byName.get('1C')!.replace('ref="p3"', 'ref="t1"').replace('name="1C"', 'name="Title card"').replace(/<note>[\s\S]*?<\/note>/, '') : byName.get(name)!;
      const item = src.replace(/ offset="[^"]*"/, ` offset="${t(at)}"`).replace(/ duration="[^"]*"/, ` duration="${t(f)}"`);
      at += f;
      return item;
    });
    return text
      .replace('</resources>', '<asset id="t1" name="titlecard" start="0s" duration="0s" hasVideo="1" format="r2"><media-rep kind="original-media" src="file:///elsewhere/titlecard.png"/></asset></resources>')
      .replace(/<spine>[\s\S]*<\/spine>/, `<spine>${spine.join('')}</spine>`);
  },
  xmeml(text, frames) {
    const track = /<video>[\s\S]*?(<track>[\s\S]*?<\/track>)/.exec(text)![1];
    const items = [...track.matchAll(/<clipitem id="[^"]+"><name>([^<]+)<\/name>[\s\S]*?<\/clipitem>/g)];
    const byName = new Map(items.map((m) => [m[1], m[0]]));
    let at = 0;
    const clips = EDIT.map((name, k) => {
      const f = TRIM[name] ?? frames[name];
      let src = byName.get(name === 'TITLE' ? '1C' : name)!;
      if (name === 'TITLE') src = src.replace('<name>1C</name>', '<name>Title card</name>').replace(/<pathurl>[^<]*<\/pathurl>/, '<pathurl>file://localhost/elsewhere/titlecard.png</pathurl>').replace(/<file id="[^"]+">/, '<file id="title">').replace(/<comments>[\s\S]*?<\/comments>/, '');
      const item = src.replace(/<clipitem id="[^"]+">/, `<clipitem id="edit-${k}">`).replace(/<start>-?\d+<\/start><end>-?\d+<\/end><in>\d+<\/in><out>\d+<\/out>/, `<start>${at}</start><end>${at + f}</end><in>0</in><out>${f}</out>`);
      at += f;
      return item;
    });
    return text.replace(track, `<track>${clips.join('')}</track>`);
  },
  edl(_text, frames) {
    // A fresh EDL as an NLE writes it: no Boardwright comments, clips known by their media file name only.
    const tc = (f: number) => [Math.floor(f / 86400), Math.floor(f / 1440) % 60, Math.floor(f / 24) % 60, f % 24].map((n) => String(n).padStart(2, '0')).join(':');
    let at = 3600 * 24;
    const lines = ['TITLE: RECUT', 'FCM: NON-DROP FRAME', ''];
    EDIT.forEach((name, k) => {
      const f = TRIM[name] ?? frames[name];
      const file = name === 'TITLE' ? 'titlecard.png' : `${name}.png`;
      lines.push(`${String(k + 1).padStart(3, '0')}  AX       V     C        00:00:00:00 ${tc(f)} ${tc(at)} ${tc(at + f)}`, `* FROM CLIP NAME: ${file}`);
      at += f;
    });
    return `${lines.join('\n')}\n`;
  },
};

describe('conform round trip', { timeout: 120_000 }, () => {
  for (const format of Object.keys(EDITORS) as EditorialFormat[]) {
    it(`${format}: an untouched export plans no change (dissolves included)`, async () => {
      const text = await exported(format, `same-${format}`);
      const parsed = readEditorialTimeline(Buffer.from(text), `same.${EXT[format]}`, { fps: 24 });
      expect(parsed.clips.map((c) => c.name)).toEqual(['1A', '1B', '1C', '2A', '2B']);
      expect(parsed.clips.map((c) => c.panelId ?? ids[c.name])).toEqual(Object.values(ids));
      expect(parsed.clips.map((c) => c.frames)).toEqual(readTimeline(project, 24).segments.map((s) => s.frames));
      const plan = planConform(conformPanels(project), parsed);
      expect(plan).toMatchObject({ matched: 5, durations: [], orderChanged: false, moves: [], dropped: [], unmatched: [], duplicates: [] });
    });

    it(`${format}: trim, move across scenes, delete, duplicate and new material show up exactly`, async () => {
      const frames = Object.fromEntries(readTimeline(project, 24).segments.map((s) => [s.shotNumber, s.frames]));
      const text = EDITORS[format](await exported(format, `edit-${format}`), frames);
      const parsed = readEditorialTimeline(Buffer.from(text), `recut.${EXT[format]}`, { fps: 24 });
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'media', MEDIA_MANIFEST), 'utf8'));
      const plan = planConform(conformPanels(project), parsed, { media: manifest.stills });
      expect(plan.durations).toEqual([{ panelId: ids['1A'], shotNumber: '1A', fromMs: 1130, toMs: 1250, fromFrames: 27, toFrames: 30 }]);
      expect(plan.order).toEqual([
        { panelId: ids['1C'], sceneId: sceneIds[0] }, { panelId: ids['2A'], sceneId: sceneIds[1] },
        { panelId: ids['2B'], sceneId: sceneIds[1] }, { panelId: ids['1A'], sceneId: sceneIds[1] },
      ]);
      expect(plan.orderChanged).toBe(true);
      expect(plan.moves).toEqual([{ panelId: ids['1A'], shotNumber: '1A', fromSceneId: sceneIds[0], toSceneId: sceneIds[1] }]);
      expect(plan.dropped).toEqual([{ panelId: ids['1B'], shotNumber: '1B' }]);
      expect(plan.duplicates).toEqual([{ panelId: ids['2A'], shotNumber: '2A', clipIndexes: [1, 2] }]);
      expect(plan.unmatched).toEqual([{ clipIndex: 4, name: expect.stringMatching(/^Title card|titlecard$/), mediaName: 'titlecard.png', frames: 24 }]);
    });
  }

  it('without panel ids: by the media manifest (even after a renumbering), else by the shot-number file names', async () => {
    const json = JSON.parse(await exported('otio', 'no-ids'));
    for (const c of json.tracks.children[0].children) if (c.metadata) c.metadata = {};
    const parsed = readEditorialTimeline(JSON.stringify(json), 'no-ids.otio');
    expect(parsed.clips.every((c) => c.panelId === null)).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'media', MEDIA_MANIFEST), 'utf8'));
    const renumbered = conformPanels(project).map((p) => ({ ...p, shotNumber: `X${p.shotNumber}` }));
    expect(planConform(renumbered, parsed, { media: manifest.stills })).toMatchObject({ matched: 5, unmatched: [], dropped: [], durations: [] });
    expect(refusal(() => planConform(renumbered, parsed))).toMatch(/None of the 5 clips/);
    expect(planConform(conformPanels(project), parsed)).toMatchObject({ matched: 5, unmatched: [], dropped: [], orderChanged: false });
  });

  it('a frame-exact duration: the new milliseconds reproduce the editor\'s cut points at 23.976', async () => {
    const p = await makeEditorialProject(path.join(dir, 'ntsc.boardwright'), { fps: 23.976, audio: false });
    const out = path.join(dir, 'ntsc.otio');
    await exportEditorial(p, 'otio', out, { mediaDir: path.join(dir, 'ntsc-media') });
    const cut = JSON.parse(fs.readFileSync(out, 'utf8'));
    const clips = cut.tracks.children[0].children.filter((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2');
    clips[0].source_range.duration.value = 40;
    clips[2].source_range.duration.value = 77;
    const plan = planConform(conformPanels(p), readEditorialTimeline(JSON.stringify(cut), 'ntsc.otio'));
    expect(plan.durations.map((d) => [d.shotNumber, d.toFrames])).toEqual([['1A', 40], ['1C', 77]]);
    for (const d of plan.durations) updatePanels(p, [d.panelId], { durationMs: d.toMs });
    expect(readTimeline(p, 23.976).segments.map((s) => s.frames)).toEqual(clips.map((c: { source_range: { duration: { value: number } } }) => c.source_range.duration.value));
    p.close();
  });
});

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isCoreError(e)).toBe(true);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a refusal');
}

describe('conform refuses bad input with a one-line message', { timeout: 60_000 }, () => {
  it('a timeline from another project', async () => {
    // The same shot numbers and file names as ours, but its own panel ids: nothing may match.
    const other = await makeEditorialProject(path.join(dir, 'other.boardwright'), { audio: false });
    const out = path.join(dir, 'other.otio');
    await exportEditorial(other, 'otio', out, { mediaDir: path.join(dir, 'other-media') });
    other.close();
    expect(refusal(() => planConform(conformPanels(project), readEditorialTimeline(fs.readFileSync(out), 'other.otio')))).toMatch(/None of the 5 clips .* another project/);
  });

  it('malformed XML and JSON, and files of no known kind', () => {
    expect(refusal(() => readEditorialTimeline('<fcpxml version="1.10"><resources></fcpxml>', 'bad.fcpxml'))).toMatch(/bad\.fcpxml is not well-formed XML \(line 1/);
    expect(refusal(() => readEditorialTimeline('{"OTIO_SCHEMA": "Timeline.1", ', 'bad.otio'))).toMatch(/bad\.otio is not valid OpenTimelineIO JSON/);
    expect(refusal(() => readEditorialTimeline('{"OTIO_SCHEMA": "Clip.2"}', 'clip.otio'))).toMatch(/not an OpenTimelineIO timeline/);
    expect(refusal(() => readEditorialTimeline('<project/>', 'x.xml'))).toMatch(/neither FCPXML nor Final Cut Pro 7 XML/);
    expect(refusal(() => readEditorialTimeline('hello', 'cut.aaf'))).toMatch(/reads \.otio, \.fcpxml, \.xml .* and \.edl/);
    expect(refusal(() => readEditorialTimeline(Buffer.from([0xff, 0xfe, 0x00]), 'cut.edl'))).toMatch(/not UTF-8/);
  });

  it('XML with external or internal entities: refused, never resolved', () => {
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, 'TOP-SECRET');
    const xxe = `<?xml version="1.0"?><!DOCTYPE fcpxml [<!ENTITY xxe SYSTEM "file://${secret}">]><fcpxml version="1.10"><resources/><library><event><project name="&xxe;"/></event></library></fcpxml>`;
    const m1 = refusal(() => readEditorialTimeline(xxe, 'xxe.fcpxml'));
    expect(m1).toMatch(/declares a DTD or entities/);
    expect(m1).not.toContain('TOP-SECRET');
    const laughs = `<!DOCTYPE xmeml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xmeml version="4"><sequence><name>&b;</name></sequence></xmeml>`;
    expect(refusal(() => readEditorialTimeline(laughs, 'laughs.xml'))).toMatch(/declares a DTD or entities/);
    // An undeclared entity without any DOCTYPE is simply not well-formed.
    expect(refusal(() => readEditorialTimeline('<xmeml version="4"><sequence><name>&xxe;</name></sequence></xmeml>', 'undeclared.xml'))).toMatch(/not well-formed/);
  });

  it('EDLs in drop-frame or at another rate', () => {
    const edl = (fcm: string, tc: string) => `TITLE: X\nFCM: ${fcm}\n\n001  AX       V     C        00:00:00:00 00:00:01:00 01:00:00:00 ${tc}\n* FROM CLIP NAME: 1A.png\n`;
    expect(refusal(() => readEditorialTimeline(edl('DROP FRAME', '01:00:01:00'), 'df.edl', { fps: 29.97 }))).toMatch(/drop-frame timecode/);
    expect(refusal(() => readEditorialTimeline(edl('NON-DROP FRAME', '01:00:01;00'), 'semi.edl', { fps: 29.97 }))).toMatch(/drop-frame timecode/);
    expect(refusal(() => readEditorialTimeline(edl('NON-DROP FRAME', '01:00:01:27'), 'thirty.edl', { fps: 24 }))).toMatch(/01:00:01:27, impossible at 24 fps: the EDL was made at a different frame rate/);
    expect(readEditorialTimeline(edl('NON-DROP FRAME', '01:00:01:27'), 'thirty.edl', { fps: 30 }).clips[0].frames).toBe(57);
  });

  it('a 100 MB file is refused before it is read', () => {
    const big = Buffer.alloc(100 * 1024 * 1024, 0x20);
    expect(refusal(() => readEditorialTimeline(big, 'huge.otio'))).toMatch(/huge\.otio is 100 MB: a timeline to conform can be at most 32 MB/);
  });
});

describe('long timelines read back whole', () => {
  it('1,200 panels (EDL event numbers past 999, dissolves every 7th) come back clip for clip in every format', () => {
    const rate = { num: 24000, den: 1001 };
    const media = (n: number) => ({ fileName: `${n}A.png`, path: `/m/${n}A.png`, url: `file:///m/${n}A.png` });
    let at = 0;
    const clips = Array.from({ length: 1200 }, (_, i) => {
      const frames = 10 + ((i * 37) % 50);
      const clip = {
        panelId: `p${i}`, shotNumber: `${i}A`, sceneId: `s${Math.floor(i / 100)}`, sceneNumber: Math.floor(i / 100) + 1, sceneHeading: `SCENE ${i}`,
        action: '', dialogue: '', notes: '', shotSize: null, angle: null, lensMm: null, cameraMove: null, status: 'draft',
        startFrame: at, frames, media: media(i), dissolve: i % 7 === 3 ? { before: 4, after: 4 } : null,
      };
      at += frames;
      return clip;
    });
    const timeline = { title: 'Long', rate, width: 1920, height: 1080, totalFrames: at, clips, markers: [], audioTracks: [], sceneIds: [] };
    for (const format of ['fcpxml', 'xmeml', 'edl', 'otio'] as const) {
      const text = renderTimeline(format, timeline, { relative: false, stem: 'long' }).main;
      const parsed = readEditorialTimeline(text, `long.${EXT[format]}`, { fps: 23.976 });
      expect(parsed.clips.map((c) => c.frames), format).toEqual(clips.map((c) => c.frames));
      expect(parsed.clips.map((c) => c.panelId), format).toEqual(clips.map((c) => c.panelId));
      expect(parsed.fps).toBeCloseTo(24000 / 1001, 9);
    }
  });
});
