#!/usr/bin/env node
// The `boardwright` command: builds the bundles if they are missing or stale, then runs the CLI.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) process.exit(built.status ?? 1);
require(path.join(root, 'dist/cli/boardwright.cjs'))
  .runCli(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
