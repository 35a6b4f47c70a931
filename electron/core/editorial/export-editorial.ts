/**
 * `export fcpxml|xmeml|edl|otio`: plans the timeline from the animatic's frames, writes the media
 * folder (stills, baked camera moves with `bakeMoves`, and sounds), then the timeline file atomically (and, for EDL, one more EDL per audio
 * track). Nothing is written when the plan is refused (no panels, a bad rate or extension).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AtomicOutput } from '../files/atomic-output';
import { checkTargetPath } from '../files/target-path';
import { CoreError } from '../errors';
import type { Project } from '../project';
import { writeMediaFolder, type MediaContext } from './media-folder';
import { safeStem } from './media-names';
import type { EditorialFormat, EditorialTimeline } from './model';
import { planEditorial, type EditorialPlan } from './timeline-model';
import { writeAudioEdl, writeVideoEdl } from './write/edl';
import { writeFcpxml } from './write/fcpxml';
import { writeOtio } from './write/otio';
import { writeXmeml } from './write/xmeml';

export const EXTENSIONS: Record<EditorialFormat, string> = { fcpxml: '.fcpxml', xmeml: '.xml', edl: '.edl', otio: '.otio' };
const LABELS: Record<EditorialFormat, string> = { fcpxml: 'An FCPXML timeline', xmeml: 'A Final Cut Pro 7 XML timeline', edl: 'An EDL', otio: 'An OpenTimelineIO timeline' };

export interface EditorialExportOptions {
  fps?: number;
  scenes?: string;
  /** Default: NAME_media beside the timeline file. */
  mediaDir?: string;
  relative?: boolean;
  /** Panels with a camera move get an MP4 of the move in the media folder instead of a still. */
  bakeMoves?: boolean;
}

export interface EditorialExportResult {
  /** The timeline file, and for EDL the audio tracks' EDLs. */
  path: string;
  extraFiles: string[];
  mediaDir: string;
  clips: number;
  /** Of the clips, those whose media is an MP4 of their camera move (bakeMoves). */
  bakedClips: number;
  audioFiles: number;
  totalFrames: number;
  fps: number;
}

/** The timeline file's path checked, and the media folder's path (NAME_media beside it unless given). */
export function editorialTargets(format: EditorialFormat, target: string, mediaDir?: string): { file: string; mediaDir: string } {
  const file = checkTargetPath(target);
  if (path.extname(file).toLowerCase() !== EXTENSIONS[format]) {
    throw new CoreError('BAD_INPUT', `${LABELS[format]} is written as a ${EXTENSIONS[format]} file: ${path.basename(file)} has another extension.`);
  }
  const stem = path.basename(file, path.extname(file));
  return { file, mediaDir: path.resolve(mediaDir ?? path.join(path.dirname(file), `${stem}_media`)) };
}

/** The timeline's text in a format, and the extra files (audio EDLs) by name. */
export function renderTimeline(format: EditorialFormat, t: EditorialTimeline, opts: { relative: boolean; stem: string }): { main: string; extra: { name: string; text: string }[] } {
  switch (format) {
    case 'fcpxml': return { main: writeFcpxml(t), extra: [] };
    case 'xmeml': return { main: writeXmeml(t, opts), extra: [] };
    case 'otio': return { main: writeOtio(t), extra: [] };
    case 'edl': {
      const names = new Set<string>();
      const extra = t.audioTracks.flatMap((track) => {
        if (!track.clips.some((c) => c.enabled)) return [];
        let name = `${opts.stem}.${safeStem(track.name)}.edl`;
        for (let k = 2; names.has(name); k++) name = `${opts.stem}.${safeStem(track.name)}-${k}.edl`;
        names.add(name);
        return [{ name, text: writeAudioEdl(t, track) }];
      });
      return { main: writeVideoEdl(t), extra };
    }
  }
}

/** Writes the timeline file(s) of a plan, each atomically. */
export async function writeTimelineFiles(format: EditorialFormat, plan: EditorialPlan, file: string, relative: boolean): Promise<string[]> {
  const stem = path.basename(file, path.extname(file));
  const { main, extra } = renderTimeline(format, plan.timeline, { relative, stem });
  const written = [await AtomicOutput.write(file, (temp) => fs.writeFile(temp, main, 'utf8'))];
  for (const x of extra) written.push(await AtomicOutput.write(path.join(path.dirname(file), x.name), (temp) => fs.writeFile(temp, x.text, 'utf8')));
  return written;
}

export async function exportEditorial(
  project: Project, format: EditorialFormat, target: string, opts: EditorialExportOptions = {}, ctx: MediaContext = {},
): Promise<EditorialExportResult> {
  const { file, mediaDir } = editorialTargets(format, target, opts.mediaDir);
  const relative = opts.relative ?? false;
  const plan = planEditorial(project, { fps: opts.fps, scenes: opts.scenes, timelineDir: path.dirname(file), mediaDir, relative, bakeMoves: opts.bakeMoves ?? false });
  await writeMediaFolder(project, plan, mediaDir, ctx);
  const [main, ...extraFiles] = await writeTimelineFiles(format, plan, file, relative);
  const t = plan.timeline;
  return {
    path: main, extraFiles, mediaDir, clips: t.clips.length, bakedClips: t.clips.filter((c) => c.baked && !c.source).length, audioFiles: plan.audioFiles.length, totalFrames: t.totalFrames, fps: t.rate.num / t.rate.den,
  };
}
