/**
 * A panel that plays a motion clip hands the NLE the clip itself: the stored file, unchanged, in its
 * own container, played from the panel's in point for the panel's frames. That needs the panel to end
 * inside the clip. A panel that holds the clip's last frame or loops it past the end gets a rendered
 * movie instead (baked: the animatic's own frames, exactly the panel's length): the formats cannot
 * all say "freeze" or "loop" (an EDL cannot), and a clip referenced for less than the panel would
 * leave a gap or shift the cuts. A GIF is always baked: NLEs do not take it as video.
 */
import type { FrameRate, TimelineSegment } from '../../../shared/domain/animatic';
import { msToFrame } from '../../../shared/domain/animatic';
import type { MovieSource } from './model';

const CONTAINERS: Record<string, string> = { 'video/mp4': '.mp4', 'video/quicktime': '.mov', 'video/webm': '.webm' };

/** The panel's clip as its media (file extension and the part it plays), or null when it is baked (or has no clip). */
export function clipAsMedia(seg: TimelineSegment, rate: FrameRate, mimeOf: (sha256: string) => string | undefined): { ext: string; source: MovieSource } | null {
  const clip = seg.clip;
  if (!clip) return null;
  const ext = CONTAINERS[mimeOf(clip.sha256) ?? ''];
  const inFrame = msToFrame(clip.inMs, rate);
  // Whole timeline frames the clip lasts (a part frame at its end would show nothing in an NLE).
  const fileFrames = Math.floor((clip.durationMs * rate.num) / (1000 * rate.den) + 1e-9);
  return ext && inFrame + seg.frames <= fileFrames ? { ext, source: { inFrame, fileFrames } } : null;
}
