/**
 * Each format's output read back with independent tools: libxml2's xmllint and fast-xml-parser for
 * the XML, a schema check of the OTIO JSON written from the OTIO 0.18 required-field list, and EDL
 * lines checked field by field. Then every rate: frame-exact durations summing to the animatic's length.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEditorial, renderTimeline } from '../../electron/core/editorial/export-editorial';
import { planEditorial } from '../../electron/core/editorial/timeline-model';
import { readTimeline } from '../../electron/core/animatic/timeline';
import type { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { HEADINGS, makeEditorialProject, readXmlIndependently, urlPath, xmllint } from './editorial-helpers';

type X = Record<string, unknown> & { '@'?: never };
/** fast-xml-parser with isArray: every child is an array; attributes are "@name". */
const kids = (n: unknown, name: string): X[] => ((n as Record<string, X[]>)[name] ?? []) as X[];
const one = (n: unknown, name: string): X => kids(n, name)[0];
const attr = (n: unknown, name: string): string => (n as Record<string, string>)[`@${name}`];
const text = (n: unknown, name: string): string => {
  const v = kids(n, name)[0] as unknown;
  return typeof v === 'string' ? v : String((v as { '#text'?: unknown } | undefined)?.['#text'] ?? '');
};

const dir = tempDir('bw-editorial-formats ');
let project: Project;
let panelIds: string[];
beforeAll(async () => {
  project = await makeEditorialProject(path.join(dir, 'formats.boardwright'));
  panelIds = project.board().scenes.flatMap((s) => s.panels.map((p) => p.id));
});
afterAll(() => project?.close());

const ALLOWED = new Set(['Timeline.1', 'Stack.1', 'Track.1', 'Clip.2', 'ExternalReference.1', 'Gap.1', 'Marker.2', 'RationalTime.1', 'TimeRange.1', 'Transition.1']);
const COLOURS = new Set(['PINK', 'RED', 'ORANGE', 'YELLOW', 'GREEN', 'CYAN', 'BLUE', 'PURPLE', 'MAGENTA', 'BLACK', 'WHITE']);

/** Every problem OTIO 0.18's reader would raise (KEY_NOT_FOUND, TYPE_MISMATCH, unknown or newer schema). */
function otioProblems(node: unknown, where = 'root', out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n, i) => otioProblems(n, `${where}[${i}]`, out));
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  const schema = o.OTIO_SCHEMA as string | undefined;
  const need = (key: string, ok: (v: unknown) => boolean) => {
    if (!(key in o)) out.push(`${where}: ${schema} lacks ${key}`);
    else if (!ok(o[key])) out.push(`${where}: ${schema}.${key} has the wrong type`);
  };
  const isRt = (v: unknown) => !!v && (v as { OTIO_SCHEMA?: string }).OTIO_SCHEMA === 'RationalTime.1' && typeof (v as { rate: unknown }).rate === 'number' && typeof (v as { value: unknown }).value === 'number';
  const isTr = (v: unknown) => !!v && (v as { OTIO_SCHEMA?: string }).OTIO_SCHEMA === 'TimeRange.1' && isRt((v as { start_time: unknown }).start_time) && isRt((v as { duration: unknown }).duration);
  if (schema !== undefined) {
    if (!ALLOWED.has(schema)) out.push(`${where}: schema ${schema} is not one OTIO 0.18 reads as written`);
    if (schema === 'Timeline.1') need('tracks', (v) => (v as { OTIO_SCHEMA?: string })?.OTIO_SCHEMA === 'Stack.1');
    if (schema === 'Stack.1' || schema === 'Track.1') need('children', Array.isArray);
    if (schema === 'Track.1') need('kind', (v) => v === 'Video' || v === 'Audio');
    if (schema === 'Clip.2') {
      need('media_references', (v) => !!v && typeof v === 'object');
      need('active_media_reference_key', (v) => typeof v === 'string' && !!(o.media_references as Record<string, unknown>)?.[v as string]);
      need('source_range', isTr);
    }
    if (schema === 'Gap.1') need('source_range', isTr);
    if (schema === 'ExternalReference.1') need('target_url', (v) => typeof v === 'string' && v.length > 0);
    if (schema === 'Marker.2') {
      need('marked_range', isTr);
      need('color', (v) => COLOURS.has(v as string));
    }
    if (schema === 'Transition.1') {
      need('in_offset', isRt);
      need('out_offset', isRt);
      need('transition_type', (v) => typeof v === 'string');
    }
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'OTIO_SCHEMA') otioProblems(v, `${where}.${k}`, out);
  return out;
}

describe('editorial formats read back independently', { timeout: 120_000 }, () => {
  it('FCPXML 1.10: well-formed; assets with media-rep; still <video> clips; rational times; audio on lanes below; markers; panel ids', async () => {
    const out = path.join(dir, 'cut.fcpxml');
    await exportEditorial(project, 'fcpxml', out);
    expect(xmllint(out)).toBe('ok');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE fcpxml>\n<fcpxml version="1.10">/);
    const doc = readXmlIndependently(out);
    const root = one(doc, 'fcpxml');
    const resources = one(root, 'resources');
    const formats = kids(resources, 'format');
    expect(formats.map((f) => [attr(f, 'frameDuration'), attr(f, 'width'), attr(f, 'height')])).toEqual([['100/2400s', '1920', '1080'], [undefined, '1920', '1080']]);
    const stills = kids(resources, 'asset').filter((a) => attr(a, 'hasVideo') === '1');
    expect(stills).toHaveLength(5);
    for (const a of stills) {
      expect(attr(a, 'duration')).toBe('0s');
      expect(fs.existsSync(urlPath(attr(one(a, 'media-rep'), 'src')))).toBe(true);
    }
    const md = (a: X) => Object.fromEntries(kids(one(a, 'metadata'), 'md').map((m) => [attr(m, 'key'), attr(m, 'value')]));
    expect(stills.map((a) => md(a)['com.boardwright.panelId'])).toEqual(panelIds);
    expect(md(stills[0])).toMatchObject({ 'com.boardwright.shotSize': 'CU', 'com.boardwright.angle': 'Low', 'com.boardwright.lensMm': '35', 'com.boardwright.status': 'approved' });
    const sequence = one(one(one(one(one(root, 'library'), 'event'), 'project'), 'sequence'), 'spine');
    const videos = kids(sequence, 'video');
    expect(videos.map((v) => attr(v, 'name'))).toEqual(['1A', '1B', '1C', '2A', '2B']);
    const frames = (t: string) => {
      const m = /^(\d+)\/2400s$/.exec(t) ?? /^(0)s$/.exec(t);
      expect(m, t).not.toBeNull();
      return Number(m![1]) / 100;
    };
    const segs = readTimeline(project, 24).segments;
    expect(videos.map((v) => frames(attr(v, 'duration')))).toEqual(segs.map((s) => s.frames));
    expect(videos.map((v) => frames(attr(v, 'offset')))).toEqual(segs.map((s) => s.startFrame));
    expect(frames(attr(one(one(one(one(root, 'library'), 'event'), 'project'), 'sequence'), 'duration'))).toBe(readTimeline(project, 24).totalFrames);
    expect(text(videos[0], 'note')).toBe('She opens the door.\nDialogue: Who’s there? <me> & you');
    const transitions = kids(sequence, 'transition');
    expect(transitions.map((t) => [frames(attr(t, 'offset')), frames(attr(t, 'duration'))])).toEqual([[segs[1].startFrame - 6, 12]]);
    // Scene markers, audio connected below the spine.
    expect(kids(videos[0], 'marker').map((m) => attr(m, 'value'))).toEqual([HEADINGS[0]]);
    expect(kids(videos[3], 'marker').map((m) => attr(m, 'value'))).toEqual([HEADINGS[1]]);
    const audio = videos.flatMap((v) => kids(v, 'asset-clip'));
    expect(audio.map((a) => attr(a, 'lane')).sort()).toEqual(['-1', '-2']);
  });

  it('xmeml 4: well-formed; file://localhost percent-encoded paths; still clipitems; audio tracks; sequence markers', async () => {
    const out = path.join(dir, 'cut.xml');
    await exportEditorial(project, 'xmeml', out);
    expect(xmllint(out)).toBe('ok');
    expect(fs.readFileSync(out, 'utf8')).toContain('<!DOCTYPE xmeml>\n<xmeml version="4">');
    const seq = one(one(readXmlIndependently(out), 'xmeml'), 'sequence');
    expect([text(one(seq, 'rate'), 'timebase'), text(one(seq, 'rate'), 'ntsc'), text(seq, 'duration')]).toEqual(['24', 'FALSE', String(readTimeline(project, 24).totalFrames)]);
    const video = one(one(seq, 'media'), 'video');
    const clips = kids(one(video, 'track'), 'clipitem');
    expect(clips.map((c) => text(c, 'name'))).toEqual(['1A', '1B', '1C', '2A', '2B']);
    for (const c of clips) {
      expect(text(c, 'stillframe')).toBe('TRUE');
      const url = text(one(c, 'file'), 'pathurl');
      expect(url).toMatch(/^file:\/\/localhost\/.*bw-editorial-formats%20/);
      expect(url).not.toMatch(/[ é]/);
      expect(fs.existsSync(urlPath(url))).toBe(true);
    }
    expect(text(one(clips[0], 'comments'), 'clipcommenta')).toBe(`boardwright-panel:${panelIds[0]}`);
    // The dissolve: -1 on both sides of the transitionitem, centred on the cut.
    const segs = readTimeline(project, 24).segments;
    expect([text(clips[0], 'end'), text(clips[1], 'start')]).toEqual(['-1', '-1']);
    const tr = one(one(video, 'track'), 'transitionitem');
    expect([Number(text(tr, 'start')), Number(text(tr, 'end')), text(tr, 'alignment')]).toEqual([segs[1].startFrame - 6, segs[1].startFrame + 6, 'center']);
    // Other clips: end - start = their frames.
    expect(clips.slice(2).map((c) => Number(text(c, 'end')) - Number(text(c, 'start')))).toEqual(segs.slice(2).map((s) => s.frames));
    const audioTracks = kids(one(one(seq, 'media'), 'audio'), 'track');
    expect(audioTracks).toHaveLength(2);
    expect(kids(seq, 'marker').map((m) => [text(m, 'name'), text(m, 'in'), text(m, 'out')])).toEqual([
      [HEADINGS[0], '0', '-1'], [HEADINGS[1], String(segs[3].startFrame), '-1'],
    ]);
  });

  it('CMX 3600: non-drop, valid reels and timecodes, one event per panel (a dissolve as C + D), an EDL per audio track', async () => {
    const out = path.join(dir, 'cut.edl');
    const r = await exportEditorial(project, 'edl', out);
    expect(r.extraFiles.map((f) => path.basename(f))).toEqual(['cut.Music.edl', 'cut.Temp_dialogue.edl']);
    const lines = fs.readFileSync(out, 'utf8').split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['TITLE: Hand-off "test" & co', 'FCM: NON-DROP FRAME']);
    const events = lines.filter((l) => /^\d{3}  /.test(l));
    const EVENT = /^(\d{3})  ([ A-Za-z0-9]{8}) (V|A|AA)\s+(C|D    \d{3})\s+((?:\d\d:\d\d:\d\d:\d\d ?){4})$/;
    for (const e of events) {
      const m = EVENT.exec(e);
      expect(m, e).not.toBeNull();
      for (const tc of m![5].trim().split(' ')) expect(Number(tc.split(':')[3])).toBeLessThan(24);
    }
    expect(new Set(events.map((e) => e.slice(0, 3))).size).toBe(5); // five panels, the dissolve's pair shares a number
    const segs = readTimeline(project, 24).segments;
    const last = events[events.length - 1].trim().split(/\s+/);
    const toFrames = (tc: string) => tc.split(':').map(Number).reduce((a, b, i) => (i < 3 ? a * 60 + b : a * 24 + b), 0) - 3600 * 24;
    expect(toFrames(last[last.length - 1])).toBe(readTimeline(project, 24).totalFrames);
    expect(lines.filter((l) => l.startsWith('* FROM CLIP NAME:')).map((l) => l.split(':  ')[1])).toEqual(['1A.png', '1A.png', '1C.png', '2A.png', '2B.png']);
    expect(lines.filter((l) => l.startsWith('* LOC:'))).toEqual([`* LOC: 01:00:00:00 RED     ${HEADINGS[0]}`, `* LOC: ${toTc(segs[3].startFrame)} RED     ${HEADINGS[1]}`]);
    const music = fs.readFileSync(r.extraFiles[0], 'utf8').split('\r\n').filter((l) => /^\d{3}  /.test(l));
    expect(music).toHaveLength(1);
    expect(music[0]).toMatch(/^001  THEMEMUS A     C {8}00:00:00:00 00:00:03:00 01:00:00:05 01:00:03:05$/);
  });

  it('OTIO: every object carries what OTIO 0.18 requires, in the schema versions it reads', async () => {
    const out = path.join(dir, 'cut.otio');
    await exportEditorial(project, 'otio', out);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(otioProblems(json)).toEqual([]);
    const [v1, ...audio] = json.tracks.children;
    expect(v1.kind).toBe('Video');
    expect(audio.map((t: { kind: string; name: string }) => [t.kind, t.name])).toEqual([['Audio', 'Music'], ['Audio', 'Temp dialogue']]);
    const clips = v1.children.filter((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2');
    expect(clips.map((c: { metadata: { boardwright: { panelId: string } } }) => c.metadata.boardwright.panelId)).toEqual(panelIds);
    expect(clips[0].metadata.boardwright).toMatchObject({ shotSize: 'CU', angle: 'Low', lensMm: 35, status: 'approved', action: 'She opens the door.' });
    expect(clips[0].markers.map((m: { name: string }) => m.name)).toEqual([HEADINGS[0]]);
    const sum = clips.reduce((a: number, c: { source_range: { duration: { value: number } } }) => a + c.source_range.duration.value, 0);
    expect(sum).toBe(readTimeline(project, 24).totalFrames);
    expect(v1.children[1]).toMatchObject({ OTIO_SCHEMA: 'Transition.1', in_offset: { value: 6 }, out_offset: { value: 6 } });
    // The caught problem list works: a Clip.1-style clip without media_references is reported.
    expect(otioProblems({ OTIO_SCHEMA: 'Clip.3', name: 'x' })).toEqual([expect.stringContaining('not one OTIO 0.18 reads')]);
  });
});

function toTc(frame: number): string {
  const f = frame + 3600 * 24;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(Math.floor(f / 86400))}:${p(Math.floor(f / 1440) % 60)}:${p(Math.floor(f / 24) % 60)}:${p(f % 24)}`;
}

describe('frame rates', { timeout: 120_000 }, () => {
  const RATES = [
    { fps: 23.976, fcpx: '1001/24000s', timebase: '24', ntsc: 'TRUE', otio: 24000 / 1001 },
    { fps: 24, fcpx: '100/2400s', timebase: '24', ntsc: 'FALSE', otio: 24 },
    { fps: 25, fcpx: '100/2500s', timebase: '25', ntsc: 'FALSE', otio: 25 },
    { fps: 29.97, fcpx: '1001/30000s', timebase: '30', ntsc: 'TRUE', otio: 30000 / 1001 },
    { fps: 30, fcpx: '100/3000s', timebase: '30', ntsc: 'FALSE', otio: 30 },
  ];
  for (const r of RATES) {
    it(`${r.fps} fps: each format says the rate right and sums to the animatic's frames`, () => {
      const plan = planEditorial(project, { fps: r.fps, timelineDir: dir, mediaDir: path.join(dir, 'm'), relative: false });
      const total = readTimeline(project, r.fps).totalFrames;
      expect(plan.timeline.totalFrames).toBe(total);
      const render = (f: 'fcpxml' | 'xmeml' | 'edl' | 'otio') => renderTimeline(f, plan.timeline, { relative: false, stem: 'x' }).main;

      const fcpx = render('fcpxml');
      expect(fcpx).toContain(`frameDuration="${r.fcpx}"`);
      const [num, den] = r.fcpx.replace('s', '').split('/').map(Number);
      const durations = [...fcpx.matchAll(/<video [^>]*duration="(\d+)\/(\d+)s"/g)].map((m) => {
        expect(Number(m[1]) % num).toBe(0);
        expect(Number(m[2])).toBe(den);
        return Number(m[1]) / num;
      });
      expect(durations.reduce((a, b) => a + b, 0)).toBe(total);

      const xml = render('xmeml');
      expect(xml).toContain(`<rate><timebase>${r.timebase}</timebase><ntsc>${r.ntsc}</ntsc></rate>`);
      expect(xml).toContain(`<duration>${total}</duration>`);

      const edl = render('edl');
      const tcs = [...edl.matchAll(/\d\d:\d\d:\d\d:(\d\d)/g)].map((m) => Number(m[1]));
      expect(Math.max(...tcs)).toBeLessThan(Number(r.timebase));
      expect(edl).toContain('FCM: NON-DROP FRAME');

      const otio = JSON.parse(render('otio'));
      const clips = otio.tracks.children[0].children.filter((c: { OTIO_SCHEMA: string }) => c.OTIO_SCHEMA === 'Clip.2');
      expect(clips[0].source_range.duration.rate).toBeCloseTo(r.otio, 10);
      expect(clips.reduce((a: number, c: { source_range: { duration: { value: number } } }) => a + c.source_range.duration.value, 0)).toBe(total);
    });
  }
});
