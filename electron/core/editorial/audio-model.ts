/** The soundtrack on the editorial timeline: every clip cut to the kept stretches, packed into tracks per lane. */
import type { FrameRate, Timeline } from '../../../shared/domain/animatic';
import { AUDIO_TRACK_LABELS, AUDIO_TRACKS, msToFrame } from '../../../shared/domain/animatic';
import { extensionForMime } from '../audio/audio-format';
import type { EditorialAudioClip, EditorialAudioTrack, MediaRef } from './model';
import { safeStem, uniqueNames } from './media-names';

/** An audio file copied unchanged into the media folder. */
export interface AudioFile {
  sha256: string;
  media: MediaRef;
}

/** What the writers say about an audio file's channels and rate: read from a WAV header, else stereo 48 kHz. */
export function audioFormatOf(bytes: Buffer | undefined): { channels: number; sampleRate: number } {
  const fallback = { channels: 2, sampleRate: 48_000 };
  if (!bytes || bytes.length < 36 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') return fallback;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = bytes.toString('latin1', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 16 <= bytes.length) {
      const channels = bytes.readUInt16LE(at + 10);
      const sampleRate = bytes.readUInt32LE(at + 12);
      return channels > 0 && sampleRate > 0 ? { channels, sampleRate } : fallback;
    }
    at += 8 + size + (size % 2);
  }
  return fallback;
}

interface Piece extends Omit<EditorialAudioClip, 'media' | 'channels' | 'sampleRate'> {
  lane: EditorialAudioTrack['lane'];
  sha256: string;
}

export function placeAudio(
  source: Timeline,
  runs: readonly { from: number; to: number; at: number }[],
  rate: FrameRate,
  mediaRef: (fileName: string) => MediaRef,
  describe: (sha256: string) => { channels: number; sampleRate: number; mime: string; name: string | null },
): { tracks: EditorialAudioTrack[]; files: AudioFile[] } {
  const pieces: Piece[] = [];
  for (const clip of source.audio) {
    if (clip.playMs <= 0) continue;
    const a0 = msToFrame(clip.atMs, rate);
    const a1 = msToFrame(clip.atMs + clip.playMs, rate);
    const s0 = msToFrame(clip.offsetMs, rate);
    for (const run of runs) {
      const lo = Math.max(a0, run.from);
      const hi = Math.min(a1, run.to);
      if (hi <= lo) continue;
      pieces.push({
        lane: clip.track, sha256: clip.sha256, name: clip.sourceName ?? '', startFrame: run.at + lo - run.from, frames: hi - lo,
        sourceFrame: s0 + lo - a0, fileFrames: Math.max(msToFrame(clip.fileDurationMs, rate), s0 + (a1 - a0)), enabled: clip.audible,
      });
    }
  }
  // One file per distinct sound, named after the file it was imported from.
  const shas = [...new Set(pieces.map((p) => p.sha256))];
  const facts = new Map(shas.map((sha) => [sha, describe(sha)]));
  const names = uniqueNames(
    shas.map((sha) => safeStem((facts.get(sha)!.name ?? `audio-${sha.slice(0, 8)}`).replace(/\.[^.]+$/, ''))),
    '',
  ).map((stem, i) => `${stem}.${extensionForMime(facts.get(shas[i])!.mime)}`);
  const files = shas.map((sha256, i) => ({ sha256, media: mediaRef(names[i]) }));
  const mediaOf = new Map(files.map((f) => [f.sha256, f.media]));

  const tracks: EditorialAudioTrack[] = [];
  for (const lane of AUDIO_TRACKS) {
    const laneTracks: EditorialAudioClip[][] = [];
    for (const p of pieces.filter((x) => x.lane === lane).sort((a, b) => a.startFrame - b.startFrame)) {
      const { lane: _lane, sha256, ...rest } = p;
      const f = facts.get(sha256)!;
      const clip: EditorialAudioClip = { ...rest, name: rest.name || mediaOf.get(sha256)!.fileName, media: mediaOf.get(sha256)!, channels: f.channels, sampleRate: f.sampleRate };
      const free = laneTracks.find((t) => t[t.length - 1].startFrame + t[t.length - 1].frames <= clip.startFrame);
      if (free) free.push(clip);
      else laneTracks.push([clip]);
    }
    laneTracks.forEach((clips, k) => tracks.push({ name: `${AUDIO_TRACK_LABELS[lane]}${k ? ` ${k + 1}` : ''}`, lane, clips }));
  }
  return { tracks, files };
}
