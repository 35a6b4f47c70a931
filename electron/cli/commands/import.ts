import { UsageError } from '../usage';
import { runImportScript } from './import-script';
import { runImportEdit } from './import-edit';

/** `boardwright import KIND FILE ...`: script (a screenplay), edit (an editor's timeline: the conform). */
const IMPORTERS: Record<string, (args: string[]) => string | Promise<string>> = { script: runImportScript, edit: runImportEdit };

export function runImport(args: string[]): string | Promise<string> {
  const [kind, ...rest] = args;
  const run = kind ? IMPORTERS[kind] : undefined;
  if (!run) throw new UsageError(`import needs a kind: ${Object.keys(IMPORTERS).join(', ')}.`);
  return run(rest);
}
