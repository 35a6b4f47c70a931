import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './cli-runner';
import { createPanel } from '../../electron/core/commands/panel-commands';
import { createScene } from '../../electron/core/commands/scene-commands';
import { listVariations } from '../../electron/core/generation/job-rows';
import { Project } from '../../electron/core/project';
import { tempDir } from './helpers';

describe('boardwright generate', () => {
  const dir = tempDir('bw-gen-cli-');
  const file = path.join(dir, 'Storm.boardwright');
  const home = process.env.BOARDWRIGHT_HOME;
  beforeAll(() => {
    process.env.BOARDWRIGHT_HOME = path.join(dir, 'home');
    const project = Project.create(file, { title: 'Storm', aspectRatio: '16:9' });
    const scene = createScene(project, { patch: { heading: 'EXT. CLIFF - NIGHT' } });
    createPanel(project, { sceneId: scene.id, patch: { shotSize: 'EWS', angle: 'high', action: 'The lighthouse in the storm' } });
    createPanel(project, { sceneId: scene.id, patch: { shotSize: 'CU', lensMm: 85 } });
    project.close();
  });
  afterAll(() => {
    if (home === undefined) delete process.env.BOARDWRIGHT_HOME;
    else process.env.BOARDWRIGHT_HOME = home;
  });

  it('--panel: writes the variations into the file and prints one line per variation', async () => {
    const r = await cli('generate', file, '--panel', '1A', '--count', '3', '--seed', '7');
    expect(r).toMatchObject({ code: 0, err: '' });
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => expect(line).toMatch(new RegExp(`^1A  builtin  boardwright-blocking-1  seed=${7 + i}  [0-9a-f]{64}  \\d+ms$`)));
    const project = Project.open(file);
    try {
      const panel = project.board().scenes[0].panels[0];
      const stored = listVariations(project.db, panel.id);
      expect(stored.map((v) => v.imageSha256).sort()).toEqual(lines.map((l) => l.split('  ')[4]).sort());
      expect(stored.every((v) => v.provider === 'builtin' && v.promptVersionId !== null)).toBe(true);
      expect(project.history().undoLabel).toBe('Add panel');
    } finally {
      project.close();
    }
    // Same seed, same sketch.
    const again = await cli('generate', file, '--panel', '1A', '--count', '1', '--seed', '7');
    expect(again.out.split('  ')[4]).toBe(lines[0].split('  ')[4]);
  });

  it('--all: every panel', async () => {
    const r = await cli('generate', file, '--all', '--count', '2');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').map((l) => l.split('  ')[0])).toEqual(['1A', '1A', '1B', '1B']);
  });

  it('bad usage and bad targets', async () => {
    expect((await cli('generate', file)).code).toBe(2);
    expect((await cli('generate', file, '--panel', '1A', '--all')).code).toBe(2);
    expect((await cli('generate', file, '--panel', '1A', '--count', '9')).err).toMatch(/--count takes a whole number from 1 to 8/);
    expect((await cli('generate', file, '--panel', '1A', '--provider', 'midjourney')).err).toMatch(/--provider must be one of builtin, openai/);
    const missing = await cli('generate', file, '--panel', '9Z');
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/No panel with shot number 9Z/) });
    const unset = await cli('generate', file, '--panel', '1A', '--provider', 'stability');
    expect(unset.code).toBe(1);
    expect(unset.err).toMatch(/STABILITY_API_KEY/);
  });

  it('--pick N puts the Nth new variation in the panel, marked in the listing; a pick beyond --count is refused', async () => {
    const r = await cli('generate', file, '--panel', '1B', '--count', '3', '--seed', '40', '--pick', '2');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines.map((l) => l.endsWith('  picked'))).toEqual([false, true, false]);
    const project = Project.open(file);
    try {
      expect(project.board().scenes[0].panels[1].imageSha256).toBe(lines[1].split('  ')[4]);
    } finally {
      project.close();
    }
    expect((await cli('generate', file, '--panel', '1B', '--count', '2', '--pick', '3')).err).toMatch(/--pick 3 asks for a variation beyond the 2 generated/);
  });
});
