import { parseArgs } from 'node:util';
import type { BurnIn, ExportFps, ExportHeight, VideoExportOptions } from '../../../shared/domain/animatic';
import { BURN_INS, EXPORT_FPS, EXPORT_HEIGHTS } from '../../../shared/domain/animatic';
import { openToRead } from '../open-project';
import { exportVideo, resolveOptions, type VideoKind } from '../../core/animatic/video-export';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

function parseOptions(values: { fps?: string; height?: string; 'burn-in'?: string; native?: boolean }): Partial<VideoExportOptions> {
  const options: Partial<VideoExportOptions> = {};
  if (values.fps !== undefined) {
    const fps = Number(values.fps);
    if (!(EXPORT_FPS as readonly number[]).includes(fps)) throw new UsageError(`--fps must be one of ${EXPORT_FPS.join(', ')}, not "${values.fps}".`);
    options.fps = fps as ExportFps;
  }
  if (values.height !== undefined) {
    const height = Number(values.height.replace(/p$/i, ''));
    if (!(EXPORT_HEIGHTS as readonly number[]).includes(height)) throw new UsageError(`--height must be one of ${EXPORT_HEIGHTS.join(', ')}, not "${values.height}".`);
    options.height = height as ExportHeight;
  }
  if (values['burn-in'] !== undefined) {
    const items = values['burn-in'].split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const bad = items.find((b) => !(BURN_INS as readonly string[]).includes(b));
    if (bad) throw new UsageError(`--burn-in takes a list of ${BURN_INS.join(', ')}, not "${bad}".`);
    options.burnIns = items as BurnIn[];
  }
  if (values.native) options.frame = 'native';
  return options;
}

/** Progress on stderr: one rewritten line on a terminal, a line per 10% otherwise. */
function progressPrinter(label: string): (done: number, total: number) => void {
  const started = Date.now();
  let lastTenth = -1;
  return (done, total) => {
    if (total <= 0) return;
    const pct = Math.floor((done / total) * 100);
    const elapsed = Date.now() - started;
    const left = done > 0 && done < total ? ` (${Math.ceil(((elapsed / done) * (total - done)) / 1000)} s left)` : '';
    const line = `${label}: frame ${done}/${total}, ${pct}%${left}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}\x1b[K${done >= total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) > lastTenth) {
      lastTenth = Math.floor(pct / 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

async function run(kind: VideoKind, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { fps: { type: 'string' }, height: { type: 'string' }, 'burn-in': { type: 'string' }, native: { type: 'boolean' } },
  });
  const file = requireArg(positionals[0], 'FILE');
  const out = requireArg(positionals[1], kind === 'mp4' ? 'OUT.mp4' : 'OUT_FOLDER');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument ${positionals[2]}.`);
  const partial = parseOptions(values);
  const project = openToRead(file);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const options = resolveOptions(project, partial);
    const result = await exportVideo(project, kind, out, options, {
      signal: controller.signal,
      progress: progressPrinter(kind === 'mp4' ? 'Exporting MP4' : 'Exporting frames'),
    });
    const seconds = (result.durationMs / 1000).toFixed(2);
    const what = kind === 'mp4' ? `${result.width}x${result.height} at ${options.fps} fps, ${seconds} s` : `${result.frames} PNG frames, ${result.width}x${result.height}`;
    return [`Wrote ${result.path} (${what})`, ...result.warnings.map((w) => `Note: ${w}`)].join('\n');
  } finally {
    process.off('SIGINT', onInterrupt);
    project.close();
  }
}

/** `boardwright export mp4 FILE OUT.mp4 [--fps 24] [--height 1080] [--burn-in shot,dialogue,sound,timecode] [--native]` */
export const runExportMp4 = (args: string[]) => run('mp4', args);
/** `boardwright export frames FILE OUT_FOLDER [...same options]`: one PNG per frame. */
export const runExportFrames = (args: string[]) => run('png', args);

registerExporter('mp4', runExportMp4);
registerExporter('frames', runExportFrames);
