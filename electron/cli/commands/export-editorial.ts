import { parseArgs } from 'node:util';
import { exportEditorial, EXTENSIONS } from '../../core/editorial/export-editorial';
import { EDITORIAL_FPS } from '../../core/editorial/frames';
import { EDITORIAL_FORMATS, type EditorialFormat } from '../../core/editorial/model';
import { openToRead } from '../open-project';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

export const EXPORT_EDITORIAL_USAGE = 'export fcpxml|xmeml|edl|otio FILE OUT [--media DIR] [--relative] [--fps F] [--scenes LIST] [--bake-moves]';

const HELP = `Usage: boardwright ${EXPORT_EDITORIAL_USAGE}
  fcpxml  Final Cut Pro (FCPXML 1.10, OUT.fcpxml)
  xmeml   Premiere Pro and DaVinci Resolve (Final Cut Pro 7 XML, OUT.xml)
  edl     CMX 3600 (OUT.edl for the picture, OUT.TRACK.edl per audio track)
  otio    OpenTimelineIO (OUT.otio)
  --media DIR   the media folder (default OUT_media beside OUT): a still per panel named by shot number, the audio files
  --relative    media paths relative to OUT (default absolute)
  --fps F       ${EDITORIAL_FPS.join(', ')} (default the project's rate; 23.976 and 29.97 are written as NTSC rates, non-drop)
  --scenes LIST scene numbers, ranges or heading text (default all)
  --bake-moves  a panel with a camera move gets an MP4 of the move (H.264, exactly its frames, SHOT.mp4) instead of a still`;

async function run(format: EditorialFormat, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      media: { type: 'string' }, relative: { type: 'boolean' }, fps: { type: 'string' }, scenes: { type: 'string' }, 'bake-moves': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return HELP;
  const file = requireArg(positionals[0], 'FILE (the .boardwright project)');
  const out = requireArg(positionals[1], `OUT${EXTENSIONS[format]}`);
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  let fps: number | undefined;
  if (values.fps !== undefined) {
    fps = Number(values.fps);
    if (!EDITORIAL_FPS.some((f) => Math.abs(f - fps!) < 0.005)) throw new UsageError(`--fps must be one of ${EDITORIAL_FPS.join(', ')}, not "${values.fps}".`);
  }
  if (values.media !== undefined && !values.media.trim()) throw new UsageError('--media needs a folder.');
  const project = openToRead(file);
  try {
    const r = await exportEditorial(project, format, out, { fps, scenes: values.scenes, mediaDir: values.media, relative: values.relative ?? false, bakeMoves: values['bake-moves'] ?? false });
    const seconds = ((r.totalFrames / r.fps)).toFixed(2);
    const stills = r.clips - r.bakedClips;
    const moves = r.bakedClips ? `, ${r.bakedClips} camera move${r.bakedClips === 1 ? '' : 's'} as MP4` : '';
    const audio = r.audioFiles ? `, ${r.audioFiles} audio file${r.audioFiles === 1 ? '' : 's'}` : '';
    return [
      `Wrote ${r.path}: ${r.clips} clip${r.clips === 1 ? '' : 's'}, ${r.totalFrames} frames at ${Math.round(r.fps * 1000) / 1000} fps (${seconds} s)`,
      ...r.extraFiles.map((f) => `Wrote ${f}`),
      `Media: ${r.mediaDir} (${stills} still${stills === 1 ? '' : 's'}${moves}${audio})`,
    ].join('\n');
  } finally {
    project.close();
  }
}

for (const format of EDITORIAL_FORMATS) registerExporter(format, (args) => run(format, args));
