import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const root = path.resolve(__dirname, '../..');

/** Runs `npm start`'s script against a stand-in node_modules/electron folder, build step skipped. */
function start(electronDir: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, BOARDWRIGHT_SKIP_BUILD: '1', BOARDWRIGHT_SKIP_NATIVE: '1', BOARDWRIGHT_ELECTRON_DIR: electronDir },
  });
}

describe('npm start without an Electron runtime', () => {
  it('tries the download once, then prints one sentence and exits 1', () => {
    const dir = tempDir('bw-electron-');
    // An installer that fails the way install.js does offline, and records that it ran.
    fs.writeFileSync(
      path.join(dir, 'install.js'),
      "require('fs').appendFileSync(require('path').join(__dirname, 'attempts'), 'x'); console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);",
    );
    const run = start(dir);
    expect(run.status).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'attempts'), 'utf8')).toBe('x');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Boardwright could not start: the Electron runtime is not installed and could not be downloaded/);
    expect(lines[0]).toContain('npm run web');
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(run.stdout).toBe('');
  });

  it('says the same when path.txt names a runtime that is not there', () => {
    const dir = tempDir('bw-electron-');
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    const run = start(dir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('could not start');
  });

  it('runs the runtime with the repo as the app folder and exits with its code', () => {
    const dir = tempDir('bw-electron-');
    fs.mkdirSync(path.join(dir, 'dist'));
    const fake = path.join(dir, 'dist', 'electron');
    fs.writeFileSync(fake, `#!/bin/sh\necho "args:$1"\nexit 7\n`, { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    if (process.platform === 'win32') return;
    const run = start(dir);
    expect(run.stdout.trim()).toBe(`args:${root}`);
    expect(run.status).toBe(7);
  });
});
