import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB_ENTRY = path.join(ROOT, 'dist', 'web', 'boardwright-web.cjs');

let built = false;

/** Runs `node scripts/build.mjs` once per process (it skips work when the build is up to date). */
export function ensureBuilt(): void {
  if (built || process.env.BOARDWRIGHT_E2E_BUILT === '1') return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export interface RunningWebServer {
  /** The URL printed on the first line, with ?token=. */
  url: string;
  origin: string;
  token: string;
  /** BOARDWRIGHT_HOME of this server: settings/ and projects/ live in it. */
  home: string;
  projectsDir: string;
  /** Calls the API directly (for seeding and checking state behind the UI). */
  call<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** Sends a file's bytes on the upload channel and answers the upload id API methods take. */
  upload(kind: 'image' | 'audio', bytes: Buffer): Promise<string>;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A .boardwright file to open at start. */
  file?: string;
  /** Reuse a home folder (it is then not deleted on stop). */
  home?: string;
}

/** Spawns `node dist/web/boardwright-web.cjs [FILE]` with BOARDWRIGHT_HOME in a fresh temp folder. */
export async function startWebServer(opts: StartOptions = {}): Promise<RunningWebServer> {
  ensureBuilt();
  const ownHome = !opts.home;
  const home = opts.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-e2e-'));
  const child = spawn(process.execPath, [WEB_ENTRY, ...(opts.file ? [opts.file] : [])], {
    cwd: ROOT,
    env: { ...process.env, BOARDWRIGHT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const firstLine = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server printed no URL within 20 s. stderr:\n${stderr}`)), 20_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code} before printing its URL. stderr:\n${stderr}`));
    });
  }).catch(async (e) => {
    child.kill('SIGKILL');
    if (ownHome) fs.rmSync(home, { recursive: true, force: true });
    throw e;
  });

  const match = /^Boardwright web: (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)$/.exec(firstLine.trim());
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line from the web server: ${firstLine}`);
  }
  const [, origin, token] = match;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    home,
    projectsDir: path.join(home, 'projects'),
    stderr: () => stderr,
    async call<T>(method: string, input: unknown = {}): Promise<T> {
      const res = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Boardwright-Token': token },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
      if (!body.ok) throw new Error(`${method} failed: ${body.error.code} ${body.error.message}`);
      return body.value;
    },
    async upload(kind, bytes) {
      const res = await fetch(`${origin}/upload/${kind}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Boardwright-Token': token },
        body: new Uint8Array(bytes),
      });
      const body = (await res.json()) as { ok: true; value: { uploadId: string } } | { ok: false; error: { code: string; message: string } };
      if (!body.ok) throw new Error(`upload failed: ${body.error.code} ${body.error.message}`);
      return body.value.uploadId;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownHome) fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
