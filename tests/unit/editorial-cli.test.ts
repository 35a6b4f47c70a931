import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-runner';
import { Project } from '../../electron/core/project';
import { tempDir } from './helpers';
import { listMedia, makeEditorialProject } from './editorial-helpers';

describe('boardwright export fcpxml|xmeml|edl|otio', { timeout: 120_000 }, () => {
  const dir = tempDir('bw-cli-editorial é ');
  const file = path.join(dir, 'Court métrage.boardwright');

  it('writes each format with its media folder, and says what it wrote', async () => {
    (await makeEditorialProject(file)).close();
    const out = path.join(dir, 'montage final.fcpxml');
    const r = await cli('export', 'fcpxml', file, out);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.trim().split('\n')).toEqual([
      `Wrote ${out}: 5 clips, 149 frames at 24 fps (6.21 s)`,
      `Media: ${path.join(dir, 'montage final_media')} (5 stills, 2 audio files)`,
    ]);
    const edl = await cli('export', 'edl', file, path.join(dir, 'cut.edl'), '--media', path.join(dir, 'media'), '--fps', '25', '--scenes', '1');
    expect(edl.code).toBe(0);
    expect(edl.out).toContain('3 clips');
    expect(edl.out).toContain(`Wrote ${path.join(dir, 'cut.Music.edl')}`);
    expect(listMedia(path.join(dir, 'media'))).toEqual(['1A.png', '1B.png', '1C.png', 'boardwright-media.json', 'theme_music.wav']);
    expect((await cli('export', 'otio', file, path.join(dir, 'rel.otio'), '--relative')).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'rel.otio'), 'utf8')).toContain('"target_url": "rel_media/1A.png"');
    expect((await cli('export', 'xmeml', file, path.join(dir, 'premiere.xml'), '--fps', '29.97')).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'premiere.xml'), 'utf8')).toContain('<timebase>30</timebase><ntsc>TRUE</ntsc>');
  });

  it('works read-only while the project is open for writing elsewhere', async () => {
    const open = Project.open(file);
    try {
      expect((await cli('export', 'otio', file, path.join(dir, 'while-open.otio'))).code).toBe(0);
    } finally {
      open.close();
    }
  });

  it('bad usage exits 2; an empty board, a wrong extension or a missing file exits 1 with one line', async () => {
    expect(await cli('export', 'otio', file, path.join(dir, 'a.otio'), '--fps', '12')).toMatchObject({ code: 2, err: expect.stringContaining('--fps must be one of 23.976, 24, 25, 29.97, 30') });
    expect((await cli('export', 'otio', file)).code).toBe(2);
    expect((await cli('export', 'otio', file, path.join(dir, 'a.otio'), 'extra')).code).toBe(2);
    expect((await cli('export', 'edl', file, path.join(dir, 'a.edl'), '--bogus')).code).toBe(2);
    const empty = path.join(dir, 'empty.boardwright');
    Project.create(empty, { title: 'Empty' }).close();
    const e = await cli('export', 'xmeml', empty, path.join(dir, 'empty.xml'));
    expect(e).toMatchObject({ code: 1, err: expect.stringMatching(/^boardwright export: This project has no panels: add panels before exporting a timeline\.\n$/) });
    expect(await cli('export', 'fcpxml', file, path.join(dir, 'wrong.xml'))).toMatchObject({ code: 1, err: expect.stringContaining('.fcpxml file') });
    expect((await cli('export', 'otio', path.join(dir, 'missing.boardwright'), path.join(dir, 'm.otio'))).code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'empty_media'))).toBe(false);
    expect((await cli('export', 'otio', file, path.join(dir, 'h.otio'), '--help')).out).toContain('--relative');
  });
});
