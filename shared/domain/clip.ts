/**
 * Motion clips on panels (issue 14): a generated video a panel plays instead of its still, trimmed
 * and held or looped to the panel's duration. Pure, shared by the exporter and the player, so both
 * show the same clip frame at the same timeline frame.
 */

/** What a panel does when it lasts longer than what is left of its clip. */
export const CLIP_AFTER = ['hold', 'loop'] as const;
export type ClipAfter = (typeof CLIP_AFTER)[number];

/** A stored clip's measures, as the bundled ffmpeg read them. */
export interface ClipInfo {
  sha256: string;
  width: number;
  height: number;
  /** The clip's exact frame rate (30000/1001...). */
  fpsNum: number;
  fpsDen: number;
  frames: number;
  durationMs: number;
  /** Its first frame, stored as an image. */
  posterSha256: string;
}

/** The clip a panel plays: the clip, where the panel starts inside it, and hold or loop at its end. */
export interface PanelClip extends ClipInfo {
  inMs: number;
  after: ClipAfter;
}

/**
 * The clip frame shown `elapsedFrames` timeline frames into the panel: the clip frame whose time
 * span holds that instant (in point included); past the clip's end, its last frame (hold) or the
 * clip again from the in point (loop).
 */
export function clipFrameAt(clip: Pick<PanelClip, 'fpsNum' | 'fpsDen' | 'frames' | 'inMs' | 'after'>, elapsedFrames: number, rate: { num: number; den: number }): number {
  const last = Math.max(0, clip.frames - 1);
  const inFrame = Math.min(last, Math.floor((clip.inMs * clip.fpsNum) / (clip.fpsDen * 1000) + 1e-9));
  // Timeline frame k starts at k*den/num s; clip frame j at j*fpsDen/fpsNum s. Integer arithmetic first: no drift over long clips.
  const offset = Math.floor((Math.max(0, elapsedFrames) * rate.den * clip.fpsNum) / (rate.num * clip.fpsDen) + 1e-9);
  const j = inFrame + offset;
  if (j <= last) return j;
  if (clip.after === 'hold') return last;
  const span = clip.frames - inFrame;
  return span > 0 ? inFrame + ((j - inFrame) % span) : last;
}

/** The in point, kept inside the clip (at least one frame left after it). */
export function clampClipIn(inMs: number, clip: Pick<ClipInfo, 'durationMs' | 'fpsNum' | 'fpsDen'>): number {
  const frameMs = (1000 * clip.fpsDen) / clip.fpsNum;
  return Math.max(0, Math.min(Math.round(inMs), Math.floor(clip.durationMs - frameMs)));
}
