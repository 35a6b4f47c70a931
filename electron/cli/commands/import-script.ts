import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ScriptImportSummary } from '../../../shared/domain/script';
import { CoreError } from '../../core/errors';
import { Project } from '../../core/project';
import { commitImport, PANEL_MODES, prepareImport, type PanelMode } from '../../core/script/import';
import { MAX_SCRIPT_BYTES } from '../../core/script/parse';
import { requireArg, UsageError } from '../usage';

export const IMPORT_SCRIPT_USAGE = 'import script FILE SCRIPT [--panels beats|scene] [--dry-run] [--json]';

/**
 * `boardwright import script FILE SCRIPT`: imports a Fountain or Final Draft screenplay, or re-imports
 * a revision. Prints the change list; `--dry-run` prints it without writing, `--json` as JSON.
 */
export function runImportScript(args: string[]): string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { panels: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return `Usage: boardwright ${IMPORT_SCRIPT_USAGE}\n  --panels beats (default): a panel per action paragraph and dialogue block; scene: one panel per scene.`;
  const file = requireArg(positionals[0], 'FILE (the .boardwright project)');
  const script = requireArg(positionals[1], 'SCRIPT (a .fountain, .spmd, .txt or .fdx screenplay)');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  const mode = (values.panels ?? 'beats') as PanelMode;
  if (!PANEL_MODES.includes(mode)) throw new UsageError(`--panels takes beats or scene, not "${values.panels}".`);
  const source = readScript(script);
  const project = values['dry-run'] ? Project.open(file, { readOnly: true }) : Project.open(file);
  try {
    const prepared = prepareImport(project, source, path.basename(script), mode);
    const summary = values['dry-run'] ? prepared.summary : commitImport(project, prepared);
    return values.json ? JSON.stringify({ dryRun: !!values['dry-run'], ...summary }, null, 2) : describe(summary, !!values['dry-run']);
  } finally {
    project.close();
  }
}

function readScript(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CoreError('FILE_NOT_FOUND', `${path.basename(file)} was not found at ${path.resolve(file)}.`);
  }
  if (!stat.isFile()) throw new CoreError('UNSUPPORTED', `${path.basename(file)} is not a file.`);
  // Read no more than the limit (and a byte): the parser says "too large" without loading a huge file.
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(stat.size, MAX_SCRIPT_BYTES + 1));
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function describe(s: ScriptImportSummary, dryRun: boolean): string {
  const what = s.reimport ? 'Re-import' : 'Import';
  const head = `${dryRun ? `${what} of ${s.fileName} would make these changes (nothing written)` : `${what}ed ${s.fileName}`}: ${s.scenes.length} scene${s.scenes.length === 1 ? '' : 's'}, ${s.scenes.reduce((n, x) => n + x.panels, 0)} panels`;
  return [head, ...s.warnings.map((w) => `  ! ${w}`), ...s.changes.map((c) => `  ${c}`)].join('\n');
}
