import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { VideoExportResult } from '../../../shared/api/methods/animatic';
import type { VideoExportOptions } from '../../../shared/domain/animatic';
import { DEFAULT_EXPORT_OPTIONS, EXPORT_FPS } from '../../../shared/domain/animatic';
import { outputGeometry } from '../../../shared/domain/animatic-frame';
import { aspectValue } from '../../../shared/domain/project';
import { CoreError, classifyStorageError } from '../errors';
import { AtomicOutput } from '../files/atomic-output';
import type { Project } from '../project';
import { readImageBytes } from '../queries/image-queries';
import { readAudioBytes } from '../audio/audio-queries';
import { mixAudio } from './audio-mix';
import { findTimecodeFont, missingBurnInGlyphs, timecodeFilter } from './burn-ins';
import { requireFfmpeg } from './ffmpeg';
import { FrameComposer } from './frame-composer';
import { ClipFrames } from './clip-frames';
import { ClipPictures } from './clip-pictures';
import { readClipBytes } from '../motion/clip-store';
import { splitDirect } from './clip-direct';
import { readTimeline } from './timeline';
import { encode } from './video-encode';
import { planPictures } from './video-plan';
import { stillsAsFiles, writeStillFiles } from './video-stills';

export type VideoKind = 'mp4' | 'png';

export interface ExportContext {
  signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** Fills in what the caller left out: 1080p, the project's rate when the export offers it (else 24), letterboxed. */
export function resolveOptions(project: Project, partial: Partial<VideoExportOptions> = {}): VideoExportOptions {
  const projectFps = project.info().fps;
  const fps = partial.fps ?? EXPORT_FPS.find((f) => Math.abs(f - projectFps) < 0.01) ?? DEFAULT_EXPORT_OPTIONS.fps;
  return { ...DEFAULT_EXPORT_OPTIONS, ...partial, fps, burnIns: [...new Set(partial.burnIns ?? [])] };
}

/**
 * Everything that can be refused is refused here, before a task starts: a project with no panels, a
 * wrong extension, a missing folder, an existing image-sequence folder, an ffmpeg that does not run.
 */
export async function checkVideoExport(project: Project, kind: VideoKind, target: string): Promise<string> {
  const abs = path.resolve(target);
  if (project.board().scenes.every((s) => s.panels.length === 0)) {
    throw new CoreError('BAD_INPUT', 'This project has no panels: add panels before exporting an animatic.');
  }
  if (kind === 'mp4' && path.extname(abs).toLowerCase() !== '.mp4') {
    throw new CoreError('BAD_INPUT', `An animatic is written as an .mp4 file: ${path.basename(abs)} has another extension.`);
  }
  if (!fs.existsSync(path.dirname(abs))) throw new CoreError('FILE_NOT_FOUND', `The folder ${path.dirname(abs)} does not exist.`);
  if (kind === 'png' && fs.existsSync(abs) && (!fs.statSync(abs).isDirectory() || fs.readdirSync(abs).length > 0)) {
    throw new CoreError('FILE_EXISTS', `${path.basename(abs)} already exists: choose a new folder name for the image sequence.`);
  }
  await requireFfmpeg();
  return abs;
}

/** Renders the animatic to an MP4 (H.264 + AAC) or a folder of PNG frames. Nothing is left behind on failure or cancel. */
export async function exportVideo(project: Project, kind: VideoKind, target: string, options: VideoExportOptions, ctx: ExportContext): Promise<VideoExportResult> {
  const abs = await checkVideoExport(project, kind, target);
  const bin = await requireFfmpeg();
  const timeline = readTimeline(project, options.fps);
  const geo = outputGeometry(aspectValue(timeline.aspectRatio), options.height, options.frame);
  const warnings: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-animatic-'));
  const clipFrames = new ClipFrames(bin, dir, (sha) => readClipBytes(project.db, sha));
  try {
    ctx.progress(0, timeline.totalFrames);
    let timecode: string | null = null;
    if (options.burnIns.includes('timecode')) {
      const font = findTimecodeFont();
      if (!font) warnings.push('The timecode was not burned in: no font file was found for it (assets/fonts, or fontconfig).');
      else {
        fs.copyFileSync(font, path.join(dir, `timecode${path.extname(font)}`));
        timecode = timecodeFilter(timeline.rate, geo, `timecode${path.extname(font)}`);
      }
    }
    const missing = missingBurnInGlyphs(timeline.segments, options.burnIns);
    if (missing.length > 0) warnings.push(`Some burn-in characters have no glyph in Boardwright's fonts and show as boxes: ${missing.join(' ')}`);
    const audio = kind === 'mp4' ? await mixAudio(bin, timeline, (sha) => readAudioBytes(project.db, sha), dir, ctx.signal) : null;
    const composer = new FrameComposer(geo, options.burnIns, (sha) => readImageBytes(project.db, sha, 'full')?.data, new ClipPictures(clipFrames, geo));
    const planned = planPictures(timeline);
    const input = stillsAsFiles(planned, geo) ? ('files' as const) : ('pipe' as const);
    if (input === 'files') await writeStillFiles(planned, composer, dir, ctx.signal);
    // Burn-ins other than the timecode are drawn in Node: then every clip frame is composed.
    const { units, direct } = input === 'pipe' && options.burnIns.every((b) => b === 'timecode')
      ? splitDirect(planned, geo, kind === 'mp4' ? 'yuv420p' : 'rgb24', (sha) => clipFrames.clipFile(sha))
      : { units: planned, direct: null };
    const job = {
      bin, dir, rate: timeline.rate, totalFrames: timeline.totalFrames, units, composer, timecode, input, direct,
      signal: ctx.signal, onFrames: (n: number) => ctx.progress(Math.min(n, timeline.totalFrames), timeline.totalFrames),
    };
    const written =
      kind === 'mp4'
        ? await AtomicOutput.write(abs, (temp) => encode({ ...job, output: { kind: 'mp4', file: temp, audio } }))
        : await writeFolder(abs, (folder) => encode({ ...job, output: { kind: 'png', folder } }));
    ctx.progress(timeline.totalFrames, timeline.totalFrames);
    return { path: written, frames: timeline.totalFrames, durationMs: timeline.durationMs, width: geo.width, height: geo.height, warnings };
  } finally {
    clipFrames.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes into a hidden folder beside the target and renames it into place when complete. */
async function writeFolder(target: string, write: (folder: string) => Promise<void>): Promise<string> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.partial`);
  fs.mkdirSync(temp);
  try {
    await write(temp);
    if (fs.existsSync(target)) fs.rmdirSync(target); // checked empty before the export started
    fs.renameSync(temp, target);
    return target;
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw classifyStorageError(e, path.basename(target));
  }
}

