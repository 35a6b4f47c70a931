import type { Timeline, TimelinePanelInput } from '../../../shared/domain/animatic';
import { buildTimeline } from '../../../shared/domain/animatic';
import type { Project } from '../project';
import { listAudioClips } from '../audio/audio-queries';
import { readImageSizes, readPanelTimings } from './timeline-queries';
import { withoutOmitted } from '../board/omitted';

/** The picture a panel shows in the animatic: its flattened sketch-over-image when it has one. */
function pictureOf(p: { imageSha256: string | null; thumbSha256?: string | null }): string | null {
  return p.thumbSha256 ?? p.imageSha256;
}

/** The project's timeline at a frame rate (default: the project's own); omitted scenes and panels are left out. */
export function readTimeline(project: Project, fps?: number): Timeline {
  const board = withoutOmitted(project.board());
  const panels = board.scenes.flatMap((s) => s.panels);
  const timings = readPanelTimings(project.db);
  const sizes = readImageSizes(project.db, panels.map(pictureOf).filter((s): s is string => !!s));
  const inputs: TimelinePanelInput[] = panels.map((p) => {
    const sha = pictureOf(p);
    const size = sha ? sizes.get(sha) : undefined;
    const timing = timings.get(p.id);
    return {
      id: p.id,
      shotNumber: p.shotNumber,
      durationMs: p.durationMs,
      transition: p.transition,
      transitionMs: timing?.transitionMs ?? null,
      framing: timing?.framing ?? null,
      imageSha256: size ? sha : null,
      imageWidth: size?.width ?? 0,
      imageHeight: size?.height ?? 0,
      dialogue: p.dialogue,
      sound: p.sound,
      clip: p.clip,
    };
  });
  return buildTimeline({ fps: fps ?? board.project.fps, aspectRatio: board.project.aspectRatio, panels: inputs, audio: listAudioClips(project.db) });
}
