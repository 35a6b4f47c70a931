import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../electron/core/project';
import { cli } from './cli-runner';
import { makeAnimaticProject } from './animatic-helpers';
import { sha256File, tempDir } from './helpers';

describe('boardwright set-project --fit', () => {
  const file = path.join(tempDir('bw-set-project-'), 'fit.boardwright');
  const framing = () => {
    const p = Project.open(file);
    try {
      return p.board().scenes[0].panels[0].framing;
    } finally {
      p.close();
    }
  };

  it('crop frames the centre of each picture at the new aspect, letterbox the whole picture; each is one undoable edit', async () => {
    (await makeAnimaticProject(file, [{ rgb: [220, 40, 40], durationMs: 1000 }])).close();
    const r = await cli('set-project', file, '--aspect', '2.39', '--fit', 'crop');
    expect(r).toMatchObject({ code: 0, err: '' });
    const crop = framing();
    expect(crop?.start).toEqual(crop?.end);
    expect(crop?.start.w).toBe(1);
    expect(crop?.start.h).toBeCloseTo(16 / 9 / 2.39, 10);

    expect((await cli('set-project', file, '--aspect', '1:1', '--fit', 'keep')).code).toBe(0);
    expect(framing()).toEqual(crop);
    expect((await cli('set-project', file, '--aspect', '16:9', '--fit', 'letterbox')).code).toBe(0);
    expect(framing()).toBeNull();

    const p = Project.open(file);
    p.undo();
    expect(p.info().aspectRatio).toBe('1:1');
    expect(p.board().scenes[0].panels[0].framing).toEqual(crop);
    p.close();
  });

  it('refuses an unknown fit, or a fit without --aspect (exit 2, file unchanged)', async () => {
    const before = sha256File(file);
    const bad = await cli('set-project', file, '--aspect', '4:3', '--fit', 'stretch');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--fit/);
    const alone = await cli('set-project', file, '--fit', 'crop');
    expect(alone.code).toBe(2);
    expect(alone.err).toMatch(/give --aspect/);
    expect(sha256File(file)).toBe(before);
  });
});
