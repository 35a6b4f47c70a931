/** An OpenTimelineIO timeline read back: the first video track's clips, in order, with their panel ids. */
import { frameRateOf } from '../../../../shared/domain/animatic';
import { CoreError } from '../../errors';
import { mediaNameOf } from '../media-names';
import { METADATA_NAMESPACE, type ParsedClip, type ParsedTimeline } from '../model';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const schemaOf = (v: unknown): string => (isObj(v) && typeof v.OTIO_SCHEMA === 'string' ? v.OTIO_SCHEMA.split('.')[0] : '');

function rational(v: unknown, label: string): { value: number; rate: number } {
  if (!isObj(v) || typeof v.value !== 'number' || typeof v.rate !== 'number' || !(v.rate > 0) || !Number.isFinite(v.value)) {
    throw new CoreError('BAD_INPUT', `${label} has a time that is not a RationalTime.`);
  }
  return { value: v.value, rate: v.rate };
}

function rangeOf(v: unknown, label: string): { start: { value: number; rate: number }; duration: { value: number; rate: number } } | null {
  if (v === null || v === undefined) return null;
  if (!isObj(v)) throw new CoreError('BAD_INPUT', `${label} has a source range that is not a TimeRange.`);
  return { start: rational(v.start_time, label), duration: rational(v.duration, label) };
}

function panelIdOf(meta: unknown): string | null {
  const ours = isObj(meta) ? meta[METADATA_NAMESPACE] : undefined;
  return isObj(ours) && typeof ours.panelId === 'string' && ours.panelId ? ours.panelId : null;
}

function mediaUrl(clip: Obj): string | null {
  const refs = clip.media_references;
  const key = typeof clip.active_media_reference_key === 'string' ? clip.active_media_reference_key : 'DEFAULT_MEDIA';
  const ref = isObj(refs) ? refs[key] : clip.media_reference;
  return isObj(ref) && typeof ref.target_url === 'string' ? ref.target_url : null;
}

export function readOtio(text: string, label: string): ParsedTimeline {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw new CoreError('BAD_INPUT', `${label} is not valid OpenTimelineIO JSON: ${(e as Error).message}`);
  }
  if (schemaOf(root) !== 'Timeline') throw new CoreError('BAD_INPUT', `${label} is not an OpenTimelineIO timeline (no Timeline at the top).`);
  const timeline = root as Obj;
  const stack = timeline.tracks;
  const tracks = isObj(stack) && Array.isArray(stack.children) ? stack.children : null;
  if (!tracks) throw new CoreError('BAD_INPUT', `${label} has no tracks.`);
  const video = tracks.find((t) => schemaOf(t) === 'Track' && (t as Obj).kind === 'Video') as Obj | undefined;
  if (!video || !Array.isArray(video.children)) throw new CoreError('BAD_INPUT', `${label} has no video track.`);

  // The timeline's rate: the first clip's (every time is converted to it).
  const first = video.children.find((c) => isObj(c) && isObj(c.source_range)) as Obj | undefined;
  const rateValue = first ? rangeOf(first.source_range, label)!.duration.rate : 24;
  const rate = frameRateOf(rateValue);
  const frames = (t: { value: number; rate: number }) => Math.round((t.value * rate.num) / rate.den / t.rate);

  const clips: ParsedClip[] = [];
  const markers: { frame: number; name: string }[] = [];
  let at = 0;
  for (const [i, item] of video.children.entries()) {
    const kind = schemaOf(item);
    if (kind === 'Transition' || !isObj(item)) continue;
    const where = `${label} (item ${i + 1} of the video track)`;
    let range = rangeOf(item.source_range, where);
    if (!range && kind === 'Clip') {
      const refs = item.media_references;
      const ref = isObj(refs) ? refs[String(item.active_media_reference_key ?? 'DEFAULT_MEDIA')] : item.media_reference;
      range = isObj(ref) ? rangeOf(ref.available_range, where) : null;
    }
    if (!range) throw new CoreError('BAD_INPUT', `${where} has no duration.`);
    const duration = frames(range.duration);
    if (duration < 0) throw new CoreError('BAD_INPUT', `${where} has a negative duration.`);
    if (kind === 'Clip' || kind === 'Stack' || kind === 'Track') {
      const name = typeof item.name === 'string' ? item.name : '';
      clips.push({ panelId: kind === 'Clip' ? panelIdOf(item.metadata) : null, name, mediaName: kind === 'Clip' ? mediaNameOf(mediaUrl(item)) : null, startFrame: at, frames: duration });
      for (const m of Array.isArray(item.markers) ? item.markers : []) {
        if (!isObj(m) || !isObj(m.marked_range)) continue;
        const local = frames(rational((m.marked_range as Obj).start_time, where)) - frames(range.start);
        markers.push({ frame: at + local, name: typeof m.name === 'string' ? m.name : '' });
      }
    }
    at += duration;
  }
  const ours = isObj(timeline.metadata) ? timeline.metadata[METADATA_NAMESPACE] : undefined;
  const sceneIds = isObj(ours) && Array.isArray(ours.sceneIds) && ours.sceneIds.every((s) => typeof s === 'string') ? (ours.sceneIds as string[]) : null;
  return { format: 'otio', fps: rate.num / rate.den, rate, clips, markers, sceneIds, totalFrames: at };
}
