import { parseArgs } from 'node:util';
import { ASPECT_RATIOS, PICTURE_FITS } from '../../../shared/domain/project';
import { contract } from '../../../shared/api/contract';
import { Project } from '../../core/project';
import { updateProject, type ProjectPatch } from '../../core/commands/project-commands';
import { requireArg, secondsToMs, UsageError } from '../usage';

export const SET_PROJECT_USAGE = `set-project FILE [--title T] [--aspect ${ASPECT_RATIOS.join('|')}] [--fps F] [--default-duration SECONDS] [--fit ${PICTURE_FITS.join('|')}]`;

/**
 * `boardwright set-project`: the project's title, aspect ratio, frame rate and default panel duration (one
 * undoable edit). `--fit` says how pictures fit a new aspect ratio: letterbox, crop (the centre) or keep (default).
 */
export function runSetProject(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, aspect: { type: 'string' }, fps: { type: 'string' }, 'default-duration': { type: 'string' }, fit: { type: 'string' } },
  });
  const file = requireArg(positionals[0], 'FILE');
  if (positionals.length > 1) throw new UsageError(`Unexpected argument "${positionals[1]}".`);
  const patch: ProjectPatch = {};
  if (values.title !== undefined) patch.title = values.title;
  if (values.aspect !== undefined) patch.aspectRatio = values.aspect as ProjectPatch['aspectRatio'];
  if (values.fps !== undefined) patch.fps = Number(values.fps);
  if (values['default-duration'] !== undefined) patch.defaultDurationMs = secondsToMs(values['default-duration'], '--default-duration');
  if (values.fit !== undefined) {
    if (patch.aspectRatio === undefined) throw new UsageError('--fit says how pictures fit a new aspect ratio: give --aspect with it.');
    patch.fit = values.fit as ProjectPatch['fit'];
  }
  if (Object.keys(patch).length === 0) throw new UsageError('Nothing to set: give at least one of --title, --aspect, --fps, --default-duration.');
  const checked = contract['project.update'].input.safeParse(patch);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'value').replace('aspectRatio', 'aspect').replace('defaultDurationMs', 'default-duration')}: ${issue?.message ?? 'invalid value'}.`);
  }
  const project = Project.open(file);
  try {
    const info = updateProject(project, checked.data);
    return `Updated ${project.name}: "${info.title}", ${info.aspectRatio}, ${info.fps} fps, panels ${(info.defaultDurationMs / 1000).toFixed(1)} s by default`;
  } finally {
    project.close();
  }
}
