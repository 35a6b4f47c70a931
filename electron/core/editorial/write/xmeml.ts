/**
 * Final Cut Pro 7 XML (xmeml version 4), what Premiere Pro and DaVinci Resolve import: one video track
 * of still clipitems (a baked camera move: a movie clipitem of exactly its frames), one audio track per soundtrack track, a sequence marker at each scene, Cross
 * Dissolve transitionitems (the clips beside them end or start at -1, the convention). Panel ids ride
 * in each still's file id and in the clip's comments.
 */
import type { EditorialAudioClip, EditorialClip, EditorialTimeline } from '../model';
import { clipNote, movieSource, PANEL_TAG, shotSummary } from '../clip-facts';
import { isNtsc, timebase } from '../frames';
import { localhostUrl } from '../media-names';
import { el, textEl } from './xml';

export function writeXmeml(t: EditorialTimeline, opts: { relative: boolean }): string {
  const rate = el('rate', {}, [textEl('timebase', timebase(t.rate)), textEl('ntsc', isNtsc(t.rate) ? 'TRUE' : 'FALSE')]);
  const url = (m: { url: string; path: string }) => (opts.relative ? m.url : localhostUrl(m.path));

  const video: string[] = [];
  t.clips.forEach((c, i) => {
    const next = t.clips[i + 1];
    const inDissolve = c.dissolve;
    const outDissolve = next?.dissolve ?? null;
    if (inDissolve) video.push(transitionItem(c, rate));
    // A still's file is as long as the clip and its dissolves' handles; a movie's is its own length, played from its in point.
    const handleIn = c.baked ? movieSource(c).inFrame : (inDissolve?.before ?? 0);
    const start = inDissolve && centred(inDissolve) ? -1 : c.startFrame;
    const end = outDissolve && centred(outDissolve) ? -1 : c.startFrame + c.frames;
    const fileFrames = c.baked ? movieSource(c).fileFrames : handleIn + c.frames + (outDissolve?.after ?? 0);
    video.push(
      el('clipitem', { id: `clipitem-${i + 1}` }, [
        textEl('name', c.shotNumber), textEl('enabled', 'TRUE'), textEl('duration', fileFrames), rate,
        textEl('start', start), textEl('end', end), textEl('in', handleIn), textEl('out', handleIn + c.frames), c.baked ? null : textEl('stillframe', 'TRUE'),
        el('file', { id: `file-${c.panelId}` }, [
          textEl('name', c.media.fileName), textEl('pathurl', url(c.media)), rate, textEl('duration', fileFrames),
          el('media', {}, [el('video', {}, [el('samplecharacteristics', {}, [textEl('width', t.width), textEl('height', t.height)])])]),
        ]),
        el('comments', {}, [
          textEl('mastercomment1', clipNote(c).replace(/\n/g, ' — ')), textEl('mastercomment2', shotSummary(c)),
          textEl('mastercomment3', c.sceneHeading), textEl('clipcommenta', `${PANEL_TAG}${c.panelId}`),
        ]),
      ]),
    );
  });

  const fileIds = new Map<string, string>();
  let item = t.clips.length;
  const audioItem = (a: EditorialAudioClip) => {
    const known = fileIds.get(a.media.fileName);
    const id = known ?? `file-audio-${fileIds.size + 1}`;
    const file = known
      ? el('file', { id })
      : el('file', { id }, [
          textEl('name', a.media.fileName), textEl('pathurl', url(a.media)), rate, textEl('duration', a.fileFrames),
          el('media', {}, [el('audio', {}, [
            el('samplecharacteristics', {}, [textEl('depth', 16), textEl('samplerate', a.sampleRate)]), textEl('channelcount', a.channels),
          ])]),
        ]);
    fileIds.set(a.media.fileName, id);
    return el('clipitem', { id: `clipitem-${++item}` }, [
      textEl('name', a.name), textEl('enabled', a.enabled ? 'TRUE' : 'FALSE'), textEl('duration', a.fileFrames), rate,
      textEl('start', a.startFrame), textEl('end', a.startFrame + a.frames), textEl('in', a.sourceFrame), textEl('out', a.sourceFrame + a.frames),
      file, el('sourcetrack', {}, [textEl('mediatype', 'audio'), textEl('trackindex', 1)]),
    ]);
  };
  const audio = t.audioTracks.map((track) => el('track', {}, track.clips.map(audioItem)));

  const markers = t.markers.map((m) => el('marker', {}, [textEl('name', m.name), el('comment'), textEl('in', m.frame), textEl('out', -1)]));
  const sequence = el('sequence', { id: 'sequence-1' }, [
    textEl('name', t.title), textEl('duration', t.totalFrames), rate,
    el('timecode', {}, [rate, textEl('string', '00:00:00:00'), textEl('frame', 0), textEl('displayformat', 'NDF')]),
    el('media', {}, [
      el('video', {}, [
        el('format', {}, [el('samplecharacteristics', {}, [rate, textEl('width', t.width), textEl('height', t.height), textEl('pixelaspectratio', 'square')])]),
        el('track', {}, video),
      ]),
      el('audio', {}, [textEl('numOutputChannels', 2), ...audio]),
    ]),
    ...markers,
  ]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n${el('xmeml', { version: 4 }, [sequence])}\n`;
}

/** A dissolve centred the way readers assume (the cut after floor(n/2) frames): written with -1 ends. */
function centred(d: { before: number; after: number }): boolean {
  return d.before === Math.floor((d.before + d.after) / 2);
}

function transitionItem(c: EditorialClip, rate: string): string {
  const d = c.dissolve!;
  const alignment = centred(d) ? 'center' : d.before === 0 ? 'start' : d.after === 0 ? 'end' : 'center';
  return el('transitionitem', {}, [
    rate, textEl('start', c.startFrame - d.before), textEl('end', c.startFrame + d.after), textEl('alignment', alignment),
    el('effect', {}, [
      textEl('name', 'Cross Dissolve'), textEl('effectid', 'Cross Dissolve'), textEl('effectcategory', 'Dissolve'),
      textEl('effecttype', 'transition'), textEl('mediatype', 'video'),
    ]),
  ]);
}
