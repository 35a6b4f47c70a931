import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASPECT_RATIOS, type AspectRatio } from '../../../shared/domain/project';
import { Project } from '../../core/project';
import { requireArg, UsageError } from '../usage';

export function runNew(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, aspect: { type: 'string' }, fps: { type: 'string' } },
  });
  const file = requireArg(positionals[0], 'FILE');
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  if (!file.toLowerCase().endsWith('.boardwright')) throw new UsageError('A project file name ends with .boardwright.');
  const aspect = values.aspect ?? '16:9';
  if (!(ASPECT_RATIOS as readonly string[]).includes(aspect)) throw new UsageError(`--aspect must be one of ${ASPECT_RATIOS.join(', ')}.`);
  const fps = values.fps === undefined ? 24 : Number(values.fps);
  if (!Number.isFinite(fps) || fps <= 0 || fps > 240) throw new UsageError(`--fps must be a number of frames per second, not "${values.fps}".`);
  const title = values.title ?? path.basename(file).replace(/\.boardwright$/i, '');
  const project = Project.create(file, { title, aspectRatio: aspect as AspectRatio, fps });
  project.close();
  return `Created ${project.path} ("${title}", ${aspect}, ${fps} fps)`;
}
