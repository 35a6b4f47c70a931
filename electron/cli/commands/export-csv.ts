import { parseArgs } from 'node:util';
import { CSV_COLUMNS, type CsvColumn } from '../../../shared/domain/export';
import { exportShotListCsv } from '../../core/export/shot-list/export-shot-list';
import { openToRead } from '../open-project';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

export const EXPORT_CSV_USAGE = 'export csv FILE OUT.csv [--scenes LIST] [--panels LIST] [--include-omitted] [--columns LIST]';

/** `boardwright export csv FILE OUT.csv`: the shot list as a spreadsheet. */
export async function runExportCsv(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, options: { scenes: { type: 'string' }, panels: { type: 'string' }, 'include-omitted': { type: 'boolean' }, columns: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return `Usage: boardwright ${EXPORT_CSV_USAGE}\n  --columns: ${CSV_COLUMNS.join(',')} (default all, in this order).`;
  const file = requireArg(positionals[0], 'FILE (the .boardwright project)');
  const out = requireArg(positionals[1], 'OUT.csv');
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}".`);
  const project = openToRead(file);
  try {
    const r = await exportShotListCsv(project, out, { selection: { scenes: values.scenes, panels: values.panels, includeOmitted: values['include-omitted'] ?? false }, columns: parseColumns(values.columns) });
    return `Wrote ${r.path}: ${r.panels} shot${r.panels === 1 ? '' : 's'}`;
  } finally {
    project.close();
  }
}

/** `--columns shot,duration,sound`: the columns wanted, in that order; all of them when absent. */
function parseColumns(list: string | undefined): CsvColumn[] | undefined {
  if (list === undefined) return undefined;
  const columns = list.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (columns.length === 0 || unknown.length) throw new UsageError(`--columns takes a list of ${CSV_COLUMNS.join(', ')}${unknown.length ? `; not ${unknown.join(', ')}` : ''}.`);
  return columns as CsvColumn[];
}

registerExporter('csv', runExportCsv);
