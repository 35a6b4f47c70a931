/**
 * The editorial hand-off: what every timeline writer (FCPXML, xmeml, EDL, OTIO) is given, and what
 * every reader gives back for a conform. Frames throughout, at one exact rate; writers only format.
 */
import type { AudioTrack, FrameRate } from '../../../shared/domain/animatic';

export { EDITORIAL_FORMATS, type EditorialFormat } from '../../../shared/domain/editorial';
import type { EditorialFormat } from '../../../shared/domain/editorial';

/** A file in the media folder and how the timeline names it. */
export interface MediaRef {
  /** File name inside the media folder, e.g. "12A.png" (or "12A.mp4" for a baked camera move or a panel's clip). */
  fileName: string;
  /** Absolute path on disk. */
  path: string;
  /** What the timeline writes: an absolute file URL, or a URL relative to the timeline file (--relative). */
  url: string;
}

/** What the board knows about a panel that rides along as clip metadata. */
export interface PanelFacts {
  panelId: string;
  shotNumber: string;
  sceneId: string;
  sceneNumber: number;
  sceneHeading: string;
  action: string;
  dialogue: string;
  notes: string;
  shotSize: string | null;
  angle: string | null;
  lensMm: number | null;
  cameraMove: string | null;
  status: string;
}

/** One panel on the picture track: cut-to-cut frames; a dissolve overlaps the cut without moving it. */
export interface EditorialClip extends PanelFacts {
  startFrame: number;
  frames: number;
  media: MediaRef;
  /**
   * The media is a movie: an MP4 of the panel's camera move (`--bake-moves`) or of its clip held or
   * looped, exactly `frames` long from its first frame; or the panel's own clip (see `source`). Else a still.
   */
  baked?: boolean;
  /** The panel's clip as stored: where the panel starts inside it and its whole length, in timeline frames (a movie). */
  source?: MovieSource;
  /** A cross-dissolve from the previous clip: frames before the cut (taken from it) and after (from this one). */
  dissolve: { before: number; after: number } | null;
}

/** Which part of a movie file a clip plays. */
export interface MovieSource {
  inFrame: number;
  fileFrames: number;
}

export interface EditorialMarker {
  frame: number;
  name: string;
  sceneId: string;
}

export interface EditorialAudioClip {
  name: string;
  media: MediaRef;
  startFrame: number;
  frames: number;
  /** First frame of the file that plays, and the file's whole length in frames. */
  sourceFrame: number;
  fileFrames: number;
  /** Heard in the animatic's mix (not muted, not silenced by a solo). */
  enabled: boolean;
  channels: number;
  sampleRate: number;
}

/** One NLE audio track: a lane of the soundtrack, split in two or more when its clips overlap. */
export interface EditorialAudioTrack {
  name: string;
  lane: AudioTrack;
  clips: EditorialAudioClip[];
}

export interface EditorialTimeline {
  title: string;
  rate: FrameRate;
  /** The frame size of the stills (the animatic's letterboxed frame). */
  width: number;
  height: number;
  totalFrames: number;
  clips: EditorialClip[];
  markers: EditorialMarker[];
  audioTracks: EditorialAudioTrack[];
  /** The scenes the export covers (a conform only counts panels of these as dropped). */
  sceneIds: string[];
}

/** Keys of the metadata block every format that has one carries (OTIO metadata.boardwright, FCPXML md keys). */
export const METADATA_NAMESPACE = 'boardwright';
export const FCPXML_MD_PREFIX = 'com.boardwright.';
/** The media folder's map from file name to panel id (for a conform through a timeline that lost the metadata). */
export const MEDIA_MANIFEST = 'boardwright-media.json';

/** One clip of a timeline read back for a conform, in timeline order. */
export interface ParsedClip {
  /** From the clip's own metadata (OTIO, FCPXML, xmeml, EDL comment) when the timeline kept it. */
  panelId: string | null;
  name: string;
  /** The media file's name (no folder), e.g. "12A.png", or null. */
  mediaName: string | null;
  startFrame: number;
  frames: number;
}

export interface ParsedTimeline {
  format: EditorialFormat;
  fps: number;
  rate: FrameRate;
  clips: ParsedClip[];
  markers: { frame: number; name: string }[];
  /** The scenes our export covered, when the file still says so. */
  sceneIds: string[] | null;
  totalFrames: number;
}
