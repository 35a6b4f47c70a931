/** A Final Cut Pro 7 XML (xmeml) sequence read back: its first video track's clipitems, in order. */
import type { FrameRate } from '../../../../shared/domain/animatic';
import { frameRateOf } from '../../../../shared/domain/animatic';
import { CoreError } from '../../errors';
import { PANEL_TAG } from '../clip-facts';
import { mediaNameOf } from '../media-names';
import type { ParsedClip, ParsedTimeline } from '../model';
import { child, childrenNamed, childText, findAll, findFirst, type XmlNode } from './xml-tree';

function rateOf(n: XmlNode | undefined): FrameRate | null {
  const tb = Number(childText(child(n, 'rate'), 'timebase'));
  if (!(tb > 0)) return null;
  const ntsc = childText(child(n, 'rate'), 'ntsc')?.toUpperCase() === 'TRUE';
  return frameRateOf(ntsc ? (tb * 1000) / 1001 : tb);
}

function int(n: XmlNode, name: string, where: string): number {
  const text = childText(n, name);
  const v = Number(text);
  if (text === undefined || text === '' || !Number.isInteger(v)) throw new CoreError('BAD_INPUT', `${where} has no whole-frame <${name}>.`);
  return v;
}

/** Where the cut sits inside a transitionitem, by its alignment (a centred dissolve cuts after floor(n/2) frames). */
function cutOf(t: XmlNode, where: string): number {
  const start = int(t, 'start', where);
  const end = int(t, 'end', where);
  const alignment = (childText(t, 'alignment') ?? 'center').toLowerCase();
  if (alignment.startsWith('start')) return start;
  if (alignment.startsWith('end')) return end;
  return start + Math.floor((end - start) / 2);
}

export function readXmeml(root: XmlNode, label: string): ParsedTimeline {
  if (root.name !== 'xmeml') throw new CoreError('BAD_INPUT', `${label} is not Final Cut Pro 7 XML (its root element is <${root.name}>).`);
  const sequence = findFirst(root, 'sequence');
  if (!sequence) throw new CoreError('BAD_INPUT', `${label} has no sequence.`);
  const rate = rateOf(sequence);
  if (!rate) throw new CoreError('BAD_INPUT', `${label}: the sequence has no <rate><timebase>.`);
  const track = childrenNamed(child(child(sequence, 'media'), 'video'), 'track')[0];
  if (!track) throw new CoreError('BAD_INPUT', `${label} has no video track.`);
  // A file is described once and referred to by id after that.
  const files = new Map<string, XmlNode>();
  for (const f of findAll(root, 'file')) if (f.attrs.id && f.children.length > 0 && !files.has(f.attrs.id)) files.set(f.attrs.id, f);

  const items = track.children.filter((c) => c.name === 'clipitem' || c.name === 'transitionitem' || c.name === 'generatoritem');
  const clips: ParsedClip[] = [];
  items.forEach((n, i) => {
    if (n.name !== 'clipitem') return;
    const where = `${label} (video clipitem ${n.attrs.id ?? i + 1})`;
    let start = int(n, 'start', where);
    let end = int(n, 'end', where);
    if (start < 0) {
      const t = items[i - 1];
      if (t?.name !== 'transitionitem') throw new CoreError('BAD_INPUT', `${where} starts at -1 without a transition before it.`);
      start = cutOf(t, where);
    }
    if (end < 0) {
      const t = items[i + 1];
      if (t?.name !== 'transitionitem') throw new CoreError('BAD_INPUT', `${where} ends at -1 without a transition after it.`);
      end = cutOf(t, where);
    }
    if (end < start) throw new CoreError('BAD_INPUT', `${where} ends before it starts.`);
    const fileRef = child(n, 'file');
    const file = fileRef ? (files.get(fileRef.attrs.id) ?? fileRef) : undefined;
    const comment = childText(child(n, 'comments'), 'clipcommenta') ?? '';
    const panelId = comment.startsWith(PANEL_TAG) ? comment.slice(PANEL_TAG.length).trim() || null : null;
    const mediaName = mediaNameOf(childText(file, 'pathurl')) ?? childText(file, 'name') ?? null;
    clips.push({ panelId, name: childText(n, 'name') ?? '', mediaName, startFrame: start, frames: end - start });
  });
  clips.sort((a, b) => a.startFrame - b.startFrame);
  const markers = childrenNamed(sequence, 'marker').map((m) => ({ frame: Number(childText(m, 'in')) || 0, name: childText(m, 'name') ?? '' }));
  const totalFrames = Number(childText(sequence, 'duration')) || clips.reduce((m, c) => Math.max(m, c.startFrame + c.frames), 0);
  return { format: 'xmeml', fps: rate.num / rate.den, rate, clips, markers, sceneIds: null, totalFrames };
}
