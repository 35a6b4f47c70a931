/** Aspect ratios a project can be framed in. Stored as the label the user picked. */
export const ASPECT_RATIOS = ['2.39', '1.85', '16:9', '4:3', '1:1', '9:16'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** Width divided by height for each aspect-ratio label. */
export function aspectValue(aspect: AspectRatio): number {
  switch (aspect) {
    case '2.39': return 2.39;
    case '1.85': return 1.85;
    case '16:9': return 16 / 9;
    case '4:3': return 4 / 3;
    case '1:1': return 1;
    case '9:16': return 9 / 16;
  }
}

export interface ProjectInfo {
  /** Absolute path of the open .boardwright file. */
  path: string;
  title: string;
  aspectRatio: AspectRatio;
  fps: number;
  defaultDurationMs: number;
  styleNotes: string;
  /** Shot numbers are frozen (a board handed to the crew): new panels get 1AA between 1A and 1B. */
  shotNumbersLocked: boolean;
  schemaVersion: number;
  /** Opened without the project lock (another process is editing it): every edit is refused. */
  readOnly: boolean;
}

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Human label of the edit the next undo reverts, e.g. "Edit panel 1A". */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** Frame rates the Project Settings and New Project forms offer (the API takes any rate up to 240). */
export const PROJECT_FRAME_RATES = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60] as const;
/** The frame rate of a new project when none is given. */
export const DEFAULT_FPS = 24;

/**
 * How pictures fit when the aspect ratio changes: the whole picture with bars (its framing cleared),
 * the centre of it filling the new frame (a framing crop), or each panel's framing left as it is.
 */
export const PICTURE_FITS = ['letterbox', 'crop', 'keep'] as const;
export type PictureFit = (typeof PICTURE_FITS)[number];
