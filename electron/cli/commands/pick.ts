import { parseArgs } from 'node:util';
import { CoreError } from '../../core/errors';
import { listVariations } from '../../core/generation/job-rows';
import { pickVariation } from '../../core/generation/pick';
import { Project } from '../../core/project';
import { requireArg, UsageError } from '../usage';

/**
 * `boardwright pick`: makes one of a panel's variations its image, as the app's pick does (one undo
 * step, logged with the alternatives it beat and the why). Variations count from 1, oldest first:
 * the order `generate` printed them in, run after run. `--replace-drawing` clears the panel's strokes
 * in the same step (by default the picture goes under them).
 */
export async function runPick(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { why: { type: 'string' }, 'replace-drawing': { type: 'boolean' } } });
  const [file, shot, index, ...extra] = positionals;
  requireArg(file, 'FILE');
  requireArg(shot, 'SHOT_NUMBER');
  requireArg(index, 'VARIATION_INDEX');
  if (extra.length) throw new UsageError(`Unexpected argument ${extra[0]}.`);
  const n = Number(index);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`VARIATION_INDEX is a whole number from 1, not "${index}".`);
  const project = Project.open(file);
  try {
    const panels = project.board().scenes.flatMap((s) => s.panels).filter((p) => p.shotNumber === shot);
    if (panels.length === 0) throw new CoreError('NOT_FOUND', `No panel with shot number ${shot} in ${project.name}.`);
    if (panels.length > 1) throw new CoreError('BAD_INPUT', `${panels.length} panels have shot number ${shot}: give them different numbers first.`);
    // listVariations is newest first; a stable sort keeps each job's own order within a timestamp.
    const variations = [...listVariations(project.db, panels[0].id)].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    if (variations.length === 0) throw new CoreError('NOT_FOUND', `Panel ${shot} has no variations yet: run generate first.`);
    const chosen = variations[n - 1];
    if (!chosen) throw new CoreError('BAD_INPUT', `Panel ${shot} has ${variations.length} variation${variations.length === 1 ? '' : 's'}: give an index from 1 to ${variations.length}.`);
    if (chosen.current) return `Variation ${n} is already the picture of ${shot}.`;
    await pickVariation(project, chosen.id, { why: values.why, drawing: values['replace-drawing'] ? 'replace' : 'under' });
    const seed = chosen.seed === null ? '' : ` seed=${chosen.seed}`;
    return `Picked variation ${n} of ${variations.length} for ${shot}: ${chosen.provider}${seed} ${chosen.imageSha256}`;
  } finally {
    project.close();
  }
}
