import { isCoreError } from '../core/errors';
import { runAdd } from './commands/add';
import { runCheck } from './commands/check';
import { runExport } from './commands/export';
import { runList } from './commands/list';
import { runNew } from './commands/new';
import { runSet } from './commands/set';
import { runSetProject } from './commands/set-project';
import { runGenerate } from './commands/generate';
import { runImport } from './commands/import';
import { runInsights } from './commands/insights';
import { runPick } from './commands/pick';
import './commands/export-decisions';
import './commands/export-dataset';
import './commands/export-mp4';
import './commands/export-pdf';
import './commands/export-csv';
import './commands/export-editorial';
import { USAGE, UsageError } from './usage';

/** A command gets its arguments and where to write progress (stderr); what it returns goes to stdout. */
const COMMANDS: Record<string, (args: string[], progress: (line: string) => void) => string | Promise<string>> = {
  new: runNew,
  add: runAdd,
  set: runSet,
  'set-project': runSetProject,
  list: runList,
  check: runCheck,
  export: runExport,
  generate: runGenerate,
  import: runImport,
  insights: runInsights,
  pick: runPick,
};

/** Runs one CLI command; returns the exit code (0 ok, 1 user error, 2 bad usage). */
export async function runCli(argv: string[], out = process.stdout, err = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? out : err).write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    err.write(`boardwright: unknown command "${name}".\n${USAGE}\n`);
    return 2;
  }
  try {
    out.write(`${await command(rest, (line) => void err.write(line))}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`boardwright ${name}: ${(e as Error).message}\nRun "boardwright --help" for usage.\n`);
      return 2;
    }
    if (isCoreError(e)) {
      err.write(`boardwright ${name}: ${e.message}\n`);
      return 1;
    }
    err.write(`boardwright ${name}: unexpected error: ${(e as Error)?.stack ?? e}\n`);
    return 1;
  }
}
