import { UsageError } from '../usage';

/** `boardwright export KIND FILE OUT ...`: one module per kind (pdf, csv, mp4, decisions). */
const EXPORTERS: Record<string, (args: string[]) => string | Promise<string>> = {};

export function registerExporter(kind: string, run: (args: string[]) => string | Promise<string>): void {
  EXPORTERS[kind] = run;
}

export function runExport(args: string[]): string | Promise<string> {
  const [kind, ...rest] = args;
  const run = kind ? EXPORTERS[kind] : undefined;
  if (!run) throw new UsageError(`export needs a kind: ${Object.keys(EXPORTERS).join(', ') || '(none available)'}.`);
  return run(rest);
}
