import { EDITORIAL_LABELS, EDITORIAL_RATES, type EditorialFormat } from '../../../shared/domain/editorial';

/** What the editorial export task finishes with (the core's task result). */
export interface TimelineSaved {
  /** The timeline file; for an EDL, the picture EDL. */
  path: string;
  /** For an EDL, one more EDL per audio track. */
  extraFiles: string[];
  mediaDir: string;
  clips: number;
  audioFiles: number;
  totalFrames: number;
  fps: number;
}

/** The files the file chooser offers for Import Editorial Changes…. */
export const TIMELINE_ACCEPT = '.otio,.fcpxml,.xml,.edl';

/** The format that `path` ends in ("Final Cut Pro 7 XML" for .xml), or null. */
export function formatOfPath(path: string): EditorialFormat | null {
  const lower = path.trim().toLowerCase();
  return (Object.keys(EDITORIAL_LABELS) as EditorialFormat[]).find((f) => lower.endsWith(`.${EDITORIAL_LABELS[f].ext}`)) ?? null;
}

/** `path` with its extension made the format's (a path without one gains it). */
export function withExtension(path: string, format: EditorialFormat): string {
  const ext = `.${EDITORIAL_LABELS[format].ext}`;
  const known = formatOfPath(path);
  if (known) return path.trim().slice(0, -(EDITORIAL_LABELS[known].ext.length + 1)) + ext;
  return path.trim() ? path.trim() + ext : path;
}

/** "Film_media": the folder of stills and sound written beside the timeline file. */
export function mediaFolderName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return `${(dot > 0 ? name.slice(0, dot) : name) || 'Untitled'}_media`;
}

/** The rate a timeline is written at when the user has not chosen: the project's, else the nearest one a timeline can carry. */
export function defaultRate(projectFps: number): number {
  return EDITORIAL_RATES.reduce((best, r) => (Math.abs(r - projectFps) < Math.abs(best - projectFps) ? r : best), EDITORIAL_RATES[0]);
}


/** "24", "23.976": a frame rate as editors write it. */
export function fpsText(fps: number): string {
  return Number.isInteger(fps) ? String(fps) : fps.toFixed(3);
}
