import { parseArgs } from 'node:util';
import { exportShotListCsv } from '../../core/export/shot-list/export-shot-list';
import { openToRead } from '../open-project';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

export const EXPORT_CSV_USAGE = 'export csv FILE OUT.csv [--scenes LIST] [--panels LIST] [--include-omitted]';

/** `boardwright export csv FILE OUT.csv`: the shot list as a spreadsheet. */
export async function runExportCsv(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, options: { scenes: { type: 'string' }, panels: { type: 'string' }, 'include-omitted': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return `Usage: boardwright ${EXPORT_CSV_USAGE}\n  Columns: scene, scene heading, shot, size, angle, lens (mm), move, duration (s), description, dialogue, notes, status.`;
  const file = requireArg(positionals[0], 'FILE (the .boardwright project)');
  const out = requireArg(positionals[1], 'OUT.csv');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  const project = openToRead(file);
  try {
    const r = await exportShotListCsv(project, out, { selection: { scenes: values.scenes, panels: values.panels, includeOmitted: values['include-omitted'] ?? false } });
    return `Wrote ${r.path}: ${r.panels} shot${r.panels === 1 ? '' : 's'}`;
  } finally {
    project.close();
  }
}

registerExporter('csv', runExportCsv);
