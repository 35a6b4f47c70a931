import { UsageError } from '../usage';
import { runImportScript } from './import-script';

/** `boardwright import KIND FILE ...`: script (a screenplay). */
const IMPORTERS: Record<string, (args: string[]) => string | Promise<string>> = { script: runImportScript };

export function runImport(args: string[]): string | Promise<string> {
  const [kind, ...rest] = args;
  const run = kind ? IMPORTERS[kind] : undefined;
  if (!run) throw new UsageError(`import needs a kind: ${Object.keys(IMPORTERS).join(', ')}.`);
  return run(rest);
}
