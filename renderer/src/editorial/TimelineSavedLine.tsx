import { PathText } from '../components/PathText';
import { formatRunningTime, plural } from '../util/format';
import { fpsText, type TimelineSaved } from './timeline-files';

/** The finished export: the timeline's clips and length, where it went, and its media folder. */
export function TimelineSavedLine({ saved }: { saved: TimelineSaved }) {
  const fps = fpsText(saved.fps);
  const media = [plural(saved.clips, 'still'), saved.audioFiles > 0 && plural(saved.audioFiles, 'sound file')].filter(Boolean).join(' and ');
  return (
    <div className="edx-saved">
      <div>
        Saved {plural(saved.clips, 'clip')} ({formatRunningTime((saved.totalFrames / saved.fps) * 1000)} at {fps} fps) to:
      </div>
      <PathText path={saved.path} className="edx-saved-path" testId="editorial-saved-path" />
      <div className="edx-saved-media">{media[0].toUpperCase() + media.slice(1)} in its media folder:</div>
      <PathText path={saved.mediaDir} className="edx-saved-path" testId="editorial-saved-media" />
      {saved.extraFiles.length > 0 && <div className="edx-saved-media">Sound: {plural(saved.extraFiles.length, 'more EDL')}, one per audio track, beside it.</div>}
    </div>
  );
}
