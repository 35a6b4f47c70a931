/**
 * The animatic's timeline: one pure function from the board (panel order, durations, transitions,
 * camera framing, audio clips) to segments with exact frame counts. The exporter and the in-app player
 * both use it, so the player shows the exported film frame for frame.
 *
 * Timing rules:
 * - Constant frame rate; 23.976 is exactly 24000/1001 (and 29.97 is 30000/1001).
 * - Panel k starts at frame round(sum of the durations before it × fps): cumulative times are rounded,
 *   never each duration, so the total is the sum of the durations to within half a frame.
 * - A cross-dissolve is centred on the cut and keeps the total: half its frames are taken from the end
 *   of the outgoing panel, half from the start of the incoming one (the editor's standard). During the
 *   overlap each panel holds the framing it has at its own end or start.
 * - "fade in" fades the panel up from black over its first frames; "fade out" fades it to black over its
 *   last frames. Neither changes the total. A dissolve on the first panel fades in from black.
 */
import type { PanelClip } from './clip';
import type { AspectRatio } from './project';

export type { CameraFraming, NormRect } from './framing';
import type { CameraFraming } from './framing';

/** Frame rates the MP4 export offers. */
export const EXPORT_FPS = [23.976, 24, 25, 30] as const;
export type ExportFps = (typeof EXPORT_FPS)[number];
export const EXPORT_HEIGHTS = [720, 1080, 2160] as const;
export type ExportHeight = (typeof EXPORT_HEIGHTS)[number];
/** 'letterbox': a 16:9 frame with black bars around the project's aspect; 'native': the picture alone. */
export const FRAME_MODES = ['letterbox', 'native'] as const;
export type FrameMode = (typeof FRAME_MODES)[number];
export const BURN_INS = ['shot', 'dialogue', 'sound', 'timecode'] as const;
export type BurnIn = (typeof BURN_INS)[number];

export interface VideoExportOptions {
  height: ExportHeight;
  fps: ExportFps;
  frame: FrameMode;
  burnIns: BurnIn[];
}

export const DEFAULT_EXPORT_OPTIONS: VideoExportOptions = { height: 1080, fps: 24, frame: 'letterbox', burnIns: [] };

/** Soundtrack lanes. Per-panel audio sits in one of them too, and moves with its panel. */
export const AUDIO_TRACKS = ['music', 'dialogue', 'effects'] as const;
export type AudioTrack = (typeof AUDIO_TRACKS)[number];
export const AUDIO_TRACK_LABELS: Record<AudioTrack, string> = { music: 'Music', dialogue: 'Temp dialogue', effects: 'Effects' };

/** Transition duration used when a panel has a transition but no duration of its own. */
export const DEFAULT_TRANSITION_MS = 500;

/** An exact frame rate: frames per second = num / den. */
export interface FrameRate {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** 23.976 → 24000/1001, 29.97 → 30000/1001, 59.94 → 60000/1001; anything else to the nearest 1/1000. */
export function frameRateOf(fps: number): FrameRate {
  for (const base of [24, 30, 48, 60]) {
    if (Math.abs(fps - (base * 1000) / 1001) < 0.005) return { num: base * 1000, den: 1001 };
  }
  const num = Math.round(fps * 1000);
  const g = gcd(num, 1000);
  return { num: num / g, den: 1000 / g };
}

export const fpsValue = (r: FrameRate): number => r.num / r.den;

/** The frame a time in whole milliseconds falls on, rounded to the nearest (halves up), in exact integers. */
export function msToFrame(ms: number, r: FrameRate): number {
  const m = Math.round(ms);
  return Math.floor((2 * m * r.num + 1000 * r.den) / (2000 * r.den));
}

export function frameToMs(frame: number, r: FrameRate): number {
  return (frame * 1000 * r.den) / r.num;
}

/** SMPTE-style non-drop timecode HH:MM:SS:FF, counting whole frames at the nominal rate (24 for 23.976). */
export function timecode(frame: number, r: FrameRate): string {
  const nominal = Math.round(r.num / r.den);
  const ff = frame % nominal;
  const totalSeconds = Math.floor(frame / nominal);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(ff)}`;
}

export type TransitionIn = 'cut' | 'dissolve' | 'fade in';

/** What the timeline needs from a panel. */
export interface TimelinePanelInput {
  id: string;
  shotNumber: string;
  durationMs: number;
  /** 'cut' | 'dissolve' | 'fade in' | 'fade out' | null (null and unknown values are cuts). */
  transition: string | null;
  transitionMs: number | null;
  framing: CameraFraming | null;
  /** The picture shown (the flattened image with its sketch), or null for a blank panel. */
  imageSha256: string | null;
  imageWidth: number;
  imageHeight: number;
  dialogue: string;
  /** The panel's Sound field (e.g. "SFX: door slam"), burned in above the dialogue. */
  sound: string;
  /** The motion clip the panel plays instead of its still (its picture is the clip's poster). */
  clip?: PanelClip | null;
}

export interface TimelineSegment {
  panelId: string;
  index: number;
  shotNumber: string;
  /** First frame of the panel at the cut (dissolves overlap it, they do not move it). */
  startFrame: number;
  frames: number;
  /** startFrame and frames in milliseconds (exact, fractional at 23.976). */
  startMs: number;
  durationMs: number;
  /** The duration the panel asks for; `durationMs` is it rounded to frames. */
  nominalMs: number;
  transitionIn: TransitionIn;
  /** Frames of the incoming dissolve before and after the cut, or of the fade in (all after). */
  inBefore: number;
  inAfter: number;
  /** Frames of the fade to black at the end, 0 for none. */
  fadeOut: number;
  framing: CameraFraming | null;
  imageSha256: string | null;
  imageWidth: number;
  imageHeight: number;
  dialogue: string;
  /** The panel's Sound field (e.g. "SFX: door slam"), burned in above the dialogue. */
  sound: string;
  /** The motion clip played from the panel's first frame (see clipFrameAt), or null for a still. */
  clip: PanelClip | null;
}

/** An audio clip as the timeline plays it. */
export interface AudioClipInput {
  id: string;
  kind: 'track' | 'panel';
  track: AudioTrack;
  panelId: string | null;
  sha256: string;
  /** Soundtrack: time on the timeline; panel audio: time after its panel's start. */
  startMs: number;
  /** Where in the file playback starts, and how much plays (null: to the end of the file). */
  offsetMs: number;
  durationMs: number | null;
  fileDurationMs: number;
  volume: number;
  muted: boolean;
  solo: boolean;
  sourceName: string | null;
}

export interface TimelineAudio extends AudioClipInput {
  /** Absolute start on the timeline in ms, and how long it plays there (cut at the end of the film). */
  atMs: number;
  playMs: number;
  /** Heard in the mix: not muted, and soloed when anything is soloed. */
  audible: boolean;
}

export interface Timeline {
  rate: FrameRate;
  fps: number;
  aspectRatio: AspectRatio;
  totalFrames: number;
  /** totalFrames in ms; within half a frame of `nominalMs`, the sum of the panel durations. */
  durationMs: number;
  nominalMs: number;
  segments: TimelineSegment[];
  audio: TimelineAudio[];
}

function transitionOf(t: string | null): TransitionIn | 'fade out' {
  return t === 'dissolve' || t === 'fade in' || t === 'fade out' ? t : 'cut';
}

/** Builds the timeline at a frame rate. Pure: the same board gives the same frames everywhere. */
export function buildTimeline(input: {
  fps: number;
  aspectRatio: AspectRatio;
  panels: readonly TimelinePanelInput[];
  audio: readonly AudioClipInput[];
}): Timeline {
  const rate = frameRateOf(input.fps);
  const segments: TimelineSegment[] = [];
  let cumulativeMs = 0;
  let startFrame = 0;
  for (const [index, p] of input.panels.entries()) {
    cumulativeMs += p.durationMs;
    const endFrame = msToFrame(cumulativeMs, rate);
    const frames = endFrame - startFrame;
    const kind = transitionOf(p.transition);
    const wanted = msToFrame(p.transitionMs ?? DEFAULT_TRANSITION_MS, rate);
    const seg: TimelineSegment = {
      panelId: p.id, index, shotNumber: p.shotNumber, startFrame, frames,
      startMs: frameToMs(startFrame, rate), durationMs: frameToMs(frames, rate), nominalMs: p.durationMs,
      transitionIn: kind === 'fade out' ? 'cut' : kind, inBefore: 0, inAfter: 0, fadeOut: 0,
      framing: p.framing, imageSha256: p.imageSha256, imageWidth: p.imageWidth, imageHeight: p.imageHeight, dialogue: p.dialogue, sound: p.sound,
      clip: p.clip ?? null,
    };
    const prev = segments[segments.length - 1];
    if (seg.transitionIn === 'dissolve' && !prev) seg.transitionIn = 'fade in';
    if (seg.transitionIn === 'dissolve' && prev) {
      // Centred on the cut: the first half from the outgoing panel (what its own incoming transition left).
      const before = Math.min(Math.floor(wanted / 2), prev.frames - prev.inAfter);
      const after = Math.min(wanted - Math.floor(wanted / 2), frames);
      seg.inBefore = Math.max(0, before);
      seg.inAfter = Math.max(0, after);
      if (seg.inBefore + seg.inAfter === 0) seg.transitionIn = 'cut';
    } else if (seg.transitionIn === 'fade in') {
      seg.inAfter = Math.min(wanted, frames);
    }
    if (kind === 'fade out') seg.fadeOut = Math.min(wanted, frames);
    segments.push(seg);
    startFrame = endFrame;
  }
  const totalFrames = startFrame;
  const durationMs = frameToMs(totalFrames, rate);
  return {
    rate, fps: fpsValue(rate), aspectRatio: input.aspectRatio, totalFrames, durationMs, nominalMs: cumulativeMs, segments,
    audio: placeAudio(input.audio, segments, durationMs),
  };
}

function placeAudio(clips: readonly AudioClipInput[], segments: readonly TimelineSegment[], totalMs: number): TimelineAudio[] {
  const anySolo = clips.some((c) => c.solo);
  const panelStart = new Map(segments.map((s) => [s.panelId, s.startMs]));
  const placed: TimelineAudio[] = [];
  for (const c of clips) {
    const base = c.kind === 'panel' ? panelStart.get(c.panelId ?? '') : 0;
    if (base === undefined) continue;
    const atMs = base + c.startMs;
    const length = Math.max(0, (c.durationMs ?? c.fileDurationMs - c.offsetMs));
    const playMs = Math.max(0, Math.min(length, totalMs - atMs));
    placed.push({ ...c, atMs, playMs, audible: !c.muted && (!anySolo || c.solo) });
  }
  return placed;
}

/** The segment whose cut-to-cut span holds a frame (the last one past the end). */
export function segmentAt(t: Timeline, frame: number): TimelineSegment | null {
  const segs = t.segments;
  if (segs.length === 0) return null;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].startFrame <= frame) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo];
}
