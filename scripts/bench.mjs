// Runs the benchmarks: bundles each bench/*.bench.ts with esbuild into dist/bench/ and runs them one
// after another under plain Node, passing their output through. Each bench ends with one JSON line;
// the last line printed here is one JSON object combining them all.
// Usage: node scripts/bench.mjs [name-filter...]   (e.g. `npm run bench -- project-file`)
//        --strict  exit 1 when a target is missed (a crashed bench always exits 1)
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const outDir = path.join(root, 'dist', 'bench');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const filters = args.filter((a) => !a.startsWith('--'));

const entries = fs
  .readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (entries.length === 0) {
  process.stderr.write(`No benchmarks in bench/ match ${filters.join(' ') || '*.bench.ts'}\n`);
  process.exit(1);
}

// The *.diagnose.ts helpers are bundled too (run by hand, see their headers), never run here.
const helpers = fs.readdirSync(benchDir).filter((f) => f.endsWith('.diagnose.ts'));
await build({
  entryPoints: Object.fromEntries([...entries, ...helpers].map((f) => [f.replace(/\.ts$/, ''), path.join(benchDir, f)])),
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['better-sqlite3', 'sharp', 'playwright-core', 'pdfkit'],
  logLevel: 'warning',
});

/** Runs one bundled bench, echoing its stdout live; resolves with its exit code and last stdout line. */
function run(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--enable-source-maps', file], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-65536);
    });
    child.on('close', (code, signal) => {
      const lines = tail.split('\n').map((l) => l.trim()).filter(Boolean);
      resolve({ code: code ?? 1, signal, last: lines[lines.length - 1] ?? '' });
    });
  });
}

const combined = {};
let crashed = false;
let missed = false;
for (const entry of entries) {
  const name = entry.replace(/\.bench\.ts$/, '');
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const { code, signal, last } = await run(path.join(outDir, entry.replace(/\.ts$/, '.cjs')));
  let figures;
  try {
    figures = JSON.parse(last);
  } catch {
    figures = null;
  }
  if (code !== 0 || !figures || typeof figures !== 'object') {
    crashed = true;
    combined[name] = { error: code !== 0 ? `exited with ${signal ?? code}` : 'no JSON result line', seconds: Math.round((Date.now() - started) / 100) / 10 };
    continue;
  }
  if (figures.pass && Object.values(figures.pass).includes(false)) missed = true;
  combined[figures.bench ?? name] = figures;
}

const summary = { benches: combined, ok: !crashed, allTargetsMet: !crashed && !missed };
process.stdout.write(`\n${JSON.stringify(summary)}\n`);
process.exitCode = crashed || (strict && missed) ? 1 : 0;
