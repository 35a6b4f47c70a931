import { parseArgs } from 'node:util';
import type { PanelPatch, PanelStatus } from '../../../shared/domain/board';
import { ANGLES, CAMERA_MOVES, PANEL_STATUSES, SHOT_SIZES, TRANSITIONS } from '../../../shared/domain/board';
import { contract } from '../../../shared/api/contract';
import { CoreError } from '../../core/errors';
import { Project } from '../../core/project';
import { updatePanels } from '../../core/commands/panel-commands';
import { requireArg, secondsToMs, UsageError } from '../usage';

/** Known vocabulary is matched case-insensitively ("cu" -> "CU"); anything else is kept as typed. */
function canonical(value: string, vocabulary: readonly string[]): string {
  return vocabulary.find((v) => v.toLowerCase() === value.toLowerCase()) ?? value;
}

export function runSet(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      'shot-size': { type: 'string' },
      angle: { type: 'string' },
      lens: { type: 'string' },
      move: { type: 'string' },
      action: { type: 'string' },
      dialogue: { type: 'string' },
      notes: { type: 'string' },
      sound: { type: 'string' },
      tags: { type: 'string' },
      transition: { type: 'string' },
      'shot-number': { type: 'string' },
      status: { type: 'string' },
    },
  });
  const file = requireArg(positionals[0], 'FILE');
  const shot = requireArg(positionals[1], 'SHOT_NUMBER');
  const patch: PanelPatch = {};
  if (values.duration !== undefined) patch.durationMs = secondsToMs(values.duration, '--duration');
  if (values['shot-size'] !== undefined) patch.shotSize = canonical(values['shot-size'], SHOT_SIZES);
  if (values.angle !== undefined) patch.angle = canonical(values.angle, ANGLES);
  if (values.lens !== undefined) {
    const lens = Number(values.lens.replace(/mm$/i, ''));
    if (!Number.isFinite(lens) || lens <= 0) throw new UsageError(`--lens takes a focal length in mm, not "${values.lens}".`);
    patch.lensMm = lens;
  }
  if (values.move !== undefined) patch.cameraMove = canonical(values.move, CAMERA_MOVES);
  if (values.action !== undefined) patch.action = values.action;
  if (values.dialogue !== undefined) patch.dialogue = values.dialogue;
  if (values.notes !== undefined) patch.notes = values.notes;
  if (values.sound !== undefined) patch.sound = values.sound;
  if (values.tags !== undefined) patch.tags = [...new Set(values.tags.split(',').map((t) => t.trim()).filter(Boolean))];
  if (values.transition !== undefined) {
    const t = canonical(values.transition, TRANSITIONS);
    if (t !== '' && !(TRANSITIONS as readonly string[]).includes(t)) throw new UsageError(`--transition must be one of ${TRANSITIONS.join(', ')} (or "" for none).`);
    patch.transition = t === '' ? null : t;
  }
  // An empty --shot-number goes back to the automatic number.
  if (values['shot-number'] !== undefined) patch.shotNumberOverride = values['shot-number'].trim() || null;
  if (values.status !== undefined) {
    if (!(PANEL_STATUSES as readonly string[]).includes(values.status)) throw new UsageError(`--status must be one of ${PANEL_STATUSES.join(', ')}.`);
    patch.status = values.status as PanelStatus;
  }
  if (Object.keys(patch).length === 0) throw new UsageError('Nothing to set: give at least one option such as --duration.');
  const checked = contract['panels.update'].input.shape.patch.safeParse(patch);
  if (!checked.success) throw new UsageError(checked.error.issues[0]?.message ?? 'Invalid value.');

  const project = Project.open(file);
  try {
    const panels = project.board().scenes.flatMap((s) => s.panels);
    const panel = panels.find((p) => p.shotNumber === shot);
    if (!panel) throw new CoreError('NOT_FOUND', `No panel with shot number ${shot} in ${project.name}.`);
    const wanted = checked.data.shotNumberOverride;
    const taken = wanted ? panels.find((p) => p.id !== panel.id && p.shotNumber.toLowerCase() === wanted.toLowerCase()) : undefined;
    if (taken) throw new CoreError('BAD_INPUT', `Shot number ${wanted} is already taken by another panel in ${project.name}: the crew would see it twice. Choose another.`);
    updatePanels(project, [panel.id], checked.data);
    return `Updated panel ${shot}: ${Object.keys(patch).join(', ')}`;
  } finally {
    project.close();
  }
}
