import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_TIMELINE_BYTES } from '../../../shared/api/uploads';
import type { ConformSummary } from '../../../shared/domain/editorial';
import { CoreError } from '../../core/errors';
import { Project } from '../../core/project';
import { applyConform, manifestBeside, prepareConform } from '../../core/editorial/conform-apply';
import { requireArg, UsageError } from '../usage';

export const IMPORT_EDIT_USAGE = 'import edit FILE TIMELINE [--dry-run] [--json]   (.otio, .fcpxml, .xml, .edl)';

/**
 * `boardwright import edit FILE TIMELINE`: the conform. Reads a timeline an editor changed and applies
 * its order, lengths and drops to the board (one undoable edit); `--dry-run` only lists the changes.
 */
export function runImportEdit(args: string[]): string {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return `Usage: boardwright ${IMPORT_EDIT_USAGE}`;
  const file = requireArg(positionals[0], 'FILE (the .boardwright project)');
  const timeline = requireArg(positionals[1], 'TIMELINE (an edited .otio, .fcpxml, .xml or .edl)');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  const bytes = readTimeline(timeline);
  const project = values['dry-run'] ? Project.open(file, { readOnly: true }) : Project.open(file);
  try {
    const prepared = prepareConform(project, bytes, timeline, manifestBeside(path.resolve(timeline)));
    const summary = values['dry-run'] ? prepared.summary : applyConform(project, prepared);
    return values.json ? JSON.stringify({ dryRun: !!values['dry-run'], ...summary }, null, 2) : describe(summary, !!values['dry-run']);
  } finally {
    project.close();
  }
}

function readTimeline(file: string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CoreError('UNSUPPORTED', `${path.basename(file)} is not a file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof CoreError) throw e;
    throw new CoreError('FILE_NOT_FOUND', `${path.basename(file)} was not found at ${path.resolve(file)}.`);
  }
  if (size > MAX_TIMELINE_BYTES) {
    throw new CoreError('TOO_LARGE', `${path.basename(file)} is ${Math.round(size / 1048576)} MB: a timeline to conform can be at most ${MAX_TIMELINE_BYTES / 1048576} MB.`);
  }
  return fs.readFileSync(file);
}

function describe(s: ConformSummary, dryRun: boolean): string {
  const head = `${dryRun ? `Conforming to ${s.fileName} would make these changes (nothing written)` : `Conformed to ${s.fileName}`}: ${s.matched} of ${s.clips} clips matched`;
  return [head, ...s.changes.map((c) => `  ${c}`)].join('\n');
}
