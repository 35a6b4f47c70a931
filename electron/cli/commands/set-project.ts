import { parseArgs } from 'node:util';
import { ASPECT_RATIOS, PICTURE_FITS } from '../../../shared/domain/project';
import { contract } from '../../../shared/api/contract';
import { Project } from '../../core/project';
import { updateProject, type ProjectPatch } from '../../core/commands/project-commands';
import { setShotNumbersLocked } from '../../core/commands/shot-lock-commands';
import { requireArg, secondsToMs, UsageError } from '../usage';

function parseLock(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new UsageError(`--lock-shot-numbers takes on or off, not "${value}".`);
}

export const SET_PROJECT_USAGE = `set-project FILE [--title T] [--aspect ${ASPECT_RATIOS.join('|')}] [--fps F] [--default-duration SECONDS] [--fit ${PICTURE_FITS.join('|')}] [--lock-shot-numbers on|off]`;

/**
 * `boardwright set-project`: the project's title, aspect ratio, frame rate and default panel duration (one
 * undoable edit). `--fit` says how pictures fit a new aspect ratio: letterbox, crop (the centre) or keep (default).
 */
export function runSetProject(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      aspect: { type: 'string' },
      fps: { type: 'string' },
      'default-duration': { type: 'string' },
      fit: { type: 'string' },
      'lock-shot-numbers': { type: 'string' },
    },
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
  const lock = parseLock(values['lock-shot-numbers']);
  if (Object.keys(patch).length === 0 && lock === undefined) {
    throw new UsageError('Nothing to set: give at least one of --title, --aspect, --fps, --default-duration, --lock-shot-numbers.');
  }
  const checked = contract['project.update'].input.safeParse(patch);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'value').replace('aspectRatio', 'aspect').replace('defaultDurationMs', 'default-duration')}: ${issue?.message ?? 'invalid value'}.`);
  }
  const project = Project.open(file);
  try {
    let info = Object.keys(patch).length > 0 ? updateProject(project, checked.data) : project.info();
    if (lock !== undefined) info = setShotNumbersLocked(project, lock);
    const locked = info.shotNumbersLocked ? ', shot numbers locked' : '';
    return `Updated ${project.name}: "${info.title}", ${info.aspectRatio}, ${info.fps} fps, panels ${(info.defaultDurationMs / 1000).toFixed(1)} s by default${locked}`;
  } finally {
    project.close();
  }
}
