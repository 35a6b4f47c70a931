/**
 * The fast path for clip panels: runs of frames that are a clip alone, whole, at its own pace (clip
 * frame j, j+1, ... on consecutive frames, no fade, dissolve, move or burn-in) never pass through
 * Node. ffmpeg decodes each run, frames it (framingFilter: the still's geometry) and writes the raw
 * frames straight into a second input of the encoder (its fd 3, shared with the decoder), already in
 * the encoder's pixel format. The encoder interleaves them by timestamp with the composed pictures
 * from stdin. Holds, loops back, other rates and everything composited stay pictures.
 */
import type { Writable } from 'node:stream';
import type { ClipInfo } from '../../../shared/domain/clip';
import type { OutputGeometry } from '../../../shared/domain/animatic-frame';
import { CoreError } from '../errors';
import { drawnByFfmpeg, framingFilter } from './clip-pictures';
import { runFfmpeg } from './ffmpeg';
import type { PictureUnit } from './video-plan';

/** Consecutive output frames showing consecutive frames of one clip. */
export interface DirectRun {
  firstFrame: number;
  frames: number;
  clip: ClipInfo;
  /** The clip frame shown at `firstFrame`. */
  fromClipFrame: number;
  /** The clip's file in the export's temporary folder. */
  file: string;
  filter: string;
}

export interface DirectClips {
  runs: DirectRun[];
  width: number;
  height: number;
  pixFmt: 'rgb24' | 'yuv420p';
}

/**
 * Takes the direct runs out of the picture plan. A picture left in the plan now lasts until the next
 * picture, over any run after it, so setpts still puts each picture at its first frame; the encoder
 * lays the runs' frames over that span. Null when nothing goes direct.
 */
export function splitDirect(
  units: readonly PictureUnit[],
  geo: OutputGeometry,
  pixFmt: DirectClips['pixFmt'],
  clipFile: (sha256: string) => string,
): { units: PictureUnit[]; direct: DirectClips | null } {
  const pictures: PictureUnit[] = [];
  const runs: DirectRun[] = [];
  for (const u of units) {
    const layer = u.layers.length === 1 && u.frames === 1 ? u.layers[0] : null;
    // The picture stream starts at frame 0 (setpts counts from there): a film's first frame is always a picture.
    const filter = layer && pictures.length > 0 && drawnByFfmpeg(layer) ? framingFilter(layer.segment.clip, layer.rect, geo, pixFmt) : null;
    if (!layer || !filter) {
      pictures.push({ ...u });
      continue;
    }
    const run = runs[runs.length - 1];
    const at = run ? run.firstFrame + run.frames : -1;
    const clipFrame = layer.clipFrame!;
    if (run && at === u.firstFrame && run.clip === layer.segment.clip && run.fromClipFrame + run.frames === clipFrame && run.filter === filter) run.frames++;
    else runs.push({ firstFrame: u.firstFrame, frames: 1, clip: layer.segment.clip!, fromClipFrame: clipFrame, file: clipFile(layer.segment.clip!.sha256), filter });
    pictures[pictures.length - 1].frames++;
  }
  if (runs.length === 0) return { units: [...units], direct: null };
  return { units: pictures, direct: { runs, width: geo.width, height: geo.height, pixFmt } };
}

/** The encoder's input for the direct frames: raw frames on fd 3. */
export function directInputArgs(direct: DirectClips, rate: string): string[] {
  return ['-thread_queue_size', '64', '-f', 'rawvideo', '-pix_fmt', direct.pixFmt, '-s', `${direct.width}x${direct.height}`, '-framerate', rate, '-i', 'pipe:3'];
}

/** setpts for the direct frames: frame N of all runs in order at its output frame. */
export function directPts(runs: readonly DirectRun[]): string {
  const terms: string[] = [];
  let index = 0;
  let offset = 0;
  for (const r of runs) {
    const o = r.firstFrame - index;
    if (o !== offset) terms.push(`${o - offset}*gte(N,${index})`);
    offset = o;
    index += r.frames;
  }
  return terms.length ? `N+${terms.join('+')}` : 'N';
}

/** The encoder's filter graph: the pictures' filters, the direct frames placed by setpts, both interleaved, then `after` (fps, trim...). */
export function interleavedGraph(pictures: readonly string[], after: readonly string[], direct: DirectClips, input: number): string {
  return [
    `[0:v]${pictures.join(',')}[pictures]`,
    `[${input}:v]setpts='${directPts(direct.runs)}'[clips]`,
    `[pictures][clips]interleave=nb_inputs=2,${after.join(',')}[video]`,
  ].join(';\n');
}

/**
 * Decodes the runs in order into `into` (the encoder's fd 3), then closes it. Each run gives exactly
 * its frames (a clip shorter than counted repeats its last one), so later runs stay on their frames.
 */
export async function feedDirect(bin: string, direct: DirectClips, into: Writable, signal: AbortSignal): Promise<void> {
  try {
    for (const run of direct.runs) {
      if (signal.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
      const select = run.fromClipFrame > 0 ? `select=gte(n\\,${run.fromClipFrame}),` : '';
      const filter = `${select}${run.filter},tpad=stop_mode=clone:stop=${run.frames}`;
      await runFfmpeg(
        bin,
        ['-v', 'error', '-i', run.file, '-map', '0:v:0', '-vf', filter, '-vsync', '0', '-frames:v', String(run.frames), '-f', 'rawvideo', '-pix_fmt', direct.pixFmt, 'pipe:1'],
        { signal, stdout: into },
      );
    }
  } finally {
    into.destroy(); // not end(): the encoder sees the end of its input, and the pipe closes whole (the child's close event waits for it)
  }
}
