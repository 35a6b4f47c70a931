import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ClipInfo } from '../../../shared/domain/clip';
import { CoreError } from '../errors';
import { requireFfmpeg, runFfmpeg } from '../animatic/ffmpeg';
import { ACCEPTED_CLIPS, sniffClip } from './clip-format';
import { scratchRoot } from '../files/scratch-dir';
import { mp4VideoFrameCount } from './mp4-samples';

/** A clip checked and measured, ready to store: what the timeline and the export need to cut it frame-exact. */
export interface PreparedClip extends Omit<ClipInfo, 'posterSha256'> {
  mime: string;
  byteSize: number;
  /** The first frame as a JPEG (the clip is lossy already; a PNG of a grainy frame takes ~0.5 s to compress): the variation's picture and the PDF's. */
  poster: Buffer;
  data: Buffer;
  sourceName: string | null;
}

interface StreamInfo {
  width: number;
  height: number;
  fpsNum: number;
  fpsDen: number;
}

/** ffmpeg's description of the first video stream: "Video: h264 (…), yuv420p, 1280x720 [SAR 1:1 DAR 16:9], 24 fps, …". */
export function parseVideoStream(log: string): StreamInfo | null {
  const line = log.split('\n').find((l) => /Stream #\d+:\d+.*: Video:/.test(l));
  if (!line) return null;
  const size = line.match(/, (\d{2,5})x(\d{2,5})/);
  const rate = line.match(/, ([\d.]+)(k?) (?:fps|tbr)/);
  if (!size || !rate) return null;
  return { width: Number(size[1]), height: Number(size[2]), ...rateFraction(Number(rate[1]) * (rate[2] ? 1000 : 1)) };
}

/** The NTSC rates ffmpeg prints rounded (23.98, 29.97, 59.94) back to their exact fractions. */
function rateFraction(fps: number): { fpsNum: number; fpsDen: number } {
  for (const base of [24, 30, 60, 120]) {
    if (Math.abs(fps - (base * 1000) / 1001) < 0.01) return { fpsNum: base * 1000, fpsDen: 1001 };
  }
  if (Number.isInteger(fps)) return { fpsNum: fps, fpsDen: 1 };
  return { fpsNum: Math.round(fps * 1000), fpsDen: 1000 };
}

/** The last "frame=  N" progress figure ffmpeg printed. */
export function parseFrameCount(log: string): number {
  const all = [...log.matchAll(/frame=\s*(\d+)/g)];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

/**
 * The poster: the first frame as a high-quality JPEG with 4:2:0 chroma, as nearly every clip has
 * (4:4:4 took a fifth longer to encode, 25 ms of a 20 MB clip's store, for chroma the clip lacks).
 */
export const POSTER_OUTPUT = ['-map', '0:v:0', '-frames:v', '1', '-pix_fmt', 'yuvj420p', '-q:v', '2'];

/**
 * ffmpeg decoding the first frame into `poster` (a JPEG); resolves to its log (which describes the
 * stream), rejects when it fails. `fromHeader` skips the probe that decodes the first frame to learn
 * the stream (avformat_find_stream_info): the MP4 header already says it, and the frame was decoded
 * twice (35-40 ms of a 20 MB clip's 150 ms run).
 */
function posterRun(bin: string, input: string, poster: string, fromHeader: boolean): Promise<string> {
  let log = '';
  const args = ['-v', 'info', ...(fromHeader ? ['-nofind_stream_info'] : []), '-skip_frame', 'nokey', '-threads', '1', '-i', input];
  return runFfmpeg(bin, [...args, ...POSTER_OUTPUT, '-y', poster], { onStderr: (text) => (log += text) }).then(() => log);
}

/**
 * Checks a video before anything is stored: the container by its bytes, then ffmpeg decodes the first
 * frame as the poster (single-threaded: frame threads would decode several frames before the first
 * came out; key frames only, as a clip starts on one, so it need not decode the frames after it that
 * B-frame reordering would wait for), and its log describes the stream. The frame count of an MP4 or
 * MOV comes from its sample table (mp4-samples.ts); any other file's, or one that table cannot
 * answer for, from a second ffmpeg run copying the stream to nowhere (no decode). The hash is taken,
 * and `whileProbing` runs, while ffmpeg runs. A file that is not a video, is empty or does not decode
 * is refused with a message naming it.
 */
export async function prepareClip(bytes: Buffer, sourceName: string | null, whileProbing?: (sha256: string) => void): Promise<PreparedClip> {
  const name = sourceName || 'The file';
  if (bytes.length === 0) throw new CoreError('BAD_INPUT', `${name} is empty.`);
  const format = sniffClip(bytes);
  if (!format) throw new CoreError('BAD_INPUT', `${name} is not a video Boardwright can use (${ACCEPTED_CLIPS}).`);
  const bin = await requireFfmpeg();
  const dir = fs.mkdtempSync(path.join(scratchRoot(), 'boardwright-clip-'));
  try {
    const input = path.join(dir, `input.${format.ext}`);
    const poster = path.join(dir, 'poster.jpg');
    fs.writeFileSync(input, bytes);
    const counted = format.label === 'MP4' || format.label === 'MOV' ? mp4VideoFrameCount(bytes) : null;
    let countLog = '';
    const runs = Promise.allSettled([
      // A sample table read means a whole MP4/MOV header, which describes the stream: no probing decode,
      // unless that run fails or its log does not describe the stream.
      counted !== null
        ? posterRun(bin, input, poster, true)
            .then((log) => (parseVideoStream(log) ? log : Promise.reject(new Error('stream not described'))))
            .catch(() => posterRun(bin, input, poster, false))
        : posterRun(bin, input, poster, false),
      counted === null
        ? runFfmpeg(bin, ['-v', 'info', '-i', input, '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-'], { onStderr: (text) => (countLog += text) })
        : Promise.resolve(),
    ]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The caller's work meanwhile (writing the bytes to the project): ffmpeg runs in its own processes.
    whileProbing?.(sha256);
    const [posterResult, countResult] = await runs;
    if (posterResult.status === 'rejected' || countResult.status === 'rejected') {
      throw new CoreError('BAD_INPUT', `${name} could not be read as ${format.label} video: it may be damaged, or hold no picture.`);
    }
    const stream = parseVideoStream(posterResult.value);
    const frames = counted ?? parseFrameCount(countLog);
    if (!stream || frames === 0 || !fs.existsSync(poster)) throw new CoreError('BAD_INPUT', `${name} holds no video frames.`);
    return {
      sha256,
      mime: format.mime,
      byteSize: bytes.length,
      ...stream,
      frames,
      durationMs: Math.round((frames * 1000 * stream.fpsDen) / stream.fpsNum),
      poster: fs.readFileSync(poster),
      data: bytes,
      sourceName,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
