// Builds better-sqlite3 for Electron's ABI into build/native/electron/better_sqlite3.node, leaving
// node_modules/better-sqlite3/build (the Node build that tests, the CLI and web mode use) untouched.
// It works on a copy of the package in a temporary folder: prebuild-install first (downloads a
// prebuilt binary), then node-gyp with Electron's headers (needs a compiler).
// Usage: node scripts/electron-native.mjs [--optional] [--force] [--arch <arch>] [--verbose]
//   --optional  a failure prints one line and exits 0 (for install-time use)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const optional = args.includes('--optional');
const verbose = args.includes('--verbose');
const arch = args.includes('--arch') ? args[args.indexOf('--arch') + 1] : process.arch;
const modules = path.join(root, 'node_modules');
const outDir = path.join(root, 'build', 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'version.json');
const TIMEOUT_MS = 10 * 60_000;

const readVersion = (pkg) => JSON.parse(fs.readFileSync(path.join(modules, pkg, 'package.json'), 'utf8')).version;

function finish(ok, message) {
  if (ok) {
    process.stdout.write(`electron-native: ${message}\n`);
    process.exit(0);
  }
  process.stderr.write(`electron-native: ${message}\n`);
  process.exit(optional ? 0 : 1);
}

let electron, sqlite;
try {
  electron = readVersion('electron');
  sqlite = readVersion('better-sqlite3');
} catch {
  finish(false, 'electron or better-sqlite3 is missing from node_modules; run `npm install` first.');
}
const stamp = JSON.stringify({ electron, betterSqlite3: sqlite, platform: process.platform, arch });

if (!args.includes('--force') && fs.existsSync(outFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
  finish(true, `better-sqlite3 ${sqlite} for Electron ${electron} is already built.`);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'boardwright-native-'));
const run = (script, scriptArgs) => {
  const result = spawnSync(process.execPath, [script, ...scriptArgs], {
    cwd: work,
    stdio: verbose ? 'inherit' : 'pipe',
    timeout: TIMEOUT_MS,
    encoding: 'utf8',
  });
  return result.status === 0;
};
const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');

/** Returns the finished message, or null when neither a prebuilt binary nor a compile worked. */
function produce() {
  fs.cpSync(path.join(modules, 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => path.relative(path.join(modules, 'better-sqlite3'), src).split(path.sep)[0] !== 'build',
  });
  const prebuilt = run(path.join(modules, 'prebuild-install', 'bin.js'), ['--runtime', 'electron', '--target', electron, '--arch', arch]);
  const gyp = path.join(modules, 'node-gyp', 'bin', 'node-gyp.js');
  const gypArgs = ['rebuild', '--release', `--target=${electron}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'];
  if (!(prebuilt || run(gyp, gypArgs)) || !fs.existsSync(built)) return null;
  fs.mkdirSync(outDir, { recursive: true });
  fs.copyFileSync(built, `${outFile}.tmp`);
  fs.renameSync(`${outFile}.tmp`, outFile);
  fs.writeFileSync(stampFile, stamp);
  return `built better-sqlite3 ${sqlite} for Electron ${electron} (${process.platform}-${arch}) into build/native/electron.`;
}

let done = null;
try {
  done = produce();
} catch (e) {
  if (verbose) process.stderr.write(`${e.stack}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (done) finish(true, done);
finish(
  false,
  `could not download or build better-sqlite3 ${sqlite} for Electron ${electron} (no network?); run \`npm run electron:native\` when online (add --verbose for details).`,
);
