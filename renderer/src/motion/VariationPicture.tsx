import type { Variation } from '../../../shared/domain/generation';
import { previewUrl } from '../board/previews';
import { clipSeconds } from './clip-urls';
import { ClipVideo } from './ClipVideo';

export type PictureSize = 'thumb' | 'preview' | 'full';

const urlOf = (sha: string, size: PictureSize) => (size === 'thumb' ? `/media/thumb/${sha}` : size === 'preview' ? previewUrl(sha, 512) : `/media/full/${sha}`);

/**
 * A variation as the gallery and its dialogs show it: a still's picture, or a clip over its poster
 * (in a thumbnail it plays on hover; in a dialog it plays at once).
 */
export function VariationPicture({ v, size, label, className }: { v: Variation; size: PictureSize; label: string; className?: string }) {
  const poster = urlOf(v.imageSha256, size);
  if (!v.clip) return <img className={className} src={poster} alt={label} />;
  return <ClipVideo className={className} clip={v.clip} poster={poster} label={label} autoPlay={size !== 'thumb'} />;
}

/** The small "clip 2.0 s" mark on a clip variation's thumbnail. */
export function ClipBadge({ v }: { v: Variation }) {
  if (!v.clip) return null;
  return (
    <span className="clip-badge" data-testid="clip-badge" title={`A motion clip, ${clipSeconds(v.clip.durationMs)} (hover to play)`}>
      clip · {clipSeconds(v.clip.durationMs)}
    </span>
  );
}
