/** Shared by the animatic tests: small projects of flat-colour panels, and ffprobe / ffmpeg readers. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { CameraFraming } from '../../shared/domain/animatic';
import type { AspectRatio } from '../../shared/domain/project';
import { Project } from '../../electron/core/project';
import { createScene } from '../../electron/core/commands/scene-commands';
import { addImagePanels } from '../../electron/core/commands/image-commands';
import { updatePanels } from '../../electron/core/commands/panel-commands';
import { setPanelFraming, setPanelTransition } from '../../electron/core/animatic/framing-commands';

export type Rgb = [number, number, number];

/** Distinct, saturated colours that survive H.264 and 4:2:0 well apart from each other. */
export const COLOURS: Rgb[] = [
  [220, 40, 40], [40, 180, 60], [40, 70, 220], [230, 210, 40], [200, 50, 200], [40, 200, 210], [240, 140, 30], [120, 120, 120],
];

export interface PanelSpec {
  rgb: Rgb;
  durationMs: number;
  transition?: 'cut' | 'dissolve' | 'fade in' | 'fade out';
  transitionMs?: number;
  framing?: CameraFraming;
  dialogue?: string;
  sound?: string;
  /** Image size (default 640x360). */
  size?: [number, number];
}

export async function flatPng(rgb: Rgb, width = 640, height = 360): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer();
}

export async function makeAnimaticProject(file: string, panels: PanelSpec[], opts: { aspect?: AspectRatio; fps?: number } = {}): Promise<Project> {
  const project = Project.create(file, { title: 'Animatic test', aspectRatio: opts.aspect ?? '16:9', fps: opts.fps ?? 24 });
  const scene = createScene(project, { patch: { heading: 'INT. TEST - DAY' } });
  if (panels.length === 0) return project;
  const files = await Promise.all(panels.map(async (p, i) => ({ bytes: await flatPng(p.rgb, ...(p.size ?? [640, 360])), name: `panel-${i + 1}.png` })));
  const created = await addImagePanels(project, { sceneId: scene.id, files });
  for (const [i, p] of panels.entries()) {
    const id = created[i].id;
    updatePanels(project, [id], { durationMs: p.durationMs, ...(p.dialogue ? { dialogue: p.dialogue } : {}), ...(p.sound ? { sound: p.sound } : {}) });
    if (p.transition) setPanelTransition(project, [id], p.transition, p.transitionMs);
    if (p.framing) setPanelFraming(project, id, p.framing);
  }
  return project;
}

export interface StreamInfo {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  nb_frames?: string;
  duration?: string;
  sample_rate?: string;
}

/** ffprobe -show_streams (the system's ffprobe, installed for tests only). */
export function probe(file: string): { streams: StreamInfo[]; format: { duration: string; format_name: string } } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Mean RGB of the centre of the frame at `seconds` (the system ffmpeg decodes it). */
export function meanColourAt(file: string, seconds: number): Rgb {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-ss', seconds.toFixed(4), '-i', file, '-frames:v', '1', '-vf', 'scale=32:18,crop=16:8:8:5', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  const sum = [0, 0, 0];
  for (let i = 0; i < raw.length; i += 3) for (let c = 0; c < 3; c++) sum[c] += raw[i + c];
  const n = raw.length / 3;
  return sum.map((s) => Math.round(s / n)) as Rgb;
}

/** The mean colour of every frame's centre, decoded in order (index = frame number). */
export function frameColours(file: string): Rgb[] {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', 'scale=32:18,crop=16:8:8:5,scale=1:1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 1 << 28,
  });
  const out: Rgb[] = [];
  for (let i = 0; i + 2 < raw.length; i += 3) out.push([raw[i], raw[i + 1], raw[i + 2]]);
  return out;
}

export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Index of the closest colour in a palette. */
export function nearest(c: Rgb, palette: Rgb[]): number {
  let best = 0;
  for (let i = 1; i < palette.length; i++) if (colourDistance(c, palette[i]) < colourDistance(c, palette[best])) best = i;
  return best;
}

/** A 16-bit mono WAV: silence with a 1 kHz burst from `burstAtMs` lasting `burstMs`. */
export function toneWav(totalMs: number, burstAtMs: number, burstMs: number, rate = 48_000): Buffer {
  const n = Math.round((totalMs * rate) / 1000);
  const data = Buffer.alloc(n * 2);
  const a = Math.round((burstAtMs * rate) / 1000);
  const b = Math.min(n, a + Math.round((burstMs * rate) / 1000));
  for (let i = a; i < b; i++) data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 1000 * (i - a)) / rate) * 20000), i * 2);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** Time in ms of the first audio sample louder than `threshold` (of 32768) in a file's first audio stream. */
export function audioOnsetMs(file: string, threshold = 4000, rate = 48_000): number | null {
  const pcm = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', String(rate), '-f', 's16le', '-'], { maxBuffer: 1 << 28 });
  for (let i = 0; i + 1 < pcm.length; i += 2) if (Math.abs(pcm.readInt16LE(i)) > threshold) return ((i / 2) * 1000) / rate;
  return null;
}

/** Everything left in a folder whose name starts with a prefix (temporary folders of exports). */
export function leftovers(dir: string, prefix: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(prefix)).map((f) => path.join(dir, f)) : [];
}
