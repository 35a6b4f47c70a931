import { runCli } from '../../electron/cli/main';

/** Runs the CLI in-process, capturing what it prints: exit code, stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { write: (s: string) => ((out += s), true) } as never, { write: (s: string) => ((err += s), true) } as never);
  return { code, out, err };
}
