/**
 * Final Cut Pro FCPXML 1.10: one asset per still (media-rep, duration 0s, a rate-less format), placed
 * as <video> elements in the spine; a baked camera move (an MP4 of exactly the panel's frames) as an
 * asset in the sequence's format with its duration, placed as an <asset-clip> from 0s; audio as asset-clips anchored below (lane -1, -2...); a marker at
 * each scene; cross-dissolves as <transition> overlapping the cut; panel facts in the asset's metadata.
 */
import type { EditorialClip, EditorialTimeline } from '../model';
import { FCPXML_MD_PREFIX } from '../model';
import { clipFields, clipNote, movieSource } from '../clip-facts';
import { fcpxTime, frameDuration, timebase } from '../frames';
import { el, textEl } from './xml';

const DISSOLVE_UID = 'FxPlug:4731E73A-8DAC-4113-9A30-AE85B1761265';

/** Index of the clip whose cut-to-cut span holds a frame. */
function clipAt(clips: readonly EditorialClip[], frame: number): number {
  let lo = 0;
  let hi = clips.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (clips[mid].startFrame <= frame) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function writeFcpxml(t: EditorialTimeline): string {
  const r = t.rate;
  const T = (frames: number) => fcpxTime(frames, r);
  const fd = frameDuration(r);
  const hasDissolve = t.clips.some((c) => c.dissolve);
  const resources: string[] = [
    el('format', { id: 'r1', frameDuration: `${fd.num}/${fd.den}s`, width: t.width, height: t.height, colorSpace: '1-1-1 (Rec. 709)' }),
    el('format', { id: 'r2', name: 'FFVideoFormatRateUndefined', width: t.width, height: t.height, colorSpace: '1-13-1' }),
  ];
  if (hasDissolve) resources.push(el('effect', { id: 'r3', name: 'Cross Dissolve', uid: DISSOLVE_UID }));
  t.clips.forEach((c, i) => {
    const md = clipFields(c).map(([k, v]) => el('md', { key: `${FCPXML_MD_PREFIX}${k}`, value: v }));
    resources.push(
      el('asset', { id: `p${i + 1}`, name: c.shotNumber, start: '0s', duration: c.baked ? T(movieSource(c).fileFrames) : '0s', hasVideo: 1, format: c.baked ? 'r1' : 'r2', videoSources: 1 }, [
        el('media-rep', { kind: 'original-media', src: c.media.url }),
        el('metadata', {}, md),
      ]),
    );
  });
  const audioIds = new Map<string, string>();
  for (const clip of t.audioTracks.flatMap((tr) => tr.clips)) {
    if (audioIds.has(clip.media.fileName)) continue;
    const id = `s${audioIds.size + 1}`;
    audioIds.set(clip.media.fileName, id);
    resources.push(
      el('asset', {
        id, name: clip.media.fileName.replace(/\.[^.]+$/, ''), start: '0s', duration: T(clip.fileFrames), hasAudio: 1, audioSources: 1,
        audioChannels: clip.channels, audioRate: clip.sampleRate,
      }, [el('media-rep', { kind: 'original-media', src: clip.media.url })]),
    );
  }

  // Local time of a still: an hour in, as Final Cut Pro places stills (room for a dissolve's handles);
  // a movie plays from its in point (a baked one from its first frame).
  const hour = 3600 * timebase(r);
  const startOf = (c: EditorialClip) => (c.baked ? movieSource(c).inFrame : hour);
  const anchored: string[][] = t.clips.map(() => []);
  t.audioTracks.forEach((track, k) => {
    for (const a of track.clips) {
      const i = clipAt(t.clips, a.startFrame);
      const parent = t.clips[i];
      anchored[i].push(
        el('asset-clip', {
          ref: audioIds.get(a.media.fileName), lane: -(k + 1), offset: T(startOf(parent) + a.startFrame - parent.startFrame), name: a.name,
          start: T(a.sourceFrame), duration: T(a.frames), enabled: a.enabled ? null : 0, audioRole: track.lane,
        }),
      );
    }
  });
  const markersAt = new Map<number, string[]>();
  for (const m of t.markers) {
    const i = clipAt(t.clips, m.frame);
    const list = markersAt.get(i) ?? [];
    list.push(el('marker', { start: T(startOf(t.clips[i]) + m.frame - t.clips[i].startFrame), duration: T(1), value: m.name }));
    markersAt.set(i, list);
  }

  const spine: string[] = [];
  t.clips.forEach((c, i) => {
    if (c.dissolve) {
      spine.push(
        el('transition', { name: 'Cross Dissolve', offset: T(c.startFrame - c.dissolve.before), duration: T(c.dissolve.before + c.dissolve.after) }, [
          el('filter-video', { ref: 'r3', name: 'Cross Dissolve' }),
        ]),
      );
    }
    const note = clipNote(c);
    spine.push(
      el(c.baked ? 'asset-clip' : 'video', { ref: `p${i + 1}`, name: c.shotNumber, offset: T(c.startFrame), start: T(startOf(c)), duration: T(c.frames) }, [
        note ? textEl('note', note) : null,
        ...anchored[i],
        ...(markersAt.get(i) ?? []),
      ]),
    );
  });

  const sequence = el('sequence', { format: 'r1', duration: T(t.totalFrames), tcStart: '0s', tcFormat: 'NDF', audioLayout: 'stereo', audioRate: '48k' }, [
    el('spine', {}, spine),
    el('metadata', {}, [el('md', { key: `${FCPXML_MD_PREFIX}sceneIds`, value: t.sceneIds.join(',') })]),
  ]);
  const body = el('fcpxml', { version: '1.10' }, [
    el('resources', {}, resources),
    el('library', {}, [el('event', { name: t.title }, [el('project', { name: t.title }, [sequence])])]),
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>\n${body}\n`;
}
