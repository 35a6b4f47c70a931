/**
 * The editorial timeline of a project: the animatic's own frames (readTimeline, the same rounding
 * as the MP4), the selected scenes' panels back to back, a marker at each scene, dissolves where the
 * animatic has them, the soundtrack cut to the same stretches.
 */
import path from 'node:path';
import type { Timeline, TimelineSegment } from '../../../shared/domain/animatic';
import { hasMove, outputGeometry } from '../../../shared/domain/animatic-frame';
import { aspectValue } from '../../../shared/domain/project';
import { readTimeline } from '../animatic/timeline';
import { CoreError } from '../errors';
import { selectPanels } from '../export/pdf/selection';
import type { Project } from '../project';
import { audioFormatOf, placeAudio, type AudioFile } from './audio-model';
import { readAudioBytes } from '../audio/audio-queries';
import { editorialRate } from './frames';
import { clipAsMedia } from './clip-media';
import { readClip } from '../motion/clip-store';
import { fileUrl, relativeUrl, safeStem, uniqueNames } from './media-names';
import type { EditorialClip, EditorialMarker, EditorialTimeline, MediaRef } from './model';

/** The height of the stills: the MP4 export's default, so the stills are the frames it shows. */
export const STILL_HEIGHT = 1080;

export interface EditorialOptions {
  /** Default: the project's rate (which must be one of EDITORIAL_FPS). */
  fps?: number;
  /** Scene list as the other exports take it (numbers, ranges, heading text); empty = all. */
  scenes?: string;
  /** Folder of the timeline file, and of the media; `relative` writes media URLs relative to the timeline. */
  timelineDir: string;
  mediaDir: string;
  relative: boolean;
  /** Panels with a camera move get an MP4 of the move (NAME.mp4) instead of a still (a clip panel: of its clip, moved). */
  bakeMoves?: boolean;
}

/** A picture to render into the media folder: a still, (baked) an MP4 of the panel's camera move or held/looped clip, or its clip as stored. */
export interface StillJob {
  segment: TimelineSegment;
  media: MediaRef;
  baked: boolean;
  /** The panel's clip file, written as it is stored (see clip-media.ts). */
  clip: boolean;
}

export interface EditorialPlan {
  timeline: EditorialTimeline;
  /** The animatic timeline the frames come from (the stills render from its segments). */
  source: Timeline;
  stills: StillJob[];
  audioFiles: AudioFile[];
}

/** A stretch of the animatic that the export keeps: old frames [from, to) land at `at`. */
export interface Run {
  from: number;
  to: number;
  at: number;
}

export function planEditorial(project: Project, opts: EditorialOptions): EditorialPlan {
  const board = project.board();
  const rate = editorialRate(opts.fps ?? board.project.fps);
  if (board.scenes.every((s) => s.panels.length === 0)) {
    throw new CoreError('BAD_INPUT', 'This project has no panels: add panels before exporting a timeline.');
  }
  const source = readTimeline(project, (rate.num / rate.den));
  const segments = new Map(source.segments.map((s) => [s.panelId, s]));
  const selected = selectPanels(board, { scenes: opts.scenes ?? '' });
  const sceneIdOf = new Map(board.scenes.map((s) => [s.number, s.id]));
  const geo = outputGeometry(aspectValue(board.project.aspectRatio), STILL_HEIGHT, 'letterbox');

  const picked = selected.flatMap((scene) =>
    scene.panels.flatMap((panel) => {
      const segment = segments.get(panel.id);
      return segment && segment.frames > 0 ? [{ scene, panel, segment }] : [];
    }),
  );
  if (picked.length === 0) throw new CoreError('BAD_INPUT', 'Nothing to export: the selected scenes have no panels with a duration.');
  // Names without the extension first, so a panel keeps its name whether it is a still or a clip.
  const moved = picked.map((p) => !!opts.bakeMoves && hasMove(p.segment.framing));
  const clipMedia = picked.map((p, i) => (moved[i] ? null : clipAsMedia(p.segment, rate, (sha) => readClip(project.db, sha)?.mime)));
  const baked = picked.map((p, i) => moved[i] || (!!p.segment.clip && !clipMedia[i]));
  const ext = (i: number) => clipMedia[i]?.ext ?? (baked[i] ? '.mp4' : '.png');
  const names = uniqueNames(picked.map((p) => safeStem(p.panel.shotNumber)), '').map((stem, i) => `${stem}${ext(i)}`);
  const mediaRef = (fileName: string): MediaRef => {
    const abs = path.join(opts.mediaDir, fileName);
    return { fileName, path: abs, url: opts.relative ? relativeUrl(opts.timelineDir, abs) : fileUrl(abs) };
  };

  const clips: EditorialClip[] = [];
  const markers: EditorialMarker[] = [];
  const runs: Run[] = [];
  const stills: StillJob[] = [];
  let at = 0;
  for (const [i, { scene, panel, segment }] of picked.entries()) {
    const sceneId = sceneIdOf.get(scene.number) ?? panel.sceneId;
    const prev = picked[i - 1];
    const contiguous = !!prev && prev.segment.index === segment.index - 1;
    if (!prev || prev.scene !== scene) markers.push({ frame: at, name: scene.heading.trim() || `Scene ${scene.number}`, sceneId });
    const lastRun = runs[runs.length - 1];
    if (lastRun && contiguous) lastRun.to = segment.startFrame + segment.frames;
    else runs.push({ from: segment.startFrame, to: segment.startFrame + segment.frames, at });
    const media = mediaRef(names[i]);
    const source = clipMedia[i]?.source;
    stills.push({ segment, media, baked: baked[i], clip: !!source });
    clips.push({
      panelId: panel.id, shotNumber: panel.shotNumber, sceneId, sceneNumber: scene.number, sceneHeading: scene.heading,
      action: panel.action, dialogue: panel.dialogue, notes: panel.notes, shotSize: panel.shotSize, angle: panel.angle,
      lensMm: panel.lensMm, cameraMove: panel.cameraMove, status: panel.status,
      startFrame: at, frames: segment.frames, media, ...(baked[i] || source ? { baked: true } : {}), ...(source ? { source } : {}),
      dissolve: contiguous && segment.transitionIn === 'dissolve' && segment.inBefore + segment.inAfter > 0
        ? { before: segment.inBefore, after: segment.inAfter }
        : null,
    });
    at += segment.frames;
  }

  const { tracks, files } = placeAudio(source, runs, rate, mediaRef, (sha) => {
    const stored = readAudioBytes(project.db, sha);
    const clip = source.audio.find((c) => c.sha256 === sha);
    return { ...audioFormatOf(stored?.data), mime: stored?.mime ?? 'audio/wav', name: clip?.sourceName ?? null };
  });
  const timeline: EditorialTimeline = {
    title: board.project.title, rate, width: geo.width, height: geo.height, totalFrames: at, clips, markers, audioTracks: tracks,
    sceneIds: [...new Set(clips.map((c) => c.sceneId))],
  };
  return { timeline, source, stills, audioFiles: files };
}
