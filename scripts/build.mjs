// Builds everything the app, the CLI and web mode run: Node bundles with esbuild, the renderer with Vite.
// Skips work when the outputs are newer than every source (so `npm run web` and `npx boardwright` stay fast).
// Usage: node scripts/build.mjs [--force]
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const force = process.argv.includes('--force');

/** Modules that stay outside the bundles: native addons and Electron itself. */
const external = ['electron', 'better-sqlite3', 'sharp', 'pdfkit', '@ffmpeg-installer/ffmpeg', 'playwright-core'];

const nodeEntries = {
  'main/main': 'electron/main/main.ts',
  'cli/boardwright': 'electron/cli/main.ts',
  'web/boardwright-web': 'electron/web/main.ts',
  'tools/make-sample': 'scripts/make-sample.ts',
};

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of ['electron', 'shared', 'renderer', 'assets', 'scripts/sample']) walk(path.join(root, d));
  for (const f of ['package.json', 'scripts/build.mjs', 'scripts/make-sample.ts']) {
    if (fs.existsSync(path.join(root, f))) newest = Math.max(newest, fs.statSync(path.join(root, f)).mtimeMs);
  }
  return newest;
}

if (!force && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestSource()) process.exit(0);

const started = Date.now();
const entryPoints = Object.fromEntries(
  Object.entries(nodeEntries).filter(([, src]) => fs.existsSync(path.join(root, src))).map(([out, src]) => [out, path.join(root, src)]),
);
await esbuild({
  entryPoints,
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
if (fs.existsSync(path.join(root, 'electron/preload/preload.ts'))) {
  // A sandboxed preload can require nothing but 'electron': bundle everything else in.
  await esbuild({
    entryPoints: { 'preload/preload': path.join(root, 'electron/preload/preload.ts') },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'chrome120',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
  });
}
// Always a production renderer (React's production build), even when a test runner with NODE_ENV=test
// starts this script: Vite would otherwise bundle React's development build, several times slower.
process.env.NODE_ENV = 'production';
await viteBuild({ configFile: path.join(root, 'renderer/vite.config.mts'), logLevel: 'warn' });
fs.writeFileSync(stamp, new Date().toISOString());
process.stderr.write(`Boardwright built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
