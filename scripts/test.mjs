// `npm test`: type-checks, builds, then runs the unit suite (Node) and the E2E suite (Debian Chromium
// against web mode), and ends with one line for all suites together: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'artifacts', 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
let passed = 0;
let failed = 0;

console.log('\n== Type check ==');
if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) === 0) passed += 1;
else failed += 1;

console.log('\n== Build ==');
if (run(process.execPath, ['scripts/build.mjs']) !== 0) failed += 1;

const suites = [
  { name: 'Unit', config: 'vitest.config.mts' },
  { name: 'E2E', config: 'vitest.e2e.config.ts' },
];
for (const suite of suites) {
  if (!fs.existsSync(path.join(root, suite.config))) {
    console.error(`Missing test config ${suite.config}`);
    failed += 1;
    continue;
  }
  console.log(`\n== ${suite.name} tests ==`);
  const out = path.join(resultsDir, `${suite.name.toLowerCase()}.json`);
  fs.rmSync(out, { force: true });
  const status = run('npx', ['vitest', 'run', '-c', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed to load has no tests counted: count it as a failure.
    failed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  } else if (status !== 0) {
    failed += 1;
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
