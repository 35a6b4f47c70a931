import type { ClipInfo } from '../../../shared/domain/clip';
import { clipUrl } from './clip-urls';

interface Props {
  clip: ClipInfo;
  /** Shown until the clip plays (and when it is not playing): the clip's poster at this URL. */
  poster: string;
  label: string;
  /** Plays at once, looped (pick and compare dialogs); else the gallery's hover starts it. */
  autoPlay?: boolean;
  className?: string;
}

/** A clip as a muted looping <video> over its poster: never a sound, and nothing loaded until asked. */
export function ClipVideo({ clip, poster, label, autoPlay = false, className }: Props) {
  return (
    <video
      className={className}
      src={clipUrl(clip.sha256)}
      poster={poster}
      aria-label={label}
      data-testid="clip-video"
      muted
      loop
      playsInline
      autoPlay={autoPlay}
      preload={autoPlay ? 'auto' : 'none'}
      disablePictureInPicture
    />
  );
}

/** Hover or keyboard focus on an element holding a ClipVideo plays it; leaving stops it on its poster. */
export const playClipOnHover = {
  onMouseEnter: (e: { currentTarget: HTMLElement }) => startIn(e.currentTarget),
  onFocus: (e: { currentTarget: HTMLElement }) => startIn(e.currentTarget),
  onMouseLeave: (e: { currentTarget: HTMLElement }) => stopIn(e.currentTarget),
  onBlur: (e: { currentTarget: HTMLElement }) => stopIn(e.currentTarget),
};

function startIn(el: HTMLElement): void {
  const video = el.querySelector('video');
  // play() is refused when the element goes away meanwhile: nothing to report.
  if (video) void video.play().catch(() => undefined);
}

function stopIn(el: HTMLElement): void {
  const video = el.querySelector('video');
  if (!video || el.matches(':hover') || el.contains(document.activeElement)) return;
  video.pause();
  // Back to the poster: a paused video at 0 would show its first frame, which is the poster anyway.
  video.currentTime = 0;
}
