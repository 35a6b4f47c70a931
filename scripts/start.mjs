// `npm start`: builds if needed, then runs the desktop app with the Electron runtime from node_modules.
// Electron downloads its runtime lazily; without it (offline) this says so in one sentence and exits 1.
// Env: BOARDWRIGHT_SKIP_BUILD=1 skips the build, BOARDWRIGHT_SKIP_NATIVE=1 the Electron-ABI SQLite fetch;
// BOARDWRIGHT_ELECTRON_DIR replaces node_modules/electron (tests).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = process.env.BOARDWRIGHT_ELECTRON_DIR || path.join(root, 'node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 120_000;

function fail(sentence) {
  process.stderr.write(`Boardwright could not start: ${sentence}\n`);
  process.exit(1);
}

/** The runtime executable, or null. Mirrors node_modules/electron/index.js without its download side effect. */
function electronExecutable() {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
    const exe = path.join(base, relative);
    return relative && fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

if (!process.env.BOARDWRIGHT_SKIP_BUILD) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) fail('the build failed (see the messages above).');
}

let exe = electronExecutable();
if (!exe) {
  const installer = path.join(electronDir, 'install.js');
  if (fs.existsSync(installer)) {
    spawnSync(process.execPath, [installer], { cwd: electronDir, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_MS });
  }
  exe = electronExecutable();
}
if (!exe) {
  fail(
    'the Electron runtime is not installed and could not be downloaded (no network?); connect to the internet and run `npx install-electron`, or use `npm run web` to open Boardwright in your browser.',
  );
}

// better-sqlite3 must match Electron's ABI; fetch that build once (a failure is explained in-app).
const nativeBinding = path.join(root, 'build', 'native', 'electron', 'better_sqlite3.node');
if (!process.env.BOARDWRIGHT_SKIP_NATIVE && !fs.existsSync(nativeBinding)) {
  spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs'), '--optional'], { cwd: root, stdio: 'inherit' });
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make the runtime behave as plain Node
const child = spawn(exe, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (e) => fail(`the Electron runtime could not be run (${e.message}).`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
