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

/** Shorter runs stay pictures: each run costs a decoder started from the clip's first frame (a 29.97 clip on 24 fps breaks every 5 frames). */
const MIN_RUN = 8;

/**
 * Takes the direct runs out of the picture plan. A picture left in the plan now lasts until the next
 * picture, over any run after it, so setpts still puts each picture at its first frame; the encoder
 * lays the runs' frames over that span. The picture stream starts at frame 0 (setpts counts from
 * there), so a film's first frame is always a picture. Null when nothing goes direct.
 */
export function splitDirect(
  units: readonly PictureUnit[],
  geo: OutputGeometry,
  pixFmt: DirectClips['pixFmt'],
  clipFile: (sha256: string) => string,
): { units: PictureUnit[]; direct: DirectClips | null } {
  const pictures: PictureUnit[] = [];
  const runs: DirectRun[] = [];
  // The run being gathered, and the picture units it would replace.
  const open: { run: DirectRun | null; units: PictureUnit[] } = { run: null, units: [] };
  const close = () => {
    const run = open.run;
    if (run && run.frames >= MIN_RUN) {
      runs.push(run);
      pictures[pictures.length - 1].frames += run.frames;
    } else pictures.push(...open.units.map((u) => ({ ...u })));
    open.run = null;
    open.units = [];
  };
  for (const [i, u] of units.entries()) {
    const only = i > 0 && u.layers.length === 1 && u.frames === 1 ? u.layers[0] : null;
    const layer = only && drawnByFfmpeg(only) ? only : null;
    const filter = layer ? framingFilter(layer.segment.clip, layer.rect, geo, pixFmt) : null;
    if (!layer || !filter) {
      close();
      pictures.push({ ...u });
      continue;
    }
    const clip = layer.segment.clip;
    const r = open.run;
    if (!(r && r.firstFrame + r.frames === u.firstFrame && r.clip === clip && r.fromClipFrame + r.frames === layer.clipFrame && r.filter === filter)) {
      close();
      open.run = { firstFrame: u.firstFrame, frames: 0, clip, fromClipFrame: layer.clipFrame, file: clipFile(clip.sha256), filter };
    }
    open.run!.frames++;
    open.units.push(u);
  }
  close();
  if (runs.length === 0) return { units: [...units], direct: null };
  return { units: pictures, direct: { runs, width: geo.width, height: geo.height, pixFmt } };
}

/** The encoder's input for the direct frames: raw frames on fd 3. */
export function directInputArgs(direct: DirectClips, rate: string): string[] {
  return ['-thread_queue_size', '8', '-f', 'rawvideo', '-pix_fmt', direct.pixFmt, '-s', `${direct.width}x${direct.height}`, '-framerate', rate, '-i', 'pipe:3'];
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
