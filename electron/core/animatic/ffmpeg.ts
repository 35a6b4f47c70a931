import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { CoreError } from '../errors';

/**
 * Finds the ffmpeg to run: $BOARDWRIGHT_FFMPEG when set (and then only it), else the binary that
 * ships in @ffmpeg-installer/ffmpeg, else an `ffmpeg` on PATH. In a packaged app the installer's path
 * points into app.asar, where nothing can be executed: the binary is unpacked beside it.
 */
export function ffmpegCandidates(): string[] {
  const override = process.env.BOARDWRIGHT_FFMPEG;
  if (override) return [override];
  const out: string[] = [];
  const bundled = installerPath();
  if (bundled) out.push(unpackedPath(bundled));
  out.push('ffmpeg');
  return out;
}

export function unpackedPath(p: string): string {
  return p.replace(/app\.asar(?!\.unpacked)/, 'app.asar.unpacked');
}

function installerPath(): string | null {
  try {
    const req = createRequire(typeof __filename === 'string' ? __filename : process.cwd() + '/');
    return (req('@ffmpeg-installer/ffmpeg') as { path: string }).path;
  } catch {
    // Unsupported platform or a missing optional package: the installer throws; PATH may still have one.
    return null;
  }
}

let verified: string | null = null;

/**
 * Returns an ffmpeg that runs (checked with `ffmpeg -version`), or fails with a message the user can
 * act on. Checked once per process, and again whenever a run of it fails to start.
 */
export async function requireFfmpeg(): Promise<string> {
  if (verified) return verified;
  const tried: string[] = [];
  for (const candidate of ffmpegCandidates()) {
    const problem = await probeVersion(candidate);
    if (!problem) {
      verified = candidate;
      return candidate;
    }
    tried.push(`${candidate} (${problem})`);
  }
  throw new CoreError(
    'UNSUPPORTED',
    `ffmpeg, which the animatic export needs, could not be run. Tried: ${tried.join('; ')}. Reinstall Boardwright, or install ffmpeg and put it on the PATH.`,
  );
}

export function forgetVerifiedFfmpeg(): void {
  verified = null;
}

function probeVersion(bin: string): Promise<string | null> {
  return new Promise((resolve) => {
    if (bin.includes('/') || bin.includes('\\')) {
      if (!fs.existsSync(bin)) return resolve('not found');
    }
    let out = '';
    let child: ChildProcess;
    try {
      child = spawn(bin, ['-hide_banner', '-version'], { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
    } catch (e) {
      return resolve((e as Error).message);
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout?.on('data', (d: Buffer) => (out += d.toString('latin1')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(e.code === 'ENOENT' ? 'not found' : e.code === 'EACCES' ? 'not executable' : e.message);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && /^ffmpeg version/m.test(out)) resolve(null);
      else resolve(code === 0 ? 'not an ffmpeg' : `exited with status ${code}`);
    });
  });
}

export interface RunOptions {
  signal?: AbortSignal;
  cwd?: string;
  /** Called with each chunk of stdout (decoded PCM, or -progress pipe:1 lines). */
  onStdout?(chunk: Buffer): void;
  /** Called with each piece of ffmpeg's log (stderr) as text. */
  onStderr?(text: string): void;
  /** Receives the child before it is awaited (to write to its stdin). */
  onSpawn?(child: ChildProcess): void;
  stdin?: 'pipe' | 'ignore';
  /** A pipe the child writes its stdout into directly (its file descriptor is shared; onStdout is not called). */
  stdout?: Writable;
  /** A fourth pipe (fd 3), e.g. a second input, on the child's stdio[3]. */
  pipe3?: boolean;
}

/**
 * Runs ffmpeg with an argument list (never a shell: any file name works). Rejects with the last lines
 * of its log when it fails; kills it when `signal` aborts.
 */
export function runFfmpeg(bin: string, args: string[], opts: RunOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new CoreError('CANCELLED', 'Cancelled.'));
    const child = spawn(bin, ['-hide_banner', ...(opts.stdin === 'pipe' ? [] : ['-nostdin']), ...args], {
      cwd: opts.cwd,
      stdio: [opts.stdin ?? 'ignore', opts.stdout ?? 'pipe', 'pipe', ...(opts.pipe3 ? ['pipe' as const] : [])],
      windowsHide: true,
    });
    let log = '';
    const onAbort = () => child.kill('SIGKILL');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout?.on('data', (d: Buffer) => opts.onStdout?.(d));
    child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      opts.onStderr?.(text);
      log = (log + text).slice(-4000);
    });
    child.on('error', (e) => {
      forgetVerifiedFfmpeg();
      reject(new CoreError('UNSUPPORTED', `ffmpeg could not be started: ${e.message}`));
    });
    child.on('close', (code, sig) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (opts.signal?.aborted) return reject(new CoreError('CANCELLED', 'Cancelled.'));
      if (code === 0) return resolve();
      const tail = log.trim().split('\n').slice(-3).join(' ').trim();
      reject(new CoreError('INTERNAL', `ffmpeg failed (${sig ?? `status ${code}`}): ${tail || 'no message'}`));
    });
    opts.onSpawn?.(child);
  });
}
