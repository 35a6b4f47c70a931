/**
 * `--bake-moves`: a panel's camera move as a short H.264 clip for the media folder, rendered by the
 * animatic's own picture plan, frame composer and encoder (the same framing on the same frames as
 * the MP4), from the panel alone: no dissolves or fades (the timeline carries those), no audio.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import type { OutputGeometry } from '../../../shared/domain/animatic-frame';
import { AtomicOutput } from '../files/atomic-output';
import { FrameComposer } from '../animatic/frame-composer';
import { encode, type PictureComposer } from '../animatic/video-encode';
import { planPictures } from '../animatic/video-plan';
import { ClipFrames } from '../animatic/clip-frames';
import { ClipPictures } from '../animatic/clip-pictures';

/** The animatic timeline of one panel by itself: its frames from 0, cut in and out, silent. */
export function panelAlone(source: Timeline, seg: TimelineSegment): Timeline {
  const alone: TimelineSegment = { ...seg, index: 0, startFrame: 0, startMs: 0, transitionIn: 'cut', inBefore: 0, inAfter: 0, fadeOut: 0 };
  return { ...source, totalFrames: seg.frames, durationMs: seg.durationMs, nominalMs: seg.nominalMs, segments: [alone], audio: [] };
}

export interface MoveClipJob {
  bin: string;
  source: Timeline;
  segment: TimelineSegment;
  geo: OutputGeometry;
  readImage(sha256: string): Buffer | undefined;
  /** A clip panel's clip bytes: a baked clip panel shows its clip frames (held or looped as the animatic does). */
  readClip?(sha256: string): Buffer | undefined;
  signal: AbortSignal;
  /** Draws the frames instead of the animatic's composer (the built-in motion provider's parallax). */
  composer?: PictureComposer;
}

/** Writes the panel's move to `file` (whole or not at all): exactly its frames, at the timeline's rate and the stills' size. */
export async function writeMoveClip(file: string, job: MoveClipJob): Promise<void> {
  const t = panelAlone(job.source, job.segment);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-move-'));
  const clipFrames = job.readClip ? new ClipFrames(job.bin, dir, job.readClip) : null;
  try {
    await AtomicOutput.write(file, (temp) =>
      encode({
        bin: job.bin, dir, rate: t.rate, totalFrames: t.totalFrames, units: planPictures(t),
        composer: job.composer ?? new FrameComposer(job.geo, [], job.readImage, clipFrames && new ClipPictures(clipFrames, job.geo)),
        output: { kind: 'mp4', file: temp, audio: null }, timecode: null, input: 'pipe', signal: job.signal, onFrames: () => undefined,
      }),
    );
  } finally {
    clipFrames?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
