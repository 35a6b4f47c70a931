/**
 * CMX 3600 EDLs: the picture track (one event per panel, a dissolve as the usual C + D pair) and one
 * more EDL per soundtrack track. Non-drop timecode, record times from 01:00:00:00, reels of at most 8
 * of [A-Z0-9], the media file in "* FROM CLIP NAME:" (no path line: Premiere then names clips UNKNOWN).
 */
import type { EditorialAudioTrack, EditorialClip, EditorialTimeline } from '../model';
import { movieSource, PANEL_TAG } from '../clip-facts';
import { tc } from '../frames';
import type { FrameRate } from '../../../../shared/domain/animatic';

/** Reel name: the file's stem in capitals and digits, at most 8 characters. */
export function reelName(fileName: string): string {
  const s = fileName.replace(/\.[^.]+$/, '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8);
  return s || 'AX';
}

/** Title and comment text: one line of printable ASCII-safe text (EDL readers are old). */
const oneLine = (s: string, max = 120) => s.replace(/[\r\n\t]+/g, ' ').replace(/[^\x20-\x7E\u00A0-\uFFFF]/g, '').trim().slice(0, max);

function header(title: string): string[] {
  return [`TITLE: ${oneLine(title, 70) || 'BOARDWRIGHT'}`, 'FCM: NON-DROP FRAME', ''];
}

function event(n: number, reel: string, channel: string, transition: string, src: [number, number], rec: [number, number], r: FrameRate): string {
  const num = String(n).padStart(3, '0');
  return `${num}  ${reel.padEnd(8)} ${channel.padEnd(5)} ${transition.padEnd(8)} ${tc(src[0], r)} ${tc(src[1], r)} ${tc(rec[0], r, 1)} ${tc(rec[1], r, 1)}`;
}

/** The picture EDL. A dissolve the format cannot centre on the cut (a clamped one) is written centred, as short as it must be. */
export function writeVideoEdl(t: EditorialTimeline): string {
  const r = t.rate;
  const lines = header(t.title);
  const markers = new Map(t.markers.map((m) => [m.frame, m.name]));
  let n = 0;
  const halves = t.clips.map((c, i) => (c.dissolve && i > 0 ? dissolveHalf(c.dissolve, t.clips[i - 1].frames, c.frames) : { before: 0, length: 0 }));
  t.clips.forEach((c, i) => {
    // Frames of the next panel's dissolve before the cut end this event early; this one's own dissolve starts it early.
    const tail = halves[i + 1]?.before ?? 0;
    const d = halves[i].length > 0 ? halves[i] : null;
    const reel = reelName(c.media.fileName);
    const recIn = c.startFrame - (d?.before ?? 0);
    const recOut = c.startFrame + c.frames - tail;
    const srcLen = recOut - recIn;
    // A still's (and a baked movie's) source starts at 0; a panel's clip at its in point.
    const srcIn = (x: EditorialClip) => (x.baked ? movieSource(x).inFrame : 0);
    const src = srcIn(c);
    if (d) {
      const prev = t.clips[i - 1];
      const prevReel = reelName(prev.media.fileName);
      const prevSrc = srcIn(prev) + prev.frames - d.before + halves[i - 1].before;
      lines.push(event(++n, prevReel, 'V', 'C', [prevSrc, prevSrc], [recIn, recIn], r));
      lines.push(event(n, reel, 'V', `D    ${String(d.length).padStart(3, '0')}`, [src, src + srcLen], [recIn, recOut], r));
      lines.push(`* FROM CLIP NAME:  ${oneLine(prev.media.fileName)}`, `* TO CLIP NAME:  ${oneLine(c.media.fileName)}`);
    } else {
      lines.push(event(++n, reel, 'V', 'C', [src, src + srcLen], [recIn, recOut], r));
      lines.push(`* FROM CLIP NAME:  ${oneLine(c.media.fileName)}`);
    }
    if (markers.has(c.startFrame)) lines.push(`* LOC: ${tc(c.startFrame, r, 1)} RED     ${oneLine(markers.get(c.startFrame)!)}`);
    lines.push(`* COMMENT: ${PANEL_TAG}${c.panelId} SHOT ${oneLine(c.shotNumber, 40)}`);
  });
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The dissolve as an EDL can say it: n frames starting floor(n/2) before the cut. A clamped one
 * (fewer frames on one side) is shortened to what both panels have room for.
 */
export function dissolveHalf(d: { before: number; after: number }, prevFrames: number, frames: number): { before: number; length: number } {
  const n = d.before + d.after;
  if (d.before === Math.floor(n / 2)) return { before: d.before, length: n };
  const before = Math.min(d.before, d.after, prevFrames);
  const length = 2 * before;
  return length > 0 && length - before <= frames ? { before, length } : { before: 0, length: 0 };
}

/** One audio track as an EDL (clips silenced in the animatic are left out). */
export function writeAudioEdl(t: EditorialTimeline, track: EditorialAudioTrack): string {
  const r = t.rate;
  const lines = header(`${t.title} ${track.name}`);
  let n = 0;
  for (const a of track.clips.filter((c) => c.enabled)) {
    lines.push(event(++n, reelName(a.media.fileName), a.channels >= 2 ? 'AA' : 'A', 'C', [a.sourceFrame, a.sourceFrame + a.frames], [a.startFrame, a.startFrame + a.frames], r));
    lines.push(`* FROM CLIP NAME:  ${oneLine(a.media.fileName)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
