import path from 'node:path';
import { exportDecisions, formatFromPath } from '../../core/decisions/decision-export';
import { CoreError } from '../../core/errors';
import { openToRead } from '../open-project';
import { requireArg, UsageError } from '../usage';
import { registerExporter } from './export';

/** `boardwright export decisions FILE OUT.jsonl|OUT.csv`: the creative decision log as a dataset. */
export async function runExportDecisions(args: string[]): Promise<string> {
  const [file, out, ...extra] = args;
  requireArg(file, 'FILE');
  requireArg(out, 'OUT.jsonl or OUT.csv');
  if (extra.length) throw new UsageError(`Unexpected argument ${extra[0]}.`);
  try {
    formatFromPath(out);
  } catch (e) {
    throw new UsageError((e as CoreError).message);
  }
  const project = openToRead(file);
  try {
    const written = await exportDecisions(project, path.resolve(out));
    return `Wrote ${written.entries} decision${written.entries === 1 ? '' : 's'} to ${written.path}`;
  } finally {
    project.close();
  }
}

registerExporter('decisions', runExportDecisions);
