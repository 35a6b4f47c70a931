/**
 * A CMX 3600 EDL read back: the picture events in record order. An EDL says nothing of its rate, so
 * the conform's rate is given; a frames field past it, or drop-frame timecode, is refused.
 */
import type { FrameRate } from '../../../../shared/domain/animatic';
import { CoreError } from '../../errors';
import { PANEL_TAG } from '../clip-facts';
import { parseTimecode } from '../frames';
import type { ParsedClip, ParsedTimeline } from '../model';

const EVENT = /^(\d+)\s+(\S+)\s+(\S+)\s+(C|D|W\d+|K[BO]?)\s+(?:(\d+)\s+)?(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s*$/i;

interface Span {
  recIn: number;
  recOut: number;
  dissolve: number;
  mediaName: string | null;
  toName: string | null;
  reel: string;
  panelId: string | null;
}

export function readEdl(text: string, label: string, rate: FrameRate): ParsedTimeline {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const spans: Span[] = [];
  const locs: { rec: number; name: string }[] = [];
  let last: Span | null = null;
  let events = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    const where = `${label} (line ${i + 1})`;
    if (!line) continue;
    if (/^FCM:/i.test(line)) {
      if (/DROP FRAME/i.test(line) && !/NON[- ]?DROP/i.test(line)) {
        throw new CoreError('BAD_INPUT', `${label} uses drop-frame timecode (${line}); Boardwright conforms non-drop timelines only.`);
      }
      continue;
    }
    const m = EVENT.exec(line);
    if (m) {
      events++;
      const channel = m[3].toUpperCase();
      const [, , reel, , kind, dur, , , recIn, recOut] = m;
      if (!/V|B/.test(channel) || channel === 'NONE') {
        last = null;
        continue;
      }
      const span: Span = {
        recIn: parseTimecode(recIn, rate, where), recOut: parseTimecode(recOut, rate, where),
        dissolve: kind.toUpperCase() === 'D' ? Number(dur ?? 0) : 0, mediaName: null, toName: null, reel, panelId: null,
      };
      parseTimecode(m[6], rate, where);
      parseTimecode(m[7], rate, where);
      if (span.recOut < span.recIn) throw new CoreError('BAD_INPUT', `${where}: the event ends before it starts.`);
      spans.push(span);
      last = span;
      continue;
    }
    if (!line.startsWith('*')) {
      if (/^(TITLE:|SPLIT|M2|%|>>>|AUD|SWM|REM)/i.test(line)) continue;
      throw new CoreError('BAD_INPUT', `${where} is neither an EDL event nor a comment: "${line.slice(0, 60)}".`);
    }
    const comment = /^\*\s*([A-Z ]+?)\s*:\s*(.*)$/i.exec(line);
    if (!comment) continue;
    const key = comment[1].toUpperCase();
    const value = comment[2].trim();
    if (key === 'LOC') {
      const loc = /^(\S+)\s+\S+\s+(.*)$/.exec(value);
      if (loc) locs.push({ rec: parseTimecode(loc[1], rate, where), name: loc[2].trim() });
    } else if (last) {
      if (key === 'FROM CLIP NAME') last.mediaName = value;
      else if (key === 'TO CLIP NAME') last.toName = value;
      else if (key === 'COMMENT' && value.startsWith(PANEL_TAG)) last.panelId = value.slice(PANEL_TAG.length).split(/\s/)[0] || null;
    }
  }
  if (events === 0) throw new CoreError('BAD_INPUT', `${label} has no EDL events.`);
  const picture = spans.filter((s) => s.recOut > s.recIn);
  if (picture.length === 0) throw new CoreError('BAD_INPUT', `${label} has no picture events (is it an audio EDL?).`);
  picture.sort((a, b) => a.recIn - b.recIn);
  // A dissolve starts floor(n/2) frames before the cut it stands for.
  const cuts = picture.map((s) => ({ start: s.dissolve ? s.recIn + Math.floor(s.dissolve / 2) : s.recIn, end: s.recOut }));
  cuts.forEach((c, k) => {
    if (picture[k + 1]?.dissolve) c.end = cuts[k + 1].start;
  });
  const origin = cuts[0].start;
  const clips: ParsedClip[] = picture.map((s, k) => {
    const mediaName = s.dissolve && s.toName ? s.toName : s.mediaName;
    return { panelId: s.panelId, name: (mediaName ?? s.reel).replace(/\.[^.]+$/, ''), mediaName, startFrame: cuts[k].start - origin, frames: cuts[k].end - cuts[k].start };
  });
  const totalFrames = Math.max(...cuts.map((c) => c.end)) - origin;
  return {
    format: 'edl', fps: rate.num / rate.den, rate, clips, markers: locs.map((l) => ({ frame: l.rec - origin, name: l.name })), sceneIds: null, totalFrames,
  };
}
