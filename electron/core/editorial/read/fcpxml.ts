/** An FCPXML timeline read back: the project's spine, in order, with panel ids from the assets' metadata. */
import { frameRateOf } from '../../../../shared/domain/animatic';
import { CoreError } from '../../errors';
import { parseRationalSeconds, secondsToFrames } from '../frames';
import { mediaNameOf } from '../media-names';
import { FCPXML_MD_PREFIX, type ParsedClip, type ParsedTimeline } from '../model';
import { child, childrenNamed, findFirst, type XmlNode } from './xml-tree';

const STORY = new Set(['video', 'asset-clip', 'clip', 'ref-clip', 'sync-clip', 'mc-clip', 'title', 'audition', 'audio']);

function mdOf(n: XmlNode | undefined): Map<string, string> {
  return new Map(childrenNamed(child(n, 'metadata'), 'md').map((m) => [m.attrs.key ?? '', m.attrs.value ?? '']));
}

export function readFcpxml(root: XmlNode, label: string): ParsedTimeline {
  if (root.name !== 'fcpxml') throw new CoreError('BAD_INPUT', `${label} is not FCPXML (its root element is <${root.name}>).`);
  const resources = child(root, 'resources');
  const formats = new Map(childrenNamed(resources, 'format').map((f) => [f.attrs.id, f]));
  const assets = new Map(childrenNamed(resources, 'asset').map((a) => [a.attrs.id, a]));
  const sequence = findFirst(root, 'sequence');
  const spine = child(sequence, 'spine');
  if (!sequence || !spine) throw new CoreError('BAD_INPUT', `${label} has no project sequence with a spine.`);
  const fd = parseRationalSeconds(formats.get(sequence.attrs.format)?.attrs.frameDuration);
  if (!fd || fd.num <= 0) throw new CoreError('BAD_INPUT', `${label}: the sequence's format has no frame duration.`);
  const rate = frameRateOf(fd.den / fd.num);
  const time = (text: string | undefined, fallback: number | null, where: string): number => {
    if (text === undefined && fallback !== null) return fallback;
    const t = parseRationalSeconds(text);
    if (!t) throw new CoreError('BAD_INPUT', `${where} has a time that is not rational seconds: "${text ?? ''}".`);
    return secondsToFrames(t, rate);
  };

  /** The asset a story element shows: its own ref, or (a clip or audition) its first inner item's. */
  const assetOf = (n: XmlNode): XmlNode | undefined => {
    if (n.attrs.ref && assets.has(n.attrs.ref)) return assets.get(n.attrs.ref);
    const inner = n.children.find((c) => STORY.has(c.name) && !c.attrs.lane);
    return inner ? assetOf(inner) : undefined;
  };

  const clips: ParsedClip[] = [];
  const markers: { frame: number; name: string }[] = [];
  let at = 0;
  for (const [i, n] of spine.children.entries()) {
    const where = `${label} (spine item ${i + 1}, <${n.name}>)`;
    if (n.name === 'transition') continue;
    const offset = time(n.attrs.offset, at, where);
    const duration = time(n.attrs.duration, null, where);
    at = offset + duration;
    if (n.name === 'gap' || !STORY.has(n.name)) continue;
    const asset = assetOf(n);
    const md = mdOf(asset);
    const src = child(asset, 'media-rep')?.attrs.src ?? asset?.attrs.src;
    clips.push({ panelId: md.get(`${FCPXML_MD_PREFIX}panelId`) || null, name: n.attrs.name ?? asset?.attrs.name ?? '', mediaName: mediaNameOf(src), startFrame: offset, frames: duration });
    const start = time(n.attrs.start, 0, where);
    for (const m of childrenNamed(n, 'marker')) markers.push({ frame: offset + time(m.attrs.start, 0, where) - start, name: m.attrs.value ?? '' });
  }
  const scenes = mdOf(sequence).get(`${FCPXML_MD_PREFIX}sceneIds`);
  return { format: 'fcpxml', fps: rate.num / rate.den, rate, clips, markers, sceneIds: scenes ? scenes.split(',').filter(Boolean) : null, totalFrames: at };
}
