import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import type { FrameRate } from '../../../shared/domain/animatic';
import { CoreError } from '../errors';
import { runFfmpeg } from './ffmpeg';
import { MIX_RATE } from './audio-mix';
import type { FrameComposer } from './frame-composer';
import { ptsExpression, type PictureUnit } from './video-plan';
import { STILL_PATTERN } from './video-stills';
import { directInputArgs, feedDirect, interleavedGraph, type DirectClips } from './clip-direct';

/** H.264 settings shared by the export and the benchmark's reference encode. */
export function h264Args(rate: FrameRate): string[] {
  return [
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p',
    '-g', String(Math.round((2 * rate.num) / rate.den)),
    '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709',
  ];
}

/** What the encoder asks of a frame composer: the animatic's FrameComposer, or another drawing of the same frames. */
export type PictureComposer = Pick<FrameComposer, 'ppmHeader' | 'render' | 'prefetch'>;

/** RGB to BT.709 limited-range 4:2:0, converted once per picture (before frames are repeated). */
export const TO_YUV = 'scale=out_color_matrix=bt709:out_range=tv,format=yuv420p';

export interface EncodeJob {
  bin: string;
  /** Temporary working folder (holds the filter script, the font, the audio mix). */
  dir: string;
  rate: FrameRate;
  totalFrames: number;
  units: PictureUnit[];
  composer: PictureComposer;
  /** The output: an MP4 file, or a folder for a PNG sequence. */
  output: { kind: 'mp4'; file: string; audio: string | null } | { kind: 'png'; folder: string };
  /** drawtext filter for the timecode, or null. */
  timecode: string | null;
  /** Pictures stream through stdin, or are still files already written in `dir` (STILL_PATTERN). */
  input: 'pipe' | 'files';
  /** Clip frames decoded straight into a second input, interleaved with the pictures (clip-direct.ts). */
  direct?: DirectClips | null;
  signal: AbortSignal;
  onFrames(done: number): void;
}

/**
 * One ffmpeg run: pictures go in (as PPM on stdin, or as still files), each still once; setpts puts
 * each at its first frame, the fps filter repeats stills to constant frame rate, the encoder writes.
 */
export async function encode(job: EncodeJob): Promise<void> {
  const r = `${job.rate.num}/${job.rate.den}`;
  const filters = [`setpts='${ptsExpression(job.units)}'`];
  if (job.output.kind === 'mp4') filters.push(TO_YUV);
  // trim, not -frames:v: reaching a frame limit on one stream would end the audio with it.
  const after = [`fps=fps=${r}`, `trim=end_frame=${job.totalFrames}`];
  if (job.timecode) after.push(job.timecode);
  const audio = job.output.kind === 'mp4' && job.output.audio;
  const script = path.join(job.dir, 'video.filter');
  fs.writeFileSync(script, job.direct ? interleavedGraph(filters, after, job.direct, audio ? 2 : 1) : [...filters, ...after].join(',\n'));

  const args =
    job.input === 'pipe'
      ? ['-v', 'error', '-f', 'image2pipe', '-framerate', r, '-c:v', 'ppm', '-i', 'pipe:0']
      : ['-v', 'error', '-f', 'image2', '-framerate', r, '-start_number', '1', '-i', STILL_PATTERN];
  if (job.output.kind === 'mp4' && job.output.audio) args.push('-f', 'f32le', '-ar', String(MIX_RATE), '-ac', '2', '-i', job.output.audio);
  if (job.direct) args.push(...directInputArgs(job.direct, r));
  args.push(...(job.direct ? ['-filter_complex_script', script, '-map', '[video]'] : ['-filter_script:v', script, '-map', '0:v']));
  if (job.output.kind === 'mp4') {
    args.push(...h264Args(job.rate));
    if (job.output.audio) args.push('-map', '1:a', '-c:a', 'aac', '-b:a', '192k');
    args.push('-movflags', '+faststart', '-progress', 'pipe:1', '-nostats', '-f', 'mp4', '-y', job.output.file);
  } else {
    args.push('-c:v', 'png', '-pix_fmt', 'rgb24', '-start_number', '1', '-progress', 'pipe:1', '-nostats', '-f', 'image2', '-y', path.join(job.output.folder, 'frame-%06d.png'));
  }

  let child: ChildProcess | null = null;
  let feedError: unknown = null;
  const ran = runFfmpeg(job.bin, args, {
    cwd: job.dir,
    stdin: job.input === 'pipe' ? 'pipe' : 'ignore',
    pipe3: !!job.direct,
    signal: job.signal,
    onSpawn: (c) => (child = c),
    onStdout: (chunk) => {
      const last = [...chunk.toString('latin1').matchAll(/^frame=(\d+)/gm)].pop();
      if (last) job.onFrames(Number(last[1]));
    },
  });
  if (job.input === 'files') return ran;
  const failed = (e: unknown) => {
    feedError ??= e;
    (child as ChildProcess | null)?.kill('SIGKILL');
  };
  const fed = feed(child!, job).catch(failed);
  const fedDirect = job.direct ? feedDirect(job.bin, job.direct, child!.stdio[3] as Writable, job.signal).catch(failed) : null;
  try {
    await ran;
  } catch (e) {
    // ffmpeg's own complaint explains more than the broken pipe the feeder saw; a render error more than both.
    if (feedError && !(feedError as { code?: string }).code?.startsWith('EPIPE') && !job.signal.aborted) throw feedError;
    throw e;
  }
  await Promise.all([fed, fedDirect]);
  if (feedError) throw feedError;
}

/** Renders pictures in order, a few ahead of ffmpeg, and writes them to its stdin with back-pressure. */
async function feed(child: ChildProcess, job: EncodeJob): Promise<void> {
  const stdin = child.stdin!;
  const header = job.composer.ppmHeader;
  stdin.on('error', () => undefined); // a broken pipe surfaces as ffmpeg's exit status
  const AHEAD = 3;
  const PREFETCH = 24; // pictures: a panel's image is decoded about a second before its first frame
  const pending: Promise<Buffer>[] = [];
  const render = (u: PictureUnit) => job.composer.render(u.layers, u.current);
  // The last picture again, one frame past the end: it tells the fps filter how long the last still lasts.
  const units = [...job.units, { ...job.units[job.units.length - 1] }];
  let next = 0;
  while (next < units.length || pending.length > 0) {
    while (next < units.length && pending.length < AHEAD) {
      job.composer.prefetch(units[next + PREFETCH]?.layers ?? []);
      const p = render(units[next++]);
      p.catch(() => undefined); // awaited in turn below; this only stops an early failure counting as unhandled
      pending.push(p);
    }
    const frame = await pending.shift()!;
    if (job.signal.aborted) throw new CoreError('CANCELLED', 'Cancelled.');
    if (stdin.destroyed) throw Object.assign(new Error('ffmpeg stopped reading'), { code: 'EPIPE' });
    stdin.write(header);
    if (!stdin.write(frame)) await new Promise<void>((resolve) => {
      const done = () => {
        stdin.off('drain', done);
        stdin.off('close', done);
        resolve();
      };
      stdin.on('drain', done);
      stdin.on('close', done);
    });
  }
  stdin.end();
}
