/** Boardwright writers in processes of their own (web mode, the CLI), for lock and crash tests. */
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const root = path.resolve(__dirname, '../..');

/** Builds the bundles the child processes run (a no-op when they are fresh). */
export function buildOnce(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

export interface WebProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** Calls one API method; resolves with its JSON answer. */
  call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  kill(): Promise<void>;
}

/** Starts web mode on `file`; resolves once it prints its URL, rejects with its stderr if it exits first. */
export function startWeb(file: string, home: string): Promise<WebProcess> {
  const child = spawn(process.execPath, [path.join(root, 'dist/web/boardwright-web.cjs'), file], {
    env: { ...process.env, BOARDWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
      if (!m) return;
      const [port, token] = [Number(m[1]), m[2]];
      resolve({
        child,
        port,
        token,
        call: (method, input) =>
          fetch(`http://127.0.0.1:${port}/api/${method}`, {
            method: 'POST',
            headers: { 'X-Boardwright-Token': token, 'Content-Type': 'application/json' },
            body: JSON.stringify(input),
          }).then((r) => r.json()),
        kill: () => killed(child),
      });
    });
    child.on('exit', (code) => reject(new Error(`web mode exited ${code}: ${err.trim()}`)));
  });
}

/** Runs the CLI in a child process (without the bin's build check). */
export function spawnCli(args: string[]): ChildProcess {
  const script = `require(${JSON.stringify(path.join(root, 'dist/cli/boardwright.cjs'))}).runCli(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  return spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the CLI to the end: exit code, stdout and stderr. */
export function runCliProcess(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawnCli(args);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** SIGKILL, then waits for the process to be gone. */
export function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((r) => child.once('close', () => r()));
  child.kill('SIGKILL');
  return gone;
}
