import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from '../../electron/cli/main';

/** Runs the CLI in-process, capturing what it prints: exit code, stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { write: (s: string) => ((out += s), true) } as never, { write: (s: string) => ((err += s), true) } as never);
  return { code, out, err };
}

/** For a test file: BOARDWRIGHT_HOME is `dir`/home while its tests run (settings stay out of the real home). */
export function useCliHome(dir: string): void {
  const home = process.env.BOARDWRIGHT_HOME;
  beforeAll(() => {
    process.env.BOARDWRIGHT_HOME = path.join(dir, 'home');
  });
  afterAll(() => {
    if (home === undefined) delete process.env.BOARDWRIGHT_HOME;
    else process.env.BOARDWRIGHT_HOME = home;
  });
}
