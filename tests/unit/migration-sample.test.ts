import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { CURRENT_SCHEMA_VERSION } from '../../electron/core/db/migrations/index';
import { tempDir } from './helpers';

describe('a version 1 project file (the bundled sample) opens in this version', () => {
  it('is upgraded, keeps a backup, and shows the same board with thumbnails from its images', () => {
    const file = path.join(tempDir('bw-sample-'), 'sample.boardwright');
    fs.copyFileSync(path.resolve(__dirname, '../../assets/sample.boardwright'), file);
    const p = Project.open(file);
    expect(p.info().schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
    const panels = p.board().scenes.flatMap((s) => s.panels);
    expect(panels).toHaveLength(10);
    for (const panel of panels) {
      expect(panel.imageSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(panel.thumbSha256).toBe(panel.imageSha256);
      expect(p.panel(panel.id)).toEqual(panel);
    }
    p.close();
    // The rebuilt image table's old pages are given back: the upgraded file is not twice the size.
    // No data copied twice; each table and index a later version adds costs a page or two even when empty.
    expect(fs.statSync(file).size).toBeLessThan(fs.statSync(`${file}.v1.bak`).size * 1.1 + 64 * 1024);
  });
});
