/**
 * OpenTimelineIO JSON in schema versions OTIO 0.18 reads: Timeline.1 > Stack.1 > Track.1 (one Video
 * track of Clip.2, Transition.1 for dissolves; one Audio track per soundtrack track, Gap.1 between
 * clips), ExternalReference.1 media (a baked camera move's MP4 with its available_range), Marker.2 at each scene, panel facts in metadata.boardwright.
 */
import type { EditorialTimeline } from '../model';
import { METADATA_NAMESPACE } from '../model';
import { clipMetadata, movieSource } from '../clip-facts';

type Json = Record<string, unknown>;

export function writeOtio(t: EditorialTimeline): string {
  const rate = t.rate.num / t.rate.den;
  const RT = (value: number): Json => ({ OTIO_SCHEMA: 'RationalTime.1', rate, value });
  const TR = (start: number, duration: number): Json => ({ OTIO_SCHEMA: 'TimeRange.1', start_time: RT(start), duration: RT(duration) });
  const item = (schema: string, name: string, range: Json | null, extra: Json = {}): Json => ({
    OTIO_SCHEMA: schema, name, metadata: {}, source_range: range, effects: [], markers: [], enabled: true, ...extra,
  });
  const external = (url: string, name: string, available: Json | null): Json => ({
    OTIO_SCHEMA: 'ExternalReference.1', name, metadata: {}, available_range: available, available_image_bounds: null, target_url: url,
  });
  const gap = (frames: number): Json => item('Gap.1', '', TR(0, frames));

  const markersAt = new Map<number, Json[]>();
  for (const m of t.markers) {
    const list = markersAt.get(m.frame) ?? [];
    list.push({ OTIO_SCHEMA: 'Marker.2', name: m.name, metadata: { [METADATA_NAMESPACE]: { sceneId: m.sceneId } }, color: 'RED', marked_range: TR(0, 0) });
    markersAt.set(m.frame, list);
  }
  const video: Json[] = [];
  for (const c of t.clips) {
    if (c.dissolve) {
      video.push({
        OTIO_SCHEMA: 'Transition.1', name: 'Cross Dissolve', metadata: {}, transition_type: 'SMPTE_Dissolve',
        in_offset: RT(c.dissolve.before), out_offset: RT(c.dissolve.after),
      });
    }
    video.push(
      item('Clip.2', c.shotNumber, TR(c.baked ? movieSource(c).inFrame : 0, c.frames), {
        metadata: { [METADATA_NAMESPACE]: clipMetadata(c) },
        markers: markersAt.get(c.startFrame) ?? [],
        media_references: { DEFAULT_MEDIA: external(c.media.url, c.media.fileName, c.baked ? TR(0, movieSource(c).fileFrames) : null) },
        active_media_reference_key: 'DEFAULT_MEDIA',
      }),
    );
  }
  const audio = t.audioTracks.map((track) => {
    const children: Json[] = [];
    let at = 0;
    for (const a of track.clips) {
      if (a.startFrame > at) children.push(gap(a.startFrame - at));
      children.push(
        item('Clip.2', a.name, TR(a.sourceFrame, a.frames), {
          enabled: a.enabled,
          media_references: { DEFAULT_MEDIA: external(a.media.url, a.media.fileName, TR(0, a.fileFrames)) },
          active_media_reference_key: 'DEFAULT_MEDIA',
        }),
      );
      at = a.startFrame + a.frames;
    }
    return item('Track.1', track.name, null, { kind: 'Audio', children });
  });
  const timeline = {
    OTIO_SCHEMA: 'Timeline.1',
    name: t.title,
    metadata: { [METADATA_NAMESPACE]: { sceneIds: t.sceneIds, width: t.width, height: t.height } },
    global_start_time: null,
    tracks: {
      ...item('Stack.1', 'tracks', null),
      children: [item('Track.1', 'V1', null, { kind: 'Video', children: video }), ...audio],
    },
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}
