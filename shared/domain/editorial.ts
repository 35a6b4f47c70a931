/** The editorial hand-off: timelines for the editor's NLE, and the conform that brings their cut back. */

export const EDITORIAL_FORMATS = ['fcpxml', 'xmeml', 'edl', 'otio'] as const;
export type EditorialFormat = (typeof EDITORIAL_FORMATS)[number];

/** Frame rates every format writes exactly (29.97 and 23.976 as NTSC rates, non-drop). */
export const EDITORIAL_RATES = [23.976, 24, 25, 29.97, 30] as const;

export const EDITORIAL_LABELS: Record<EditorialFormat, { name: string; app: string; ext: string }> = {
  fcpxml: { name: 'FCPXML 1.10', app: 'Final Cut Pro', ext: 'fcpxml' },
  xmeml: { name: 'Final Cut Pro 7 XML', app: 'Premiere Pro, DaVinci Resolve', ext: 'xml' },
  edl: { name: 'CMX 3600 EDL', app: 'any NLE (picture only; one more EDL per audio track)', ext: 'edl' },
  otio: { name: 'OpenTimelineIO', app: 'DaVinci Resolve, OTIO tools', ext: 'otio' },
};

export interface EditorialExportOptions {
  /** Default: the project's rate. */
  fps?: number;
  /** Scene numbers, ranges or heading text (as the PDF export's selection); empty for all. */
  scenes?: string;
  /** Media paths relative to the timeline file (default absolute). */
  relative?: boolean;
  /** Panels with a camera move get an MP4 of the move (exactly their frames) instead of a still. */
  bakeMoves?: boolean;
}

/** What a conform will change (the preview) or changed. */
export interface ConformSummary {
  fileName: string;
  format: EditorialFormat;
  fps: number;
  clips: number;
  matched: number;
  counts: { durations: number; moves: number; reordered: boolean; dropped: number; unmatched: number; duplicates: number };
  /** One line per change, e.g. "Editor trimmed 4A from 2.00 s to 1.25 s". */
  changes: string[];
  /** Clips that match no panel: listed, ignored. */
  unmatched: { name: string; mediaName: string | null; frames: number }[];
}
