/** Row shapes as SQLite returns them (snake_case, JSON as text). */
export interface ProjectRow {
  title: string;
  aspect_ratio: string;
  fps: number;
  default_duration_ms: number;
  style_notes: string;
  shot_numbers_locked: number;
}

export interface SceneRow {
  id: string;
  position: number;
  heading: string;
  synopsis: string;
  script_number: string | null;
  omitted: number;
}

/** A clip joined to its row (panel or variation): its SHA-256 and, from the clips row, its measures (all null without a clip). */
export interface ClipColumns {
  clip_sha256: string | null;
  clip_width: number | null;
  clip_height: number | null;
  clip_fps_num: number | null;
  clip_fps_den: number | null;
  clip_frames: number | null;
  clip_duration_ms: number | null;
  clip_poster_sha256: string | null;
}

export interface PanelRow extends ClipColumns {
  id: string;
  scene_id: string;
  position: number;
  shot_number_override: string | null;
  duration_ms: number;
  shot_size: string | null;
  angle: string | null;
  lens_mm: number | null;
  camera_move: string | null;
  action: string;
  dialogue: string;
  sound: string;
  transition: string | null;
  notes: string;
  status: string;
  tags: string;
  image_sha256: string | null;
  /** The flattened image (image + sketch), when the panel has one. */
  composite_sha256: string | null;
  omitted: number;
  script_element: string | null;
  /** JSON { start, end } of NormRects, or null. */
  camera_framing: string | null;
  /** The number frozen when shot numbers were locked (see migration 007). */
  locked_shot_number: string | null;
  /** The prompt version the panel's prompt field shows. */
  prompt_version_id: string | null;
  /** Where the panel starts in its clip (migration 009) and what it does past its end. */
  clip_in_ms: number;
  clip_after: string;
}
