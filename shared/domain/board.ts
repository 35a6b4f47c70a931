import type { PanelClip } from './clip';
import type { CameraFraming } from './animatic-frame';
import type { ProjectInfo } from './project';

import { PANEL_STATUSES } from './board-constants';
export * from './board-constants';

export type PanelStatus = (typeof PANEL_STATUSES)[number];

/** A panel as the board shows it. `id` is stable; `shotNumber` is what the crew calls it ("12A"). */
export interface Panel {
  id: string;
  sceneId: string;
  /** The shot number shown: the manual override if set, else the number locked, else scene number plus letter. */
  shotNumber: string;
  /** The manual override, or null when the number is automatic. */
  shotNumberOverride: string | null;
  durationMs: number;
  shotSize: string | null;
  angle: string | null;
  lensMm: number | null;
  cameraMove: string | null;
  action: string;
  dialogue: string;
  sound: string;
  transition: string | null;
  notes: string;
  status: PanelStatus;
  tags: string[];
  /** SHA-256 of the panel's current image, or null when it has none. */
  imageSha256: string | null;
  /**
   * What thumbnails and exports show: the flattened sketch-over-image composite when the panel has
   * strokes (or a faded image), else the image itself; null when the panel has neither.
   */
  thumbSha256: string | null;
  /** Dropped by the editor or cut from the script: kept, greyed out, left out of exports unless asked for. */
  omitted: boolean;
  /** The element of the imported script this panel was made from ("scene:element"), or null. */
  scriptElement: string | null;
  /** The part of the picture shown (a crop when start = end, else a camera move); null: the whole picture. */
  framing: CameraFraming | null;
  /** The prompt version the panel's prompt field shows (typed, composed or sent), or null. */
  promptVersionId: string | null;
  /** The motion clip the panel plays in the animatic (its picture is then the clip's poster), or null. */
  clip: PanelClip | null;
}

export interface Scene {
  id: string;
  /** 1-based position in the project, used in automatic shot numbers. */
  number: number;
  heading: string;
  synopsis: string;
  /** The screenplay's scene number, as text ('12', '6A', 'I-1-A'), or null. */
  scriptNumber: string | null;
  /** Cut from the script: kept with its panels, greyed out, left out of exports unless asked for. */
  omitted: boolean;
}

export interface SceneWithPanels extends Scene {
  panels: Panel[];
}

export interface Board {
  project: ProjectInfo;
  scenes: SceneWithPanels[];
}

/** The editable fields of a panel (everything the shot inspector can change). */
export interface PanelPatch {
  shotNumberOverride?: string | null;
  durationMs?: number;
  shotSize?: string | null;
  angle?: string | null;
  lensMm?: number | null;
  cameraMove?: string | null;
  action?: string;
  dialogue?: string;
  sound?: string;
  transition?: string | null;
  notes?: string;
  status?: PanelStatus;
  tags?: string[];
}

/** Panels whose shot number an edit changed: how many, and the first (as in "3A is now 2A"). */
export interface Renumbered {
  renumbered: number;
  first: { from: string; to: string } | null;
}

export interface ScenePatch {
  heading?: string;
  synopsis?: string;
}

export interface ImageInfo {
  sha256: string;
  mime: string;
  width: number;
  height: number;
  byteSize: number;
}
