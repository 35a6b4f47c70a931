/**
 * The media folder beside a timeline: one still per panel at the animatic's frame size (rendered by the
 * animatic's own still path, letterboxed the same way), the soundtrack files unchanged, and a manifest
 * mapping each file name to its panel id. With `--bake-moves`, a panel with a camera move gets an MP4
 * of the move instead (rendered by the animatic's own code, see move-clip.ts). A panel that plays a
 * motion clip gets the clip file as stored, or a rendering of it held or looped (clip-media.ts). Names come from shot
 * numbers and stay the same on every re-export, so an NLE's links keep working; files a previous
 * export wrote that are no longer used go.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FULL_FRAME, hasMove, outputGeometry } from '../../../shared/domain/animatic-frame';
import { aspectValue } from '../../../shared/domain/project';
import { FrameComposer } from '../animatic/frame-composer';
import { requireFfmpeg } from '../animatic/ffmpeg';
import { stillPng } from '../animatic/video-stills';
import { readAudioBytes } from '../audio/audio-queries';
import { classifyStorageError, CoreError } from '../errors';
import type { Project } from '../project';
import { readImageBytes } from '../queries/image-queries';
import { readClipBytes } from '../motion/clip-store';
import { MEDIA_MANIFEST } from './model';
import { writeMoveClip } from './move-clip';
import { STILL_HEIGHT, type EditorialPlan, type StillJob } from './timeline-model';

export interface MediaManifest {
  format: 'boardwright-media/1';
  project: string;
  /** Still (or baked clip) file name -> the panel it shows (and what it was drawn from, so a re-export skips unchanged ones). */
  stills: Record<string, StillEntry>;
  audio: string[];
}

export interface StillEntry {
  panelId: string;
  shotNumber: string;
  /** The picture, framing and frame the still was drawn from; with the file's size and time, to know it is unchanged. */
  key?: string;
  size?: number;
  mtimeMs?: number;
}

export interface MediaContext {
  signal?: AbortSignal;
  progress?(done: number, total: number): void;
}

/** Writes a file whole or not at all (a temporary name beside it, then a rename). */
async function writeAtomically(file: string, bytes: Buffer | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, file);
  } catch (e) {
    await fs.promises.rm(temp, { force: true });
    throw classifyStorageError(e, path.basename(file));
  }
}

function clipBytes(project: Project, sha256: string): Buffer {
  const bytes = readClipBytes(project.db, sha256);
  if (!bytes) throw new CoreError('NOT_FOUND', 'A motion clip a panel plays is missing from the project.');
  return bytes;
}

function previousManifest(dir: string): MediaManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, MEDIA_MANIFEST), 'utf8')) as MediaManifest;
    return m?.format === 'boardwright-media/1' ? m : null;
  } catch {
    return null;
  }
}

/** The still as a unit of the animatic's picture plan: the panel alone, whole (a fixed framing kept, a move not baked in). */
function stillUnit(job: StillJob) {
  const seg = job.segment;
  const rect = seg.framing && !hasMove(seg.framing) ? seg.framing.start : FULL_FRAME;
  return { firstFrame: seg.startFrame, frames: seg.frames, layers: [{ segment: seg, opacity: 1, rect, clipFrame: null }], current: seg };
}

export async function writeMediaFolder(project: Project, plan: EditorialPlan, dir: string, ctx: MediaContext = {}): Promise<MediaManifest> {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw classifyStorageError(e, path.basename(dir));
  }
  if (!fs.statSync(dir).isDirectory()) throw new CoreError('FILE_EXISTS', `${dir} is a file: the media folder must be a folder.`);
  const before = previousManifest(dir);
  const geo = outputGeometry(aspectValue(plan.source.aspectRatio), STILL_HEIGHT, 'letterbox');
  const readImage = (sha: string) => readImageBytes(project.db, sha, 'full')?.data;
  const composer = new FrameComposer(geo, [], readImage);
  // Refused before anything is drawn when a clip is to be rendered and ffmpeg does not run.
  const bin = plan.stills.some((j) => j.baked) ? await requireFfmpeg() : '';
  const signal = ctx.signal ?? new AbortController().signal;
  const total = plan.stills.length + plan.audioFiles.length;
  let done = 0;
  ctx.progress?.(0, total);
  const stills: Record<string, StillEntry> = {};
  // A pool, not batches: a new still starts as soon as one is written (no waiting for the slowest of a
  // batch); one more than the cores, so decoding, encoding and writing overlap.
  const WORKERS = Math.max(3, Math.min(4, os.cpus().length + 1));
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < plan.stills.length && !failed) {
      if (ctx.signal?.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
      const job = plan.stills[next++];
      const clip = plan.timeline.clips[next - 1];
      const seg = job.segment;
      const unit = stillUnit(job);
      const drawn = [seg.imageSha256, seg.imageSha256 ? '' : seg.shotNumber];
      const played = seg.clip ? [seg.clip.sha256, seg.clip.inMs, seg.clip.after] : [];
      const key = job.clip
        ? JSON.stringify([1, 'clip', seg.clip!.sha256])
        : job.baked
          ? JSON.stringify([1, 'mp4', ...drawn, ...played, seg.framing, seg.frames, plan.timeline.rate, geo])
          : JSON.stringify([1, ...drawn, unit.layers[0].rect, geo]);
      const old = before?.stills[job.media.fileName];
      const stat = await fs.promises.stat(job.media.path).catch(() => null);
      if (!(old?.key === key && stat && stat.size === old.size && stat.mtimeMs === old.mtimeMs)) {
        if (job.clip) await writeAtomically(job.media.path, clipBytes(project, seg.clip!.sha256));
        else if (job.baked) await writeMoveClip(job.media.path, { bin, source: plan.source, segment: seg, geo, readImage, readClip: (sha) => readClipBytes(project.db, sha), signal });
        else await writeAtomically(job.media.path, await stillPng(composer, unit));
      }
      const now = await fs.promises.stat(job.media.path);
      stills[job.media.fileName] = { panelId: clip.panelId, shotNumber: clip.shotNumber, key, size: now.size, mtimeMs: now.mtimeMs };
      ctx.progress?.(++done, total);
    }
  };
  // Every worker is waited for, so a failure or a cancel leaves no half-written file behind.
  const ran = await Promise.allSettled(Array.from({ length: Math.min(WORKERS, plan.stills.length) }, () => worker().catch((e) => {
    failed = true;
    throw e;
  })));
  const failure = ran.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  for (const f of plan.audioFiles) {
    if (ctx.signal?.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
    const stored = readAudioBytes(project.db, f.sha256);
    if (!stored) throw new CoreError('NOT_FOUND', `The audio file ${f.media.fileName} is missing from the project.`);
    await writeAtomically(f.media.path, stored.data);
    ctx.progress?.(++done, total);
  }
  const manifest: MediaManifest = {
    format: 'boardwright-media/1',
    project: plan.timeline.title,
    stills: Object.fromEntries(plan.timeline.clips.map((c) => [c.media.fileName, stills[c.media.fileName]])),
    audio: plan.audioFiles.map((f) => f.media.fileName),
  };
  // Stills of panels an earlier export (of other scenes) wrote here stay listed; files of panels that are
  // gone or were renamed, and sounds no longer used, are removed.
  const alive = new Set(project.board().scenes.flatMap((s) => s.panels.map((p) => p.id)));
  const exported = new Set(plan.timeline.clips.map((c) => c.panelId));
  for (const [name, entry] of Object.entries(before?.stills ?? {})) {
    if (manifest.stills[name] || path.basename(name) !== name) continue;
    if (alive.has(entry.panelId) && !exported.has(entry.panelId)) manifest.stills[name] = entry;
    else fs.rmSync(path.join(dir, name), { force: true });
  }
  for (const name of before?.audio ?? []) {
    if (!manifest.audio.includes(name) && path.basename(name) === name && !manifest.stills[name]) fs.rmSync(path.join(dir, name), { force: true });
  }
  await writeAtomically(path.join(dir, MEDIA_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
