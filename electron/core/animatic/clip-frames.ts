/**
 * Frames of the motion clips an animatic plays, decoded by the bundled ffmpeg to raw RGB. Each clip
 * is written once to the export's temporary folder; a decoder per clip and picture shape reads it
 * forward, frame by frame (the export asks for frames in timeline order, so within a panel requests
 * only go forward). A request behind the decoder (a loop, a dissolve back into an earlier frame)
 * is answered from the last frames kept, or by a fresh decoder started at that frame.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ClipInfo } from '../../../shared/domain/clip';
import { CoreError } from '../errors';

/** What a decoder outputs: `filter` (an ffmpeg filter chain ending in rgb24) gives frames of width x height. */
export interface FrameShape {
  /** Names the shape: decoders are shared per clip and key. */
  key: string;
  width: number;
  height: number;
  filter: string;
}

/** The clip's frames as they are, converted to RGB with the matrix the clip is tagged with. */
export function nativeShape(clip: Pick<ClipInfo, 'width' | 'height'>): FrameShape {
  return { key: 'native', width: clip.width, height: clip.height, filter: 'scale=in_color_matrix=auto,format=rgb24' };
}

/** Reads exactly-sized frames from a stream, pausing it while a few frames are waiting. */
class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly stream: NodeJS.ReadableStream,
    private readonly frameBytes: number,
  ) {
    stream.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.buffered += d.length;
      if (this.buffered >= 2 * frameBytes) stream.pause();
      this.poke();
    });
    stream.on('end', () => {
      this.ended = true;
      this.poke();
    });
    stream.on('error', () => {
      this.ended = true;
      this.poke();
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** The next frame, or null at the end of the stream. */
  async next(): Promise<Buffer | null> {
    while (this.buffered < this.frameBytes) {
      if (this.ended) return null;
      this.stream.resume();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    // One copy of exactly the frame's bytes; what follows it stays in its chunks.
    const frame = Buffer.allocUnsafe(this.frameBytes);
    let filled = 0;
    while (filled < this.frameBytes) {
      const chunk = this.chunks[0];
      const take = Math.min(chunk.length, this.frameBytes - filled);
      chunk.copy(frame, filled, 0, take);
      filled += take;
      if (take === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(take);
    }
    this.buffered -= this.frameBytes;
    if (this.buffered < 2 * this.frameBytes) this.stream.resume();
    return frame;
  }
}

interface Decoder {
  child: ChildProcess | null;
  reader: FrameReader | null;
  /** The clip frame the reader gives next. */
  next: number;
  /** The last frames read, by clip frame. */
  kept: Map<number, Buffer>;
  log: string;
  /** Requests to one decoder run one after another. */
  queue: Promise<unknown>;
}

/** Frames kept per decoder: enough for a frame shown twice in a row (a clip slower than the timeline). */
const KEEP = 2;
/** Decoders alive at once (a dissolve between two clips, each also shown plain, needs four). */
const MAX_DECODERS = 4;

export class ClipFrames {
  private readonly files = new Map<string, string>();
  private readonly decoders = new Map<string, Decoder>();

  constructor(
    private readonly bin: string,
    /** A temporary folder the clips are written to (the export's own). */
    private readonly dir: string,
    private readonly readBytes: (sha256: string) => Buffer | undefined,
  ) {}

  /** Clip frame `index` (0-based, clamped to the frames the clip has) in `shape`, as RGB bytes. */
  frame(clip: ClipInfo, index: number, shape: FrameShape): Promise<Buffer> {
    const key = `${clip.sha256}|${shape.key}`;
    let d = this.decoders.get(key);
    if (d) this.decoders.delete(key); // re-inserted last: the map's order is least recently used first
    else d = { child: null, reader: null, next: 0, kept: new Map(), log: '', queue: Promise.resolve() };
    this.decoders.set(key, d);
    this.evict();
    const dec = d;
    const result = dec.queue.then(() => this.read(dec, clip, index, shape));
    dec.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops every decoder (the export is over). */
  close(): void {
    for (const d of this.decoders.values()) this.stop(d);
    this.decoders.clear();
  }

  private async read(d: Decoder, clip: ClipInfo, index: number, shape: FrameShape): Promise<Buffer> {
    const j = Math.max(0, Math.min(index, clip.frames - 1));
    const kept = d.kept.get(j);
    if (kept) return kept;
    if (!d.reader || j < d.next) this.start(d, clip, j, shape);
    let last: Buffer | undefined;
    while (d.next <= j) {
      const frame = await d.reader!.next();
      if (!frame) {
        // The clip has fewer frames than it was counted with: its last one stands in.
        last = last ?? [...d.kept.values()].pop();
        if (last) return last;
        throw new CoreError('INTERNAL', `A motion clip could not be decoded: ${d.log.trim().split('\n').pop() || 'no frames'}`);
      }
      d.kept.set(d.next++, frame);
      if (d.kept.size > KEEP) d.kept.delete(d.kept.keys().next().value!);
      last = frame;
    }
    return d.kept.get(j)!;
  }

  /** A fresh decoder whose first frame is clip frame `from` (frames before it are decoded but not sent). */
  private start(d: Decoder, clip: ClipInfo, from: number, shape: FrameShape): void {
    this.stop(d);
    const file = this.clipFile(clip.sha256);
    const filter = from > 0 ? `select=gte(n\\,${from}),${shape.filter}` : shape.filter;
    const child = spawn(this.bin, ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-map', '0:v:0', '-vf', filter, '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    d.log = '';
    child.stderr!.on('data', (b: Buffer) => (d.log = (d.log + b.toString('utf8')).slice(-2000)));
    child.on('error', (e) => (d.log += `\n${e.message}`));
    d.child = child;
    d.reader = new FrameReader(child.stdout!, shape.width * shape.height * 3);
    d.next = from;
    d.kept.clear();
  }

  private stop(d: Decoder): void {
    d.child?.kill('SIGKILL');
    d.child = null;
    d.reader = null;
  }

  private evict(): void {
    while (this.decoders.size > MAX_DECODERS) {
      const [key, d] = this.decoders.entries().next().value!;
      this.stop(d);
      this.decoders.delete(key);
    }
  }

  /** The clip written to the temporary folder (once), for ffmpeg to read. */
  clipFile(sha256: string): string {
    let file = this.files.get(sha256);
    if (!file) {
      const bytes = this.readBytes(sha256);
      if (!bytes) throw new CoreError('NOT_FOUND', 'A motion clip a panel plays is missing from the project.');
      // No extension needed: ffmpeg recognises the container by its bytes.
      file = path.join(this.dir, `clip-${sha256.slice(0, 16)}`);
      fs.writeFileSync(file, bytes);
      this.files.set(sha256, file);
    }
    return file;
  }
}
