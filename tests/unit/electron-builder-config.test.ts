import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
// js-yaml comes with electron-builder.
const yaml = requireFromRoot('js-yaml') as { load(text: string): unknown };
const config = yaml.load(fs.readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as Record<string, any>;

describe('electron-builder config', () => {
  it('names the app and packages the build output', () => {
    expect(config.appId).toBe('dev.boardwright.app');
    expect(config.productName).toBe('Boardwright');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/main.cjs');
  });

  it('targets AppImage and deb, dmg, and nsis', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('keeps native modules outside the asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining([
        '**/*.node',
        'node_modules/better-sqlite3/**',
        'node_modules/sharp/**',
        'node_modules/@img/**',
        'node_modules/@ffmpeg-installer/**',
      ]),
    );
  });

  it('ships the sample and the Electron-ABI SQLite build where main looks for them', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'assets/sample.boardwright', to: 'sample.boardwright' },
        expect.objectContaining({ from: 'build/native/electron', to: 'native' }),
      ]),
    );
  });

  it('associates .boardwright files and has an icon of at least 512 px', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'boardwright' })]);
    const png = fs.readFileSync(path.join(root, 'build/icon.png'));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = requireFromRoot('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = requireFromRoot('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });
});
